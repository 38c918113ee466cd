package nl.leerroute.catalogue;

import static nl.leerroute.database.Props.str;

import java.util.Map;

public record Certificate(String id, String nameNl, String nameEn, String descriptionNl, String descriptionEn,
        String provenance) implements Requirer {

    public static Certificate of(Map<String, Object> n) {
        return new Certificate(str(n, "id"), str(n, "nameNl"), str(n, "nameEn"), str(n, "descriptionNl"),
                str(n, "descriptionEn"), str(n, "provenance"));
    }
}
