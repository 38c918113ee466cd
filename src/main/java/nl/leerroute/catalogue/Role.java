package nl.leerroute.catalogue;

import static nl.leerroute.database.Props.integer;
import static nl.leerroute.database.Props.str;

import java.util.Map;

public record Role(String id, String nameNl, String nameEn, String descriptionNl, String descriptionEn,
        Integer iscoLevel, String sector, String provenance) implements Requirer {

    public static Role of(Map<String, Object> n) {
        return new Role(str(n, "id"), str(n, "nameNl"), str(n, "nameEn"), str(n, "descriptionNl"),
                str(n, "descriptionEn"), integer(n, "iscoLevel"), str(n, "sector"), str(n, "provenance"));
    }
}
