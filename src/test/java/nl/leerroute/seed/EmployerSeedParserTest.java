package nl.leerroute.seed;

import static nl.leerroute.seed.SeedFixtures.copyOfShippedSeed;
import static nl.leerroute.seed.SeedFixtures.lineContaining;
import static nl.leerroute.seed.SeedFixtures.replaceCell;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import nl.leerroute.seed.ParsedSeed.NodeRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The employer files of seed format 3: transformation requirements, employments, employer consents. */
class EmployerSeedParserTest {

    private static final ParsedSeed SHIPPED = SeedParser.parse(SeedFixtures.SHIPPED);

    @TempDir
    Path directory;

    private List<SeedProblem> problems() {
        try {
            SeedParser.parse(directory);
        } catch (InvalidSeedException e) {
            return e.problems();
        }
        throw new AssertionError("the broken seed was accepted");
    }

    private static List<NodeRecord> nodes(String label) {
        return SHIPPED.nodes().stream().filter(n -> n.labels().contains(label)).toList();
    }

    @Test
    void shouldGiveEveryTransformationAtEveryMaturityLevelItsRequirements() {
        Set<String> pairs = SHIPPED.relationships().stream()
                .filter(r -> r.fromLabel().equals("TransformationRequirement"))
                .collect(Collectors.groupingBy(r -> r.fromId(), Collectors.mapping(r -> r.toId(), Collectors.toSet())))
                .values().stream()
                .map(targets -> targets.stream().filter(t -> t.startsWith("tr-") || t.startsWith("mat-")).sorted()
                        .collect(Collectors.joining("+")))
                .collect(Collectors.toSet());
        assertThat(pairs).hasSize(9 * 5);
        assertThat(nodes("TransformationRequirement")).allSatisfy(n -> {
            assertThat(n.properties().get("provenance")).isEqualTo("illustrative");
            assertThat((Long) n.properties().get("people")).isPositive();
        });
    }

    @Test
    void shouldSeedADemoFirmWithAtLeastEightEmployeesSomeNotSharing() {
        long employees = SHIPPED.relationships().stream()
                .filter(r -> r.type().equals("AT_EMPLOYER") && r.toId().equals("firm-noordtech")).count();
        assertThat(employees).isGreaterThanOrEqualTo(8);
        Set<String> employed = SHIPPED.relationships().stream().filter(r -> r.type().equals("HAS_EMPLOYMENT"))
                .map(r -> r.fromId()).collect(Collectors.toSet());
        Set<String> consenting = SHIPPED.relationships().stream()
                .filter(r -> r.type().equals("GRANTED") && r.toLabel().equals("EmployerConsent"))
                .map(r -> r.fromId()).collect(Collectors.toSet());
        assertThat(employed).as("some employees never consented").isNotEqualTo(consenting)
                .containsAll(consenting);
        assertThat(SHIPPED.relationships()).filteredOn(r -> r.type().equals("REPRESENTS"))
                .extracting(r -> r.toId()).contains("firm-noordtech", "firm-waddenmetaal");
        assertThat(SHIPPED.relationships()).filteredOn(r -> r.type().equals("EDITS_FOR"))
                .noneMatch(r -> r.fromId().startsWith("acc-employer"));
    }

    @Test
    void shouldNameLineAndFieldOfABadRequirementRow() {
        copyOfShippedSeed(directory);
        replaceCell(directory, "transformation_requirements.csv", 2, "maturity_level", "tr-smart-design");
        replaceCell(directory, "transformation_requirements.csv", 3, "level", "9");
        replaceCell(directory, "transformation_requirements.csv", 4, "people", "0");
        replaceCell(directory, "transformation_requirements.csv", 5, "outcome", "lo-no-such-outcome");
        replaceCell(directory, "transformation_requirements.csv", 6, "people", "two");
        String file = "transformation_requirements.csv";
        assertThat(problems()).containsExactlyInAnyOrder(
                new SeedProblem(file, 2, "maturity_level",
                        "'tr-smart-design' is a TRANSFORMATION, expected a MATURITY_LEVEL"),
                new SeedProblem(file, 3, "level", "must be between 1 and 8, got 9"),
                new SeedProblem(file, 4, "people", "must be positive, got 0"),
                new SeedProblem(file, 5, "outcome", "'lo-no-such-outcome' is not an id in outcomes.csv"),
                new SeedProblem(file, 6, "people", "'two' is not a whole number"));
    }

    @Test
    void shouldRefuseTheSameOutcomeTwiceForOneTransformationAndLevel() {
        copyOfShippedSeed(directory);
        List<String> lines = SeedFixtures.lines(directory, "transformation_requirements.csv");
        List<String> doubled = new java.util.ArrayList<>(lines);
        doubled.add(lines.get(1));
        SeedFixtures.write(directory, "transformation_requirements.csv", doubled);
        assertThat(problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("transformation_requirements.csv");
            assertThat(p.line()).isEqualTo(doubled.size());
            assertThat(p.field()).isEqualTo("transformation+maturity_level+outcome");
        });
    }

    @Test
    void shouldRefuseAnEmployerThatIsNotAFirmAndSharesThatDoNotExist() {
        copyOfShippedSeed(directory);
        replaceCell(directory, "employments.csv", 2, "employer", "hanze");
        replaceCell(directory, "employer_consents.csv", 2, "shares", "CREDITS;SALARY");
        replaceCell(directory, "employer_consents.csv", 3, "shares", "CLAIMS");
        replaceCell(directory, "employer_consents.csv", 4, "until", "2020-01-01");
        assertThat(problems()).containsExactlyInAnyOrder(
                new SeedProblem("employments.csv", 2, "employer", "'hanze' is a UNIVERSITY_OF_APPLIED_SCIENCES, an "
                        + "employer must be an institution of kind COMPANY"),
                new SeedProblem("employer_consents.csv", 2, "shares", "'SALARY' is not one of [CLAIMS, CREDITS]"),
                new SeedProblem("employer_consents.csv", 3, "shares",
                        "must include CREDITS (claims alone say nothing an employer can plan with)"),
                new SeedProblem("employer_consents.csv", 4, "until", "is before 'granted_on' (2026-11-01)"));
    }

    @Test
    void shouldRefuseAnEmployerAccountWithoutAFirm() {
        copyOfShippedSeed(directory);
        int line = lineContaining(directory, "accounts.csv", ",EMPLOYER,");
        replaceCell(directory, "accounts.csv", line, "institution", "");
        int editor = lineContaining(directory, "accounts.csv", "acc-employer-waddenmetaal");
        replaceCell(directory, "accounts.csv", editor, "institution", "hanze");
        assertThat(problems()).containsExactlyInAnyOrder(
                new SeedProblem("accounts.csv", line, "institution",
                        "is required for roles INSTITUTION_EDITOR and EMPLOYER and only for them"),
                new SeedProblem("accounts.csv", editor, "institution", "'hanze' is a UNIVERSITY_OF_APPLIED_SCIENCES, "
                        + "an employer must be an institution of kind COMPANY"));
    }
}
