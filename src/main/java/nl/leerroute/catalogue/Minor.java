package nl.leerroute.catalogue;

import static nl.leerroute.database.Props.integer;
import static nl.leerroute.database.Props.str;

import java.util.Map;

public record Minor(String id, String nameNl, String nameEn, String status, Integer ec, String language,
        String descriptionNl, String descriptionEn, String provenance) {

    public static Minor of(Map<String, Object> n) {
        return new Minor(str(n, "id"), str(n, "nameNl"), str(n, "nameEn"), str(n, "status"), integer(n, "ec"),
                str(n, "language"), str(n, "descriptionNl"), str(n, "descriptionEn"), str(n, "provenance"));
    }
}
