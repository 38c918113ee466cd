package nl.leerroute.people;

import static nl.leerroute.database.Props.date;
import static nl.leerroute.database.Props.str;

import java.time.LocalDate;
import java.util.Map;

/** One item of a person's prior learning. */
public record Evidence(String id, String kind, String title, String role, String employerSector, LocalDate from,
        LocalDate to, String description, String status, String validatedBy, String validationMethod,
        LocalDate validatedOn, String provenance) {

    public static Evidence of(Map<String, Object> n) {
        return new Evidence(str(n, "id"), str(n, "kind"), str(n, "title"), str(n, "role"), str(n, "employerSector"),
                date(n, "from"), date(n, "to"), str(n, "description"), str(n, "status"), str(n, "validatedBy"),
                str(n, "validationMethod"), date(n, "validatedOn"), str(n, "provenance"));
    }
}
