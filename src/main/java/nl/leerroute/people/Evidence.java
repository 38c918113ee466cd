package nl.leerroute.people;

import static nl.leerroute.database.Props.date;
import static nl.leerroute.database.Props.str;

import java.time.LocalDate;
import java.util.Map;

/**
 * One item of a person's prior learning.
 *
 * @param claimedOn when the person added it through Leerroute; null for seeded items
 * @param source how its assertions were chosen: null when the person named the outcomes,
 *        SUGGESTED_FROM_TEXT when they accepted suggestions from their own description,
 *        DERIVED_FROM_SOURCE when they are the outcomes of the named programme, certificate or unit
 */
public record Evidence(String id, String kind, String title, String role, String employerSector, LocalDate from,
        LocalDate to, String description, String status, String validatedBy, String validationMethod,
        LocalDate validatedOn, String rejectedBy, LocalDate rejectedOn, String rejectionReason, LocalDate claimedOn,
        String source, String provenance) {

    public static Evidence of(Map<String, Object> n) {
        return new Evidence(str(n, "id"), str(n, "kind"), str(n, "title"), str(n, "role"), str(n, "employerSector"),
                date(n, "from"), date(n, "to"), str(n, "description"), str(n, "status"), str(n, "validatedBy"),
                str(n, "validationMethod"), date(n, "validatedOn"), str(n, "rejectedBy"), date(n, "rejectedOn"),
                str(n, "rejectionReason"), date(n, "claimedOn"), str(n, "source"), str(n, "provenance"));
    }
}
