package nl.leerroute.catalogue;

import static nl.leerroute.database.Props.str;

import java.util.Map;

public record Competency(String id, String kind, String tDimension, String nameNl, String nameEn,
        String descriptionNl, String descriptionEn, String escoUri, String provenance) {

    public static Competency of(Map<String, Object> n) {
        return new Competency(str(n, "id"), str(n, "kind"), str(n, "tDimension"), str(n, "nameNl"), str(n, "nameEn"),
                str(n, "descriptionNl"), str(n, "descriptionEn"), str(n, "escoUri"), str(n, "provenance"));
    }
}
