package nl.leerroute.people;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Says where evidence and the credits it gives come from, in Dutch and English, so that a person and
 * an advisor can check every credit against something they recognise.
 */
public final class EvidenceExplanations {

    private static final Map<String, String[]> KINDS = Map.of(
            "DIPLOMA", new String[] {"Diploma", "Diploma"},
            "CERTIFICATE", new String[] {"Certificaat", "Certificate"},
            "COMPLETED_UNIT", new String[] {"Afgeronde leereenheid", "Completed learning unit"},
            "WORK_EXPERIENCE", new String[] {"Werkervaring", "Work experience"},
            "INFORMAL", new String[] {"Informeel leren", "Informal learning"});

    private static final Map<String, String[]> METHODS = Map.of(
            "ASSESSMENT", new String[] {"assessment", "assessment"},
            "PORTFOLIO", new String[] {"portfolio", "portfolio"},
            "EMPLOYER_STATEMENT", new String[] {"werkgeversverklaring", "employer statement"},
            "DIPLOMA", new String[] {"diploma", "diploma"},
            "CERTIFICATE", new String[] {"certificaat", "certificate"},
            "COMPLETION", new String[] {"afronding vastgelegd in Leerroute", "completion recorded in Leerroute"});

    private EvidenceExplanations() {
    }

    private static String pick(Map<String, String[]> labels, String key, boolean nl) {
        String[] label = labels.get(key);
        return label == null ? String.valueOf(key) : label[nl ? 0 : 1];
    }

    /** What the item is, how its outcomes were chosen, and who decided on it. */
    public static String of(Evidence e, boolean nl) {
        return describe(e, nl, true);
    }

    private static String describe(Evidence e, boolean nl, boolean shelfLifeNote) {
        StringBuilder text = new StringBuilder(pick(KINDS, e.kind(), nl)).append(" '").append(e.title()).append("'");
        if (e.from() != null || e.to() != null) {
            text.append(" (").append(e.from() == null ? "" : e.from() + " – ")
                    .append(e.to() == null ? (nl ? "heden" : "present") : e.to()).append(")");
        }
        text.append(". ");
        if ("SUGGESTED_FROM_TEXT".equals(e.source())) {
            text.append(nl ? "De leeruitkomsten zijn voorgesteld uit de eigen beschrijving en door de persoon "
                    + "geaccepteerd. " : "The outcomes were suggested from the person's own description and "
                    + "accepted by them. ");
        } else if ("DERIVED_FROM_SOURCE".equals(e.source())) {
            text.append(nl ? "De leeruitkomsten zijn die van de genoemde opleiding, het certificaat of de "
                    + "leereenheid. " : "The outcomes are those of the programme, certificate or unit it names. ");
        }
        switch (e.status()) {
            case "VALIDATED" -> text.append(nl ? "Gevalideerd" : "Validated")
                    .append(e.validatedBy() == null ? "" : (nl ? " door " : " by ") + e.validatedBy())
                    .append(e.validatedOn() == null ? "" : (nl ? " op " : " on ") + e.validatedOn())
                    .append(e.validationMethod() == null ? ""
                            : " (" + pick(METHODS, e.validationMethod(), nl) + ")")
                    .append(!shelfLifeNote ? "." : nl ? "; telt mee zolang het binnen de houdbaarheid van elke "
                            + "leeruitkomst valt." : "; it counts while within each outcome's shelf life.");
            case "REJECTED" -> text.append(nl ? "Afgewezen" : "Rejected")
                    .append(e.rejectedBy() == null ? "" : (nl ? " door " : " by ") + e.rejectedBy())
                    .append(e.rejectedOn() == null ? "" : (nl ? " op " : " on ") + e.rejectedOn())
                    .append(": ").append(e.rejectionReason()).append(".");
            default -> text.append(nl ? "Geclaimd" : "Claimed")
                    .append(e.claimedOn() == null ? "" : (nl ? " op " : " on ") + e.claimedOn())
                    .append(nl ? ": telt pas mee na validatie door een adviseur of assessor, maar maakt een "
                            + "EVC-assessment in een route mogelijk."
                            : ": counts only once an advisor or assessor validates it, but makes an EVC "
                                    + "assessment step possible in a route.");
        }
        return text.toString();
    }

    /**
     * Why an outcome is credited: the evidence that gives it and until when it counts.
     *
     * @param evidence the graph's evidence items giving the credit; empty for a profile given inline
     * @param titles the titles of the items, used when {@code evidence} is empty
     */
    public static String credit(String outcomeTitle, int level, int neededLevel, Integer shelfLifeYears,
            List<Evidence> evidence, List<String> titles, LocalDate today, boolean nl) {
        StringBuilder text = new StringBuilder(nl ? "'" + outcomeTitle + "' is gecrediteerd op niveau " + level
                + " (nodig: " + neededLevel + ") op grond van: "
                : "'" + outcomeTitle + "' is credited at level " + level + " (needed: " + neededLevel
                        + ") on the strength of: ");
        if (evidence.isEmpty()) {
            text.append(titles.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", ")))
                    .append(nl ? " (opgegeven profiel)." : " (profile given with the request).");
            return text.toString();
        }
        text.append(evidence.stream().map(e -> describe(e, nl, false)).collect(Collectors.joining(" ")));
        // the credit lasts as long as its longest-lasting evidence; undated (ongoing) evidence does not age
        boolean ages = shelfLifeYears != null && evidence.stream().allMatch(e -> e.to() != null);
        LocalDate until = !ages ? null : evidence.stream().map(e -> e.to().plusYears(shelfLifeYears))
                .max(LocalDate::compareTo).orElseThrow();
        if (until != null && until.isAfter(today)) {
            text.append(nl ? " Deze leeruitkomst veroudert: het bewijs telt tot " + until + " (houdbaarheid "
                    + shelfLifeYears + " jaar)." : " This outcome ages: the evidence counts until " + until
                    + " (shelf life " + shelfLifeYears + " years).");
        }
        return text.toString();
    }
}
