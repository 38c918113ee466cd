package nl.leerroute.catalogue;

import static nl.leerroute.database.Props.str;

import java.util.Map;

public record Institution(String id, String name, String kind, String descriptionNl, String descriptionEn,
        String provenance) {

    public static Institution of(Map<String, Object> n) {
        return new Institution(str(n, "id"), str(n, "name"), str(n, "kind"), str(n, "descriptionNl"),
                str(n, "descriptionEn"), str(n, "provenance"));
    }
}
