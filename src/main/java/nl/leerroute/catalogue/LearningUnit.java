package nl.leerroute.catalogue;

import static nl.leerroute.database.Props.dates;
import static nl.leerroute.database.Props.decimal;
import static nl.leerroute.database.Props.integer;
import static nl.leerroute.database.Props.str;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

public record LearningUnit(String id, String kind, String titleNl, String titleEn, String descriptionNl,
        String descriptionEn, Integer sequence, Double ec, Integer hours, Integer durationWeeks, Double costEur,
        String mode, String language, List<LocalDate> startMoments, String provenance,
        String entryRequirementsText) {

    public static LearningUnit of(Map<String, Object> n) {
        return new LearningUnit(str(n, "id"), str(n, "kind"), str(n, "titleNl"), str(n, "titleEn"),
                str(n, "descriptionNl"), str(n, "descriptionEn"), integer(n, "sequence"), decimal(n, "ec"),
                integer(n, "hours"), integer(n, "durationWeeks"), decimal(n, "costEur"), str(n, "mode"),
                str(n, "language"), dates(n, "startMoments"), str(n, "provenance"), str(n, "requiresText"));
    }
}
