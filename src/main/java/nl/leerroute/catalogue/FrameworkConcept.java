package nl.leerroute.catalogue;

import static nl.leerroute.database.Props.integer;
import static nl.leerroute.database.Props.str;

import java.util.Map;

public record FrameworkConcept(String id, String scheme, Integer ordinal, String group, String nameNl,
        String nameEn, String descriptionNl, String descriptionEn, String provenance) {

    public static FrameworkConcept of(Map<String, Object> n) {
        return new FrameworkConcept(str(n, "id"), str(n, "scheme"), integer(n, "ordinal"), str(n, "group"),
                str(n, "nameNl"), str(n, "nameEn"), str(n, "descriptionNl"), str(n, "descriptionEn"),
                str(n, "provenance"));
    }
}
