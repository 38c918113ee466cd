package nl.leerroute.funding;

import static nl.leerroute.database.Props.date;
import static nl.leerroute.database.Props.decimal;
import static nl.leerroute.database.Props.integer;
import static nl.leerroute.database.Props.str;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A funding scheme as the seed describes it (funding.csv). Empty criteria lists mean "any".
 *
 * @param ratePercent share of what is left of a unit's price after the schemes before it (by priority)
 * @param notCombinableWith schemes that never pay for the same unit as this one (either side may say so)
 */
public record FundingScheme(String id, String nameNl, String nameEn, String descriptionNl, String descriptionEn,
        String kind, String funder, int priority, List<String> employmentStatuses, Integer minAge, Integer maxAge,
        List<String> educationLevels, List<String> employerSizes, List<String> employerSectors,
        List<String> unitKinds, List<String> providerKinds, Integer minEqfLevel, Integer maxEqfLevel,
        double ratePercent, Double unitCapEur, Double routeCapEur, List<String> notCombinableWith,
        LocalDate validFrom, LocalDate validUntil, String rulesProvenance, String provenance) {

    static FundingScheme of(Map<String, Object> n, List<String> notCombinableWith) {
        return new FundingScheme(str(n, "id"), str(n, "nameNl"), str(n, "nameEn"), str(n, "descriptionNl"),
                str(n, "descriptionEn"), str(n, "kind"), str(n, "funder"), integer(n, "priority"),
                strings(n, "employmentStatuses"), integer(n, "minAge"), integer(n, "maxAge"),
                strings(n, "educationLevels"), strings(n, "employerSizes"), strings(n, "employerSectors"),
                strings(n, "unitKinds"), strings(n, "providerKinds"), integer(n, "minEqfLevel"),
                integer(n, "maxEqfLevel"), decimal(n, "ratePercent"), decimal(n, "unitCapEur"),
                decimal(n, "routeCapEur"), List.copyOf(notCombinableWith), date(n, "validFrom"),
                date(n, "validUntil"), str(n, "rulesProvenance"), str(n, "provenance"));
    }

    private static List<String> strings(Map<String, Object> n, String key) {
        return n.get(key) instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /** Valid on the day (from and until inclusive). */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }
}
