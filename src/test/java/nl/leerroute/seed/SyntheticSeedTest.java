package nl.leerroute.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import nl.leerroute.seed.ParsedSeed.NodeRecord;
import nl.leerroute.seed.ParsedSeed.RelationshipRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic generator: deterministic, valid for the importer, and within its documented distributions. */
class SyntheticSeedTest {

    static final SyntheticSeed.Size SIZE = new SyntheticSeed.Size(2000, 400, 300);

    @TempDir
    static Path temp;

    static ParsedSeed seed;

    @BeforeAll
    static void generate() {
        SyntheticSeed.generate(temp.resolve("a"), SIZE, 5);
        seed = SeedParser.parse(temp.resolve("a"));
    }

    private static List<NodeRecord> nodes(String label) {
        return seed.nodes().stream().filter(n -> n.labels().contains(label)).toList();
    }

    private static List<RelationshipRecord> relationships(String type, String fromLabel) {
        return seed.relationships().stream().filter(r -> r.type().equals(type) && r.fromLabel().equals(fromLabel))
                .toList();
    }

    private static int number(String id) {
        return Integer.parseInt(id.replaceAll("^[a-z]+-0*(\\d)", "$1").replaceAll("-\\d+$", ""));
    }

    @Test
    void shouldWriteTheSameFilesForTheSameSeedAndOthersForAnother() throws IOException {
        SyntheticSeed.generate(temp.resolve("b"), SIZE, 5);
        SyntheticSeed.generate(temp.resolve("c"), SIZE, 6);
        try (var files = Files.list(temp.resolve("a"))) {
            for (Path file : files.toList()) {
                assertThat(Files.readAllBytes(temp.resolve("b").resolve(file.getFileName())))
                        .as(file.getFileName().toString()).isEqualTo(Files.readAllBytes(file));
            }
        }
        assertThat(Files.readString(temp.resolve("c/units.csv"))).isNotEqualTo(Files.readString(
                temp.resolve("a/units.csv")));
    }

    @Test
    void shouldHoldTheRequestedNumbersWithTenEvidenceItemsPerPerson() {
        assertThat(nodes("LearningUnit")).hasSize(SIZE.units());
        assertThat(nodes("LearningOutcome")).hasSize(SIZE.outcomes());
        assertThat(nodes("Person")).hasSize(SIZE.people());
        assertThat(nodes("Evidence")).hasSize(SIZE.people() * SyntheticSeed.EVIDENCE_PER_PERSON);
        assertThat(relationships("HAS_EVIDENCE", "Person").stream()
                .collect(Collectors.groupingBy(RelationshipRecord::fromId, Collectors.counting())).values())
                .hasSize(SIZE.people()).containsOnly((long) SyntheticSeed.EVIDENCE_PER_PERSON);
        assertThat(SyntheticSeed.Size.scaled(1)).isEqualTo(new SyntheticSeed.Size(100_000, 20_000, 1_000_000));
    }

    @Test
    void shouldTeachEveryOutcomeByAtLeastFiveUnitsAtLevelsTwoToSeven() {
        assertThat(nodes("LearningOutcome")).extracting(n -> ((Long) n.properties().get("eqfLevel")).intValue())
                .allMatch(level -> level >= 2 && level <= 7).contains(2, 7);
        Map<String, Long> teachers = relationships("YIELDS", "LearningUnit").stream()
                .collect(Collectors.groupingBy(RelationshipRecord::toId, Collectors.counting()));
        assertThat(teachers).hasSize(SIZE.outcomes());
        assertThat(teachers.values()).allMatch(count -> count >= SIZE.units() / SIZE.outcomes());
        double mean = teachers.values().stream().mapToLong(Long::longValue).average().orElseThrow();
        assertThat(mean).isBetween(7.0, 8.0); // 5 primary + 0.5 extra outcomes per unit x 5
    }

    @Test
    void shouldGiveEachKindItsShareAndHoursWithinItsBounds() {
        Map<String, List<NodeRecord>> byKind = nodes("LearningUnit").stream()
                .collect(Collectors.groupingBy(n -> (String) n.properties().get("kind")));
        Map<String, Double> shares = Map.of("MODULE", 0.45, "TRAINING", 0.25, "ONLINE_COURSE", 0.15,
                "SKILLSLAB", 0.10, "ASSESSMENT", 0.05);
        Map<String, int[]> hours = Map.of("MODULE", new int[] {70, 210}, "TRAINING", new int[] {8, 40},
                "ONLINE_COURSE", new int[] {4, 60}, "SKILLSLAB", new int[] {16, 80}, "ASSESSMENT", new int[] {4, 8});
        shares.forEach((kind, share) -> {
            List<NodeRecord> units = byKind.get(kind);
            assertThat((double) units.size() / SIZE.units()).as(kind).isBetween(share - 0.04, share + 0.04);
            int[] bounds = hours.get(kind);
            assertThat(units).extracting(n -> ((Long) n.properties().get("hours")).intValue()).as(kind)
                    .allMatch(h -> h >= bounds[0] && h <= bounds[1]);
        });
        assertThat(byKind.get("ONLINE_COURSE")).allMatch(n -> "ONLINE".equals(n.properties().get("mode"))
                && ((List<?>) n.properties().getOrDefault("startMoments", List.of())).isEmpty());
        assertThat(nodes("LearningUnit")).extracting(n -> ((Long) n.properties().get("durationWeeks")).intValue())
                .allMatch(w -> w >= 1 && w <= 21);
    }

    @Test
    void shouldRequireOnlyTheTierBelowSoThatChainsAreAtMostThreeDeep() {
        Map<String, Integer> tierOfUnit = new HashMap<>();
        relationships("YIELDS", "LearningUnit").forEach(r -> tierOfUnit.merge(r.fromId(),
                SyntheticSeed.tierOf(number(r.toId())), Math::max));
        Map<String, List<String>> requiredUnits = new HashMap<>();
        Map<Integer, List<String>> teachersByOutcome = new HashMap<>();
        relationships("YIELDS", "LearningUnit").forEach(r -> teachersByOutcome
                .computeIfAbsent(number(r.toId()), o -> new java.util.ArrayList<>()).add(r.fromId()));
        List<RelationshipRecord> requires = relationships("REQUIRES_ENTRY", "LearningUnit");
        assertThat(requires).isNotEmpty().anyMatch(r -> r.toLabel().equals("LearningUnit"));
        for (RelationshipRecord r : requires) {
            int required = r.toLabel().equals("LearningUnit") ? tierOfUnit.get(r.toId())
                    : SyntheticSeed.tierOf(number(r.toId()));
            assertThat(required).as(r.toString()).isEqualTo(tierOfUnit.get(r.fromId()) - 1);
            List<String> providers = r.toLabel().equals("LearningUnit") ? List.of(r.toId())
                    : teachersByOutcome.get(number(r.toId()));
            requiredUnits.computeIfAbsent(r.fromId(), u -> new java.util.ArrayList<>()).addAll(providers);
        }
        Map<String, Integer> depth = new HashMap<>();
        int deepest = tierOfUnit.keySet().stream().mapToInt(u -> depth(u, requiredUnits, depth)).max().orElseThrow();
        assertThat(deepest).isEqualTo(3);
    }

    /** Longest chain of units a unit may need before it (through any alternative). */
    private static int depth(String unit, Map<String, List<String>> required, Map<String, Integer> memo) {
        Integer known = memo.get(unit);
        if (known != null) {
            return known;
        }
        int deepest = required.getOrDefault(unit, List.of()).stream()
                .mapToInt(u -> 1 + depth(u, required, memo)).max().orElse(0);
        memo.put(unit, deepest);
        return deepest;
    }

    @Test
    void shouldGiveEvidenceItsKindsAndValidateAboutSixInTenWorkItems() {
        List<NodeRecord> evidence = nodes("Evidence");
        Map<String, Long> kinds = evidence.stream()
                .collect(Collectors.groupingBy(n -> (String) n.properties().get("kind"), Collectors.counting()));
        Map<String, Double> shares = Map.of("WORK_EXPERIENCE", 0.40, "INFORMAL", 0.20, "COMPLETED_UNIT", 0.20,
                "DIPLOMA", 0.10, "CERTIFICATE", 0.10);
        shares.forEach((kind, share) -> assertThat((double) kinds.get(kind) / evidence.size()).as(kind)
                .isBetween(share - 0.03, share + 0.03));
        Predicate<NodeRecord> work = n -> List.of("WORK_EXPERIENCE", "INFORMAL").contains(n.properties().get("kind"));
        long workItems = evidence.stream().filter(work).count();
        long validated = evidence.stream().filter(work).filter(n -> "VALIDATED".equals(n.properties().get("status")))
                .count();
        assertThat((double) validated / workItems).isBetween(0.55, 0.65);
        assertThat(evidence).filteredOn(work.negate()).allMatch(n -> "VALIDATED".equals(n.properties().get("status")));
        // completed units and certificates assert what their source stands for (derived), the others their own list
        assertThat(seed.relationships()).filteredOn(r -> r.type().equals("ASSERTS"))
                .anyMatch(r -> Boolean.TRUE.equals(r.properties().get("derived")))
                .anyMatch(r -> !r.properties().containsKey("derived"));
    }
}
