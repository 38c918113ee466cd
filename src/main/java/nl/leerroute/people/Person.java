package nl.leerroute.people;

import static nl.leerroute.database.Props.integer;
import static nl.leerroute.database.Props.str;

import java.util.Map;

public record Person(String id, String name, Integer birthYear, String education, Integer yearsOfWork,
        String currentRole, String employerSector, String summaryNl, String summaryEn, String provenance,
        String employmentStatus, String employerSize) {

    public static Person of(Map<String, Object> n) {
        return new Person(str(n, "id"), str(n, "name"), integer(n, "birthYear"), str(n, "education"),
                integer(n, "yearsOfWork"), str(n, "currentRole"), str(n, "employerSector"), str(n, "summaryNl"),
                str(n, "summaryEn"), str(n, "provenance"), str(n, "employmentStatus"), str(n, "employerSize"));
    }
}
