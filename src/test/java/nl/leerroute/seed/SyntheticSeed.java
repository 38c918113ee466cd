package nl.leerroute.seed;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * A seeded, deterministic generator of national-scale seeds in the format the importer validates
 * ({@code graph-seed/README.md}); the same seed and scale always give byte-identical files.
 *
 * <p>At scale 1: 100,000 learning units, 20,000 outcomes, 1,000,000 people with 10 evidence items
 * each. Distributions (the tests check each bound; {@code graph-seed/README.md} has no synthetic
 * data, so this comment is their documentation):
 * <ul>
 * <li>Outcomes: 20 per competency, in 4 tiers of 5 ({@code tier = (i mod 20) / 5}); EQF level =
 *     the competency's base level (2, 3 or 4) + tier, at most 7; 30 % age (shelf life 3-5 years).</li>
 * <li>Units per outcome: unit {@code u} teaches outcome {@code u mod outcomes} (so each outcome is
 *     taught by {@code units / outcomes} = 5 units as primary outcome) plus, with probability 0.3 one
 *     and 0.1 two more outcomes of the same competency and tier: on average 7.5 units per outcome,
 *     at least 5. Every unit yields its outcomes at the outcome's level.</li>
 * <li>Kinds and hours: 45 % MODULE of 2.5-7.5 EC (hours = EC x 28: 70-210 h), 25 % TRAINING 8-40 h,
 *     15 % ONLINE_COURSE 4-60 h (mode ONLINE, no place, no start moments), 10 % SKILLSLAB 16-80 h,
 *     5 % ASSESSMENT (EVC) 4-8 h. Duration = ceil(hours / 10) weeks, 1-21. Cost = a fee of
 *     EUR 0-200 + hours x a lognormal rate (median EUR 12 per hour); online courses half that.</li>
 * <li>Prerequisites: a unit of tier t > 0 (not an assessment) has 1 (60 %) or 2 (40 %) AND groups
 *     of 1-3 alternatives, each an outcome of tier t - 1 of its competency at that outcome's level,
 *     or (5 %) {@code unit:} the unit teaching that outcome first. Depth is therefore at most 3
 *     and there are no cycles.</li>
 * <li>Roles ({@code outcomes / 100}) require 8-12 outcomes of 2-3 competencies; certificates
 *     ({@code outcomes / 200}) 4-6 outcomes of one competency.</li>
 * <li>People: birth year 1960-2005, a goal (80 % a role, 20 % a certificate) and two home
 *     competencies (one the goal needs, one random). Evidence per person: exactly 10: 40 %
 *     WORK_EXPERIENCE, 20 % INFORMAL, 20 % COMPLETED_UNIT (of a home-competency unit of tier 0-1,
 *     assertions derived from the unit), 10 % DIPLOMA, 10 % CERTIFICATE (assertions derived from
 *     it); work and informal evidence assert 1-3 home-competency outcomes of tier 0-2 at their level
 *     (30 % one below), diplomas 2-3 of tier 0-1. Units, certificates and diplomas are VALIDATED,
 *     other evidence 60 %, the rest CLAIMED; dates 2000-2026.</li>
 * <li>One admin account {@code admin} with the demo password ({@code leerroute-demo}), so the load
 *     benchmark signs in as the demo accounts do; every other file of the format is written with its
 *     header only (no programmes, minors, frameworks, synonyms or labour-market figures).</li>
 * </ul>
 */
public final class SyntheticSeed {

    public static final int UNITS = 100_000;
    public static final int OUTCOMES = 20_000;
    public static final int PEOPLE = 1_000_000;
    public static final int EVIDENCE_PER_PERSON = 10;
    static final int OUTCOMES_PER_COMPETENCY = 20;
    static final int TIERS = 4;
    static final int UNITS_PER_PRIMARY_OUTCOME = UNITS / OUTCOMES;

    /** The shipped admin's hash of the published demo password, so sign-in works as for the shipped seed. */
    static final String ADMIN_PASSWORD_HASH = "{bcrypt}$2a$10$KN0BCrYs/rWvlDW5vuG/ge5jt9Urmd7a9hdFNIW9I7qkqV6oSUZyu";

    private static final String[][] PLACES = {
        {"Groningen", "Groningen"}, {"Delfzijl", "Groningen"}, {"Veendam", "Groningen"}, {"Stadskanaal", "Groningen"},
        {"Leeuwarden", "Friesland"}, {"Drachten", "Friesland"}, {"Sneek", "Friesland"}, {"Heerenveen", "Friesland"},
        {"Assen", "Drenthe"}, {"Emmen", "Drenthe"}, {"Hoogeveen", "Drenthe"}, {"Meppel", "Drenthe"},
        {"Zwolle", "Overijssel"}, {"Enschede", "Overijssel"}, {"Deventer", "Overijssel"}, {"Hengelo", "Overijssel"},
        {"Lelystad", "Flevoland"}, {"Almere", "Flevoland"}, {"Emmeloord", "Flevoland"}, {"Dronten", "Flevoland"},
        {"Arnhem", "Gelderland"}, {"Nijmegen", "Gelderland"}, {"Apeldoorn", "Gelderland"}, {"Ede", "Gelderland"},
        {"Utrecht", "Utrecht"}, {"Amersfoort", "Utrecht"}, {"Veenendaal", "Utrecht"}, {"Nieuwegein", "Utrecht"},
        {"Amsterdam", "Noord-Holland"}, {"Haarlem", "Noord-Holland"}, {"Alkmaar", "Noord-Holland"},
        {"Den Helder", "Noord-Holland"}, {"Rotterdam", "Zuid-Holland"}, {"Den Haag", "Zuid-Holland"},
        {"Leiden", "Zuid-Holland"}, {"Delft", "Zuid-Holland"}, {"Middelburg", "Zeeland"}, {"Vlissingen", "Zeeland"},
        {"Goes", "Zeeland"}, {"Terneuzen", "Zeeland"}, {"Eindhoven", "Noord-Brabant"}, {"Tilburg", "Noord-Brabant"},
        {"Breda", "Noord-Brabant"}, {"'s-Hertogenbosch", "Noord-Brabant"}, {"Maastricht", "Limburg"},
        {"Venlo", "Limburg"}, {"Heerlen", "Limburg"}, {"Roermond", "Limburg"}};
    private static final String[] FIRST = {"Jan", "Anna", "Pieter", "Sanne", "Mohamed", "Fatima", "Kees", "Lotte",
        "Daan", "Emma", "Sem", "Julia", "Thijs", "Noor", "Ahmet", "Eva", "Bram", "Sophie", "Luuk", "Mila"};
    private static final String[] LAST = {"de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser",
        "Smit", "Meijer", "de Boer", "Mulder", "Yilmaz", "Bos", "Vos", "Peters", "Hendriks", "van Dijk", "Dekker",
        "Brouwer", "de Groot", "El Amrani"};
    private static final String[] EDUCATION = {"SECONDARY", "MBO_2", "MBO_3", "MBO_4", "AD", "BACHELOR", "MASTER"};
    private static final int[] EDUCATION_WEIGHTS = {10, 15, 20, 25, 5, 18, 7};
    private static final double[] EC_CHOICES = {2.5, 3, 4, 5, 6, 7.5};
    private static final String[] START_MONTHS = {"01", "02", "04", "09", "10"};

    /** Sizes of one generated seed. */
    public record Size(int units, int outcomes, int people) {

        public static Size scaled(double scale) {
            return new Size((int) Math.round(UNITS * scale), (int) Math.round(OUTCOMES * scale),
                    (int) Math.round(PEOPLE * scale));
        }

        int competencies() {
            return Math.max(1, outcomes / OUTCOMES_PER_COMPETENCY);
        }

        int institutions() {
            return Math.max(5, units / 250);
        }

        int roles() {
            return Math.max(3, outcomes / 100);
        }

        int certificates() {
            return Math.max(2, outcomes / 200);
        }
    }

    private final Size size;
    private final long seed;
    private final int[] baseLevel;

    private SyntheticSeed(Size size, long seed) {
        if (size.outcomes() < OUTCOMES_PER_COMPETENCY || size.units() < size.outcomes()) {
            throw new IllegalArgumentException("needs at least " + OUTCOMES_PER_COMPETENCY
                    + " outcomes and as many units as outcomes: " + size);
        }
        this.size = size;
        this.seed = seed;
        SplittableRandom random = random("competency-levels");
        baseLevel = new int[size.competencies()];
        for (int c = 0; c < baseLevel.length; c++) {
            baseLevel[c] = 2 + random.nextInt(3);
        }
    }

    /** Writes a complete seed directory (existing files are overwritten). */
    public static void generate(Path directory, Size size, long seed) {
        new SyntheticSeed(size, seed).writeAll(directory);
    }

    /** {@code args}: directory, scale (1 = national), seed. */
    public static void main(String[] args) {
        Path directory = Path.of(args.length > 0 ? args[0] : "target/scale/full");
        double scale = args.length > 1 ? Double.parseDouble(args[1]) : 1;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261201L;
        long started = System.nanoTime();
        generate(directory, Size.scaled(scale), seed);
        System.out.printf("Generated %s (scale %s, seed %d) in %.1f s%n", directory, scale, seed,
                (System.nanoTime() - started) / 1e9);
    }

    private SplittableRandom random(String file) {
        return new SplittableRandom(seed * 31 + file.hashCode());
    }

    // ---- the shape of the catalogue, shared by every file ----

    int competencyOf(int outcome) {
        return Math.min(outcome / OUTCOMES_PER_COMPETENCY, size.competencies() - 1);
    }

    static int tierOf(int outcome) {
        return (outcome % OUTCOMES_PER_COMPETENCY) / (OUTCOMES_PER_COMPETENCY / TIERS);
    }

    int levelOf(int outcome) {
        return Math.min(7, baseLevel[competencyOf(outcome)] + tierOf(outcome));
    }

    /** The outcomes of a competency's tier (5 at full size; the last competency may hold more). */
    private List<Integer> tierOutcomes(int competency, int tier) {
        List<Integer> outcomes = new ArrayList<>();
        int first = competency * OUTCOMES_PER_COMPETENCY;
        int last = competency == size.competencies() - 1 ? size.outcomes() : first + OUTCOMES_PER_COMPETENCY;
        for (int o = first; o < last; o++) {
            if (tierOf(o) == tier) {
                outcomes.add(o);
            }
        }
        return outcomes;
    }

    private static String outcomeId(int o) {
        return String.format("lo-%06d", o);
    }

    private static String unitId(int u) {
        return String.format("u-%07d", u);
    }

    private static String personId(int p) {
        return String.format("p-%07d", p);
    }

    private static String competencyId(int c) {
        return String.format("c-%05d", c);
    }

    private static String institutionId(int i) {
        return String.format("inst-%04d", i);
    }

    private static String roleId(int r) {
        return String.format("role-%04d", r);
    }

    private static String certificateId(int c) {
        return String.format("cert-%04d", c);
    }

    private static String at(int outcome, int level) {
        return outcomeId(outcome) + "@" + level;
    }

    // ---- files ----

    private void writeAll(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("manifest.properties"), "format.version=" + SeedSchema.FORMAT_VERSION
                    + "\nseed.name=Synthetic national seed (" + size.units() + " units, " + size.outcomes()
                    + " outcomes, " + size.people() + " people; generator seed " + seed + ")\nseed.date=2026-12-01\n",
                    StandardCharsets.UTF_8);
            Set<String> written = new LinkedHashSet<>();
            write(directory, "places.csv", written, this::places);
            write(directory, "institutions.csv", written, this::institutions);
            write(directory, "competencies.csv", written, this::competencies);
            write(directory, "outcomes.csv", written, this::outcomes);
            write(directory, "units.csv", written, this::units);
            write(directory, "certificates.csv", written, this::certificates);
            write(directory, "roles.csv", written, this::roles);
            write(directory, "people.csv", written, this::people);
            write(directory, "evidence.csv", written, this::evidence);
            write(directory, "accounts.csv", written, this::accounts);
            for (SeedSchema.FileSpec spec : SeedSchema.FILES) {
                if (!written.contains(spec.file())) {
                    Files.writeString(directory.resolve(spec.file()), spec.columns().stream()
                            .map(SeedSchema.Column::name).collect(Collectors.joining(",")) + "\n",
                            StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Rows {
        void write(Csv csv) throws IOException;
    }

    private static void write(Path directory, String file, Set<String> written, Rows rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(directory.resolve(file), StandardCharsets.UTF_8)) {
            rows.write(new Csv(out));
        }
        written.add(file);
    }

    /** Generated values hold no quotes or line breaks; a comma gets the cell quoted. */
    private record Csv(BufferedWriter out) {
        void row(Object... cells) throws IOException {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                String cell = cells[i] == null ? "" : cells[i].toString();
                out.write(cell.indexOf(',') >= 0 ? '"' + cell + '"' : cell);
            }
            out.write('\n');
        }
    }

    private void places(Csv csv) throws IOException {
        csv.row("name", "province", "provenance");
        for (String[] place : PLACES) {
            csv.row(place[0], place[1], "illustrative");
        }
    }

    private static final String[] INSTITUTION_KINDS = {"MBO_COLLEGE", "UNIVERSITY_OF_APPLIED_SCIENCES", "COMPANY",
        "ACADEMY", "UNIVERSITY", "CENTRE_OF_EXPERTISE"};

    private String placeOfInstitution(int institution) {
        return PLACES[institution % PLACES.length][0];
    }

    private void institutions(Csv csv) throws IOException {
        csv.row("id", "name", "kind", "places", "provenance");
        SplittableRandom random = random("institutions");
        for (int i = 0; i < size.institutions(); i++) {
            csv.row(institutionId(i), "Opleider " + (i + 1) + " (synthetisch)",
                    INSTITUTION_KINDS[random.nextInt(INSTITUTION_KINDS.length)], placeOfInstitution(i),
                    "illustrative");
        }
    }

    private void competencies(Csv csv) throws IOException {
        csv.row("id", "kind", "t_dimension", "name_nl", "name_en", "provenance");
        for (int c = 0; c < size.competencies(); c++) {
            boolean soft = c % 10 == 9;
            csv.row(competencyId(c), soft ? "SOFT_SKILL" : "DOMAIN", soft ? "HORIZONTAL" : "VERTICAL",
                    "Competentie " + (c + 1), "Competency " + (c + 1), "illustrative");
        }
    }

    private void outcomes(Csv csv) throws IOException {
        csv.row("id", "title_nl", "title_en", "eqf_level", "competency", "shelf_life_years", "provenance");
        SplittableRandom random = random("outcomes");
        for (int o = 0; o < size.outcomes(); o++) {
            Integer shelfLife = random.nextDouble() < 0.3 ? 3 + random.nextInt(3) : null;
            csv.row(outcomeId(o), "Leeruitkomst " + (o + 1) + " toepassen", "Apply learning outcome " + (o + 1),
                    levelOf(o), competencyId(competencyOf(o)), shelfLife, "illustrative");
        }
    }

    /** The outcomes unit {@code u} yields: its primary outcome and up to two siblings of the same tier. */
    List<Integer> yieldsOf(int u, SplittableRandom random) {
        int primary = u % size.outcomes();
        List<Integer> yields = new ArrayList<>(List.of(primary));
        double extra = random.nextDouble();
        int wanted = extra < 0.1 ? 2 : extra < 0.4 ? 1 : 0;
        List<Integer> siblings = new ArrayList<>(tierOutcomes(competencyOf(primary), tierOf(primary)));
        siblings.remove(Integer.valueOf(primary));
        for (int i = 0; i < wanted && !siblings.isEmpty(); i++) {
            yields.add(siblings.remove(random.nextInt(siblings.size())));
        }
        return yields;
    }

    private void units(Csv csv) throws IOException {
        csv.row("id", "kind", "title_nl", "title_en", "provider", "ec", "hours", "duration_weeks", "cost_eur",
                "mode", "place", "language", "start_moments", "yields", "requires", "provenance");
        SplittableRandom random = random("units");
        for (int u = 0; u < size.units(); u++) {
            List<Integer> yields = yieldsOf(u, random);
            int primary = yields.get(0);
            double kindDraw = random.nextDouble();
            String kind = kindDraw < 0.45 ? "MODULE" : kindDraw < 0.70 ? "TRAINING" : kindDraw < 0.85
                    ? "ONLINE_COURSE" : kindDraw < 0.95 ? "SKILLSLAB" : "ASSESSMENT";
            if (kind.equals("ASSESSMENT")) {
                yields = List.of(primary);
            }
            Double ec = null;
            int hours = switch (kind) {
                case "MODULE" -> {
                    ec = EC_CHOICES[random.nextInt(EC_CHOICES.length)];
                    yield (int) Math.round(ec * 28);
                }
                case "TRAINING" -> 8 + 4 * random.nextInt(9);
                case "ONLINE_COURSE" -> 4 + random.nextInt(57);
                case "SKILLSLAB" -> 16 + 8 * random.nextInt(9);
                default -> 4 + random.nextInt(5);
            };
            int weeks = Math.max(1, (hours + 9) / 10);
            double rate = Math.exp(Math.log(12) + 0.5 * gaussian(random));
            long cost = Math.round(random.nextInt(201) + hours * rate * (kind.equals("ONLINE_COURSE") ? 0.5 : 1));
            int provider = random.nextInt(size.institutions());
            boolean online = kind.equals("ONLINE_COURSE");
            double modeDraw = random.nextDouble();
            String mode = online ? "ONLINE" : modeDraw < 0.5 ? "PART_TIME" : modeDraw < 0.75 ? "ON_SITE"
                    : modeDraw < 0.9 ? "FULL_TIME" : "DUAL";
            String place = online ? null : random.nextDouble() < 0.8 ? placeOfInstitution(provider)
                    : PLACES[random.nextInt(PLACES.length)][0];
            String language = random.nextDouble() < 0.85 ? "nl" : "en";
            String starts = null;
            if (!online) {
                Set<String> dates = new java.util.TreeSet<>();
                int count = 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    dates.add("2027-" + START_MONTHS[random.nextInt(START_MONTHS.length)] + "-01");
                }
                starts = String.join(";", dates);
            }
            String requires = kind.equals("ASSESSMENT") ? null : requirements(primary, random);
            csv.row(unitId(u), kind, "Leereenheid " + (u + 1), "Learning unit " + (u + 1), institutionId(provider),
                    ec == null ? null : ec == Math.rint(ec) ? Long.toString(ec.longValue()) : ec.toString(), hours,
                    weeks, cost, mode, place, language, starts,
                    yields.stream().map(o -> at(o, levelOf(o))).collect(Collectors.joining(";")), requires,
                    "illustrative");
        }
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private String requirements(int primary, SplittableRandom random) {
        int tier = tierOf(primary);
        if (tier == 0) {
            return null;
        }
        List<Integer> below = tierOutcomes(competencyOf(primary), tier - 1);
        int groups = random.nextDouble() < 0.6 ? 1 : 2;
        List<String> cnf = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            int alternatives = 1 + random.nextInt(3);
            Set<String> group = new LinkedHashSet<>();
            for (int a = 0; a < alternatives; a++) {
                int outcome = below.get(random.nextInt(below.size()));
                // the first unit teaching an outcome is u = outcome (outcome < units)
                group.add(random.nextDouble() < 0.05 ? "unit:" + unitId(outcome) : at(outcome, levelOf(outcome)));
            }
            cnf.add(String.join("|", group));
        }
        return String.join(";", new LinkedHashSet<>(cnf));
    }

    /** Outcomes of a role or certificate: {@code count} drawn from the given competencies. */
    private List<Integer> drawOutcomes(List<Integer> competencies, int count, SplittableRandom random) {
        Set<Integer> outcomes = new java.util.TreeSet<>();
        while (outcomes.size() < count) {
            int competency = competencies.get(random.nextInt(competencies.size()));
            int first = competency * OUTCOMES_PER_COMPETENCY;
            outcomes.add(first + random.nextInt(OUTCOMES_PER_COMPETENCY));
        }
        return List.copyOf(outcomes);
    }

    /** The competencies of role {@code r} (2-3) or of certificate {@code c} (1), recomputable for people. */
    List<Integer> roleCompetencies(int role) {
        SplittableRandom random = new SplittableRandom(seed * 17 + role);
        int count = Math.min(size.competencies(), 2 + random.nextInt(2));
        Set<Integer> competencies = new java.util.TreeSet<>();
        while (competencies.size() < count) {
            competencies.add(random.nextInt(size.competencies()));
        }
        return List.copyOf(competencies);
    }

    int certificateCompetency(int certificate) {
        return new SplittableRandom(seed * 19 + certificate).nextInt(size.competencies());
    }

    private void certificates(Csv csv) throws IOException {
        csv.row("id", "name_nl", "name_en", "issuer", "requires", "provenance");
        SplittableRandom random = random("certificates");
        for (int c = 0; c < size.certificates(); c++) {
            List<Integer> outcomes = drawOutcomes(List.of(certificateCompetency(c)), 4 + random.nextInt(3), random);
            csv.row(certificateId(c), "Certificaat " + (c + 1), "Certificate " + (c + 1),
                    institutionId(random.nextInt(size.institutions())),
                    outcomes.stream().map(o -> at(o, levelOf(o))).collect(Collectors.joining(";")), "illustrative");
        }
    }

    private static final String[] SECTORS = {"TECHNICAL", "ICT", "OTHER"};

    private void roles(Csv csv) throws IOException {
        csv.row("id", "name_nl", "name_en", "isco_level", "sector", "requires", "provenance");
        SplittableRandom random = random("roles");
        for (int r = 0; r < size.roles(); r++) {
            List<Integer> outcomes = drawOutcomes(roleCompetencies(r), 8 + random.nextInt(5), random);
            csv.row(roleId(r), "Beroep " + (r + 1), "Role " + (r + 1), 1 + random.nextInt(4),
                    SECTORS[random.nextInt(SECTORS.length)],
                    outcomes.stream().map(o -> at(o, levelOf(o))).collect(Collectors.joining(";")), "illustrative");
        }
    }

    /** A person's goal and home competencies, drawn from the person's own stream so files agree. */
    record Profile(boolean roleGoal, int goal, int[] home) {
    }

    Profile profile(int person) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + person);
        boolean roleGoal = random.nextDouble() < 0.8;
        int goal = roleGoal ? random.nextInt(size.roles()) : random.nextInt(size.certificates());
        List<Integer> needed = roleGoal ? roleCompetencies(goal) : List.of(certificateCompetency(goal));
        int[] home = {needed.get(random.nextInt(needed.size())), random.nextInt(size.competencies())};
        return new Profile(roleGoal, goal, home);
    }

    private static int weighted(SplittableRandom random, int[] weights) {
        int total = java.util.Arrays.stream(weights).sum();
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private void people(Csv csv) throws IOException {
        csv.row("id", "name", "birth_year", "place", "education", "years_of_work", "goals", "provenance");
        SplittableRandom random = random("people");
        for (int p = 0; p < size.people(); p++) {
            Profile profile = profile(p);
            int birthYear = 1960 + random.nextInt(46);
            csv.row(personId(p), FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)],
                    birthYear, PLACES[random.nextInt(PLACES.length)][0],
                    EDUCATION[weighted(random, EDUCATION_WEIGHTS)], Math.max(0, 2026 - birthYear - 20 - random.nextInt(4)),
                    (profile.roleGoal() ? "role:" + roleId(profile.goal()) : "certificate:"
                            + certificateId(profile.goal())), "illustrative");
        }
    }

    private static final String[] KINDS = {"WORK_EXPERIENCE", "INFORMAL", "COMPLETED_UNIT", "DIPLOMA", "CERTIFICATE"};
    private static final int[] KIND_WEIGHTS = {40, 20, 20, 10, 10};
    private static final String[] WORK_VALIDATION = {"EMPLOYER_STATEMENT", "PORTFOLIO", "ASSESSMENT"};

    /** An outcome of one of the person's home competencies, of a tier at most {@code maxTier}. */
    private int homeOutcome(Profile profile, int maxTier, SplittableRandom random) {
        int competency = profile.home()[random.nextInt(2)];
        List<Integer> outcomes = tierOutcomes(competency, random.nextInt(maxTier + 1));
        return outcomes.get(random.nextInt(outcomes.size()));
    }

    private void evidence(Csv csv) throws IOException {
        csv.row("id", "person", "kind", "title", "certificate", "unit", "from", "to", "asserts", "status",
                "validation_method", "validated_on", "provenance");
        SplittableRandom random = random("evidence");
        LocalDate earliest = LocalDate.of(2000, 1, 1);
        for (int p = 0; p < size.people(); p++) {
            Profile profile = profile(p);
            for (int e = 1; e <= EVIDENCE_PER_PERSON; e++) {
                String kind = KINDS[weighted(random, KIND_WEIGHTS)];
                LocalDate to = earliest.plusDays(random.nextInt(9800));
                LocalDate from = kind.equals("WORK_EXPERIENCE") ? to.minusYears(1 + random.nextInt(10)) : null;
                String certificate = null;
                String unit = null;
                String asserts = null;
                switch (kind) {
                    case "COMPLETED_UNIT" -> {
                        // the first unit teaching a home outcome of tier 0-1: its yields are derived
                        unit = unitId(homeOutcome(profile, 1, random));
                    }
                    case "CERTIFICATE" -> certificate = certificateId(random.nextInt(size.certificates()));
                    default -> {
                        boolean diploma = kind.equals("DIPLOMA");
                        int count = diploma ? 2 + random.nextInt(2) : 1 + random.nextInt(3);
                        java.util.Map<Integer, Integer> levels = new java.util.TreeMap<>();
                        for (int i = 0; i < count; i++) {
                            int outcome = homeOutcome(profile, diploma ? 1 : 2, random);
                            int level = levelOf(outcome) - (random.nextDouble() < 0.3 ? 1 : 0);
                            levels.putIfAbsent(outcome, Math.max(1, level));
                        }
                        asserts = levels.entrySet().stream().map(x -> at(x.getKey(), x.getValue()))
                                .collect(Collectors.joining(";"));
                    }
                }
                boolean validated = !Set.of("WORK_EXPERIENCE", "INFORMAL").contains(kind) || random.nextDouble() < 0.6;
                String method = !validated ? null : switch (kind) {
                    case "DIPLOMA" -> "DIPLOMA";
                    case "CERTIFICATE", "COMPLETED_UNIT" -> "CERTIFICATE";
                    default -> WORK_VALIDATION[random.nextInt(WORK_VALIDATION.length)];
                };
                csv.row(String.format("ev-%07d-%02d", p, e), personId(p), kind, titleOf(kind) + " " + e, certificate,
                        unit, from, to, asserts, validated ? "VALIDATED" : "CLAIMED", method, validated ? to : null,
                        "illustrative");
            }
        }
    }

    private static String titleOf(String kind) {
        return switch (kind) {
            case "WORK_EXPERIENCE" -> "Werkervaring";
            case "INFORMAL" -> "Informeel geleerd";
            case "COMPLETED_UNIT" -> "Afgeronde leereenheid";
            case "DIPLOMA" -> "Diploma";
            default -> "Certificaat";
        };
    }

    private void accounts(Csv csv) throws IOException {
        csv.row("id", "username", "password_hash", "display_name", "role", "provenance");
        csv.row("acc-admin", "admin", ADMIN_PASSWORD_HASH, "Leerroute administrator", "ADMIN", "illustrative");
    }
}
