package nl.leerroute.funding;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.leerroute.routes.FundingSource.SchemeRule;
import nl.leerroute.routes.planner.Funding;

/**
 * Eligibility and amounts of funding schemes, in plain Java.
 *
 * <ul>
 * <li><b>Who</b>: every criterion a scheme sets must hold; a criterion on something the person's record does not
 * say (no employment status, no birth year) does not hold. Age is the plan's start year minus the birth year. A
 * scheme applies when it is valid on the plan's start date.</li>
 * <li><b>Which units</b>: unit kind, provider kind (registered providers) and the unit's level (the highest EQF
 * level it yields) must be among those the scheme names.</li>
 * <li><b>How much</b>: per unit, the schemes are applied in priority order (then id), each paying
 * {@code ratePercent} of what is left of the price after the schemes before it, at most its cap per unit,
 * rounded down to the cent; loans come last and lend of what is left of a step after grants and the employer
 * (after route caps, see {@link Funding#allocate}). A scheme is skipped
 * for a unit another scheme already pays for when either says they do not combine. The route cap (the most a
 * scheme pays over one route) is applied exactly by the planner ({@link Funding}).</li>
 * </ul>
 */
public final class FundingRules {

    private FundingRules() {
    }

    /** What eligibility needs to know about a person; any field may be unknown (null). */
    public record Applicant(String employmentStatus, Integer birthYear, String education, String employerSize,
            String employerSector) {
    }

    /** What qualification needs to know about a unit. */
    public record UnitFacts(String id, String kind, String providerKind, int eqfLevel, long grossCents) {
    }

    /** Whether a person is eligible, with the rule that decides it, in Dutch and English. */
    public record Verdict(boolean eligible, String textNl, String textEn) {
    }

    /** The schemes resolved for one person and day. */
    public record Resolution(Funding funding, Map<String, SchemeRule> rules, List<SchemeRule> notEligible) {
    }

    static final Map<String, String[]> LABELS = Map.ofEntries(
            Map.entry("EMPLOYED", new String[] {"werknemer", "an employee"}),
            Map.entry("SELF_EMPLOYED", new String[] {"zelfstandige (zzp)", "self-employed"}),
            Map.entry("JOB_SEEKER_WW", new String[] {"werkzoekende met WW-uitkering",
                "a job seeker on unemployment benefit (WW)"}),
            Map.entry("JOB_SEEKER", new String[] {"werkzoekende zonder WW", "a job seeker without WW"}),
            Map.entry("STUDENT", new String[] {"student", "a student"}),
            Map.entry("NOT_WORKING", new String[] {"niet werkend", "not working"}),
            Map.entry("SME", new String[] {"mkb-bedrijf", "an SME"}),
            Map.entry("LARGE", new String[] {"groot bedrijf", "a large company"}),
            Map.entry("MODULE", new String[] {"modules", "modules"}),
            Map.entry("TRAINING", new String[] {"trainingen", "trainings"}),
            Map.entry("SKILLSLAB", new String[] {"skillslab-opdrachten", "skillslab assignments"}),
            Map.entry("ONLINE_COURSE", new String[] {"online cursussen", "online courses"}),
            Map.entry("ASSESSMENT", new String[] {"EVC-assessments", "EVC assessments"}),
            Map.entry("UNIVERSITY_OF_APPLIED_SCIENCES",
                    new String[] {"hogescholen", "universities of applied sciences"}),
            Map.entry("UNIVERSITY", new String[] {"universiteiten", "universities"}),
            Map.entry("MBO_COLLEGE", new String[] {"mbo-instellingen", "vocational colleges"}),
            Map.entry("ACADEMY", new String[] {"academies", "academies"}),
            Map.entry("CENTRE_OF_EXPERTISE", new String[] {"kenniscentra", "centres of expertise"}),
            Map.entry("FIELDLAB", new String[] {"fieldlabs", "fieldlabs"}),
            Map.entry("SECONDARY", new String[] {"voortgezet onderwijs", "secondary school"}),
            Map.entry("MBO_2", new String[] {"mbo-2", "mbo level 2"}),
            Map.entry("MBO_3", new String[] {"mbo-3", "mbo level 3"}),
            Map.entry("MBO_4", new String[] {"mbo-4", "mbo level 4"}),
            Map.entry("AD", new String[] {"Ad", "associate degree"}),
            Map.entry("BACHELOR", new String[] {"bachelor", "bachelor"}),
            Map.entry("MASTER", new String[] {"master", "master"}));

    private static String label(String value, boolean nl) {
        String[] l = LABELS.get(value);
        return l == null ? value : l[nl ? 0 : 1];
    }

    private static String labels(List<String> values, boolean nl) {
        List<String> out = values.stream().map(v -> label(v, nl)).toList();
        if (out.size() <= 1) {
            return String.join("", out);
        }
        return String.join(", ", out.subList(0, out.size() - 1)) + (nl ? " of " : " or ") + out.get(out.size() - 1);
    }

    /** Whether the person is eligible on {@code day}; the text names the rule (the first that fails, or all). */
    public static Verdict eligibility(FundingScheme s, Applicant a, LocalDate day) {
        if (!s.validOn(day)) {
            String until = s.validUntil() == null ? "" : " t/m " + s.validUntil();
            String untilEn = s.validUntil() == null ? "" : " to " + s.validUntil();
            return new Verdict(false, "Geldt niet op " + day + ": geldig van " + s.validFrom() + until + ".",
                    "Not valid on " + day + ": valid from " + s.validFrom() + untilEn + ".");
        }
        List<String> nl = new ArrayList<>();
        List<String> en = new ArrayList<>();
        if (!s.employmentStatuses().isEmpty()) {
            if (a.employmentStatus() == null || !s.employmentStatuses().contains(a.employmentStatus())) {
                return refuse("Voor " + labels(s.employmentStatuses(), true) + "; je bent "
                        + (a.employmentStatus() == null ? "(onbekend)" : label(a.employmentStatus(), true)) + ".",
                        "For " + labels(s.employmentStatuses(), false) + "; you are "
                                + (a.employmentStatus() == null ? "(unknown)" : label(a.employmentStatus(), false))
                                + ".");
            }
            nl.add("je bent " + label(a.employmentStatus(), true));
            en.add("you are " + label(a.employmentStatus(), false));
        }
        if (s.minAge() != null || s.maxAge() != null) {
            String range = s.maxAge() == null ? s.minAge() + "+" : s.minAge() == null ? "0-" + s.maxAge()
                    : s.minAge() + "-" + s.maxAge();
            if (a.birthYear() == null) {
                return refuse("Voor leeftijd " + range + "; je geboortejaar is onbekend.",
                        "For ages " + range + "; your birth year is unknown.");
            }
            int age = day.getYear() - a.birthYear();
            if ((s.minAge() != null && age < s.minAge()) || (s.maxAge() != null && age > s.maxAge())) {
                return refuse("Voor leeftijd " + range + "; je bent " + age + ".",
                        "For ages " + range + "; you are " + age + ".");
            }
            nl.add("je bent " + age + " (" + range + ")");
            en.add("you are " + age + " (" + range + ")");
        }
        if (!s.educationLevels().isEmpty()) {
            if (a.education() == null || !s.educationLevels().contains(a.education())) {
                return refuse("Voor opleidingsniveau " + labels(s.educationLevels(), true) + "; jij hebt "
                        + (a.education() == null ? "(onbekend)" : label(a.education(), true)) + ".",
                        "For education " + labels(s.educationLevels(), false) + "; you have "
                                + (a.education() == null ? "(unknown)" : label(a.education(), false)) + ".");
            }
            nl.add("je opleiding is " + label(a.education(), true));
            en.add("your education is " + label(a.education(), false));
        }
        if (!s.employerSizes().isEmpty()) {
            if (a.employerSize() == null || !s.employerSizes().contains(a.employerSize())) {
                return refuse("Voor werknemers van een " + labels(s.employerSizes(), true) + "; jouw werkgever: "
                        + (a.employerSize() == null ? "geen of onbekend" : label(a.employerSize(), true)) + ".",
                        "For employees of " + labels(s.employerSizes(), false) + "; your employer: "
                                + (a.employerSize() == null ? "none or unknown" : label(a.employerSize(), false))
                                + ".");
            }
            nl.add("je werkgever is een " + label(a.employerSize(), true));
            en.add("your employer is " + label(a.employerSize(), false));
        }
        if (!s.employerSectors().isEmpty()) {
            if (a.employerSector() == null || !s.employerSectors().contains(a.employerSector())) {
                return refuse("Voor werknemers in " + String.join(", ", s.employerSectors()) + "; jouw sector: "
                        + (a.employerSector() == null ? "onbekend" : a.employerSector()) + ".",
                        "For employees in " + String.join(", ", s.employerSectors()) + "; your sector: "
                                + (a.employerSector() == null ? "unknown" : a.employerSector()) + ".");
            }
            nl.add("je werkt in de sector " + a.employerSector());
            en.add("you work in " + a.employerSector());
        }
        return new Verdict(true, capitalise(String.join(", ", nl)) + ".", capitalise(String.join(", ", en)) + ".");
    }

    private static Verdict refuse(String nl, String en) {
        return new Verdict(false, nl, en);
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? "Voor iedereen" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Whether the scheme pays for this unit at all (kind, provider, level). */
    public static boolean qualifies(FundingScheme s, UnitFacts u) {
        return !"ADVICE".equals(s.kind()) && (s.unitKinds().isEmpty() || s.unitKinds().contains(u.kind()))
                && (s.providerKinds().isEmpty() || s.providerKinds().contains(u.providerKind()))
                && (s.minEqfLevel() == null || u.eqfLevel() >= s.minEqfLevel())
                && (s.maxEqfLevel() == null || u.eqfLevel() <= s.maxEqfLevel());
    }

    /** Which units a scheme pays for and how much, in words. */
    public static String payRule(FundingScheme s, Map<String, FundingScheme> byId, boolean nl) {
        if ("ADVICE".equals(s.kind())) {
            return nl ? "Advies, betaalt geen leeronderdeel." : "Advice; pays for no learning unit.";
        }
        NumberFormat money = NumberFormat.getCurrencyInstance(nl ? Locale.forLanguageTag("nl-NL") : Locale.UK);
        money.setCurrency(java.util.Currency.getInstance("EUR"));
        StringBuilder t = new StringBuilder();
        String rate = NumberFormat.getNumberInstance(nl ? Locale.forLanguageTag("nl-NL") : Locale.UK)
                .format(s.ratePercent());
        t.append(nl ? (s.kind().equals("LOAN") ? "Leent " : "Betaalt ") + rate + "% van wat er van de prijs over is"
                : (s.kind().equals("LOAN") ? "Lends " : "Pays ") + rate + "% of what is left of the price");
        if (s.unitCapEur() != null) {
            t.append(nl ? ", hoogstens " + money.format(s.unitCapEur()) + " per onderdeel"
                    : ", at most " + money.format(s.unitCapEur()) + " per unit");
        }
        if (s.routeCapEur() != null) {
            t.append(nl ? " en " + money.format(s.routeCapEur()) + " per route"
                    : (s.unitCapEur() != null ? " and " : ", at most ") + money.format(s.routeCapEur())
                            + " per route");
        }
        t.append(nl ? ", voor " : ", for ");
        t.append(s.unitKinds().isEmpty() ? (nl ? "alle leeronderdelen" : "any learning unit")
                : labels(s.unitKinds(), nl));
        if (!s.providerKinds().isEmpty()) {
            t.append(nl ? " van " : " of ").append(labels(s.providerKinds(), nl));
        }
        if (s.minEqfLevel() != null || s.maxEqfLevel() != null) {
            t.append(nl ? " op EQF-niveau " : " at EQF level ")
                    .append(s.minEqfLevel() == null ? "1" : s.minEqfLevel()).append("-")
                    .append(s.maxEqfLevel() == null ? "8" : s.maxEqfLevel());
        }
        List<String> excluded = new ArrayList<>(s.notCombinableWith());
        byId.values().stream().filter(o -> o.notCombinableWith().contains(s.id())).map(FundingScheme::id)
                .filter(id -> !excluded.contains(id)).forEach(excluded::add);
        if (!excluded.isEmpty()) {
            t.append(nl ? "; niet samen met " : "; not together with ").append(String.join(", ", excluded.stream()
                    .sorted().map(id -> byId.containsKey(id) ? (nl ? byId.get(id).nameNl() : byId.get(id).nameEn())
                            : id).toList()));
        }
        return t.append('.').toString();
    }

    private static boolean conflict(FundingScheme a, FundingScheme b) {
        return a.notCombinableWith().contains(b.id()) || b.notCombinableWith().contains(a.id());
    }

    private static long cents(Double euros) {
        return euros == null ? Long.MAX_VALUE : Math.round(euros * 100);
    }

    /** What one scheme pays of {@code remaining} cents: the rate, rounded down, at most the per-unit cap. */
    static long share(FundingScheme s, long remaining) {
        long basisPoints = Math.round(s.ratePercent() * 100);
        return Math.min(cents(s.unitCapEur()), Math.multiplyExact(remaining, basisPoints) / 10_000);
    }

    /** The schemes for one person and day, as amounts per unit for the planner, with their rules in words. */
    public static Resolution resolve(Collection<FundingScheme> schemes, Applicant applicant, LocalDate day,
            Collection<UnitFacts> units, Funding.CostBasis basis) {
        Map<String, FundingScheme> byId = new LinkedHashMap<>();
        schemes.forEach(s -> byId.put(s.id(), s));
        List<FundingScheme> eligible = new ArrayList<>();
        Map<String, SchemeRule> rules = new LinkedHashMap<>();
        List<SchemeRule> notEligible = new ArrayList<>();
        schemes.stream().sorted(Comparator.comparingInt(FundingScheme::priority).thenComparing(FundingScheme::id))
                .forEach(s -> {
                    Verdict v = eligibility(s, applicant, day);
                    SchemeRule rule = new SchemeRule(s.id(), s.nameNl(), s.nameEn(), s.kind(),
                            v.textNl() + " " + payRule(s, byId, true), v.textEn() + " " + payRule(s, byId, false));
                    if (v.eligible()) {
                        eligible.add(s);
                        rules.put(s.id(), rule);
                    } else {
                        notEligible.add(new SchemeRule(s.id(), s.nameNl(), s.nameEn(), s.kind(), v.textNl(),
                                v.textEn()));
                    }
                });
        // loans last: they lend what is left after grants and the employer
        List<FundingScheme> order = new ArrayList<>(eligible.stream().filter(s -> !s.kind().equals("LOAN")).toList());
        eligible.stream().filter(s -> s.kind().equals("LOAN")).forEach(order::add);
        Map<String, Map<String, Long>> amounts = new HashMap<>();
        for (UnitFacts unit : units) {
            long remaining = unit.grossCents();
            List<FundingScheme> paying = new ArrayList<>();
            for (FundingScheme s : order) {
                if (!qualifies(s, unit) || paying.stream().anyMatch(p -> conflict(p, s))) {
                    continue;
                }
                // a loan's amount is what it may lend of the whole price; the route shows what is really left
                long amount = share(s, s.kind().equals("LOAN") ? unit.grossCents() : remaining);
                if (amount <= 0) {
                    continue;
                }
                amounts.computeIfAbsent(s.id(), k -> new HashMap<>()).put(unit.id(), amount);
                paying.add(s);
                if (!s.kind().equals("LOAN")) {
                    remaining -= amount;
                }
            }
        }
        Set<String> kinds = Set.of("GRANT", "EMPLOYER_CONTRIBUTION", "LOAN");
        List<Funding.Scheme> planned = order.stream().filter(s -> kinds.contains(s.kind()))
                .map(s -> new Funding.Scheme(s.id(), Funding.Kind.valueOf(s.kind()),
                        s.routeCapEur() == null ? null : cents(s.routeCapEur()),
                        amounts.getOrDefault(s.id(), Map.of())))
                .toList();
        return new Resolution(new Funding(planned, basis), rules, notEligible);
    }
}
