package nl.leerroute.catalogue;

import static nl.leerroute.database.Props.integer;
import static nl.leerroute.database.Props.str;

import java.util.Map;

public record LearningOutcome(String id, String titleNl, String titleEn, String descriptionNl,
        String descriptionEn, Integer eqfLevel, Integer shelfLifeYears, String escoUri, String provenance) {

    public static LearningOutcome of(Map<String, Object> n) {
        return new LearningOutcome(str(n, "id"), str(n, "titleNl"), str(n, "titleEn"), str(n, "descriptionNl"),
                str(n, "descriptionEn"), integer(n, "eqfLevel"), integer(n, "shelfLifeYears"), str(n, "escoUri"),
                str(n, "provenance"));
    }
}
