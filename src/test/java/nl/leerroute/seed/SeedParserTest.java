package nl.leerroute.seed;

import static nl.leerroute.seed.SeedFixtures.copyOfShippedSeed;
import static nl.leerroute.seed.SeedFixtures.lineContaining;
import static nl.leerroute.seed.SeedFixtures.lines;
import static nl.leerroute.seed.SeedFixtures.replaceCell;
import static nl.leerroute.seed.SeedFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.leerroute.seed.ParsedSeed.NodeRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedParserTest {

    @TempDir
    Path directory;

    private static final ParsedSeed SHIPPED = SeedParser.parse(SeedFixtures.SHIPPED);

    private static long count(String label) {
        return SHIPPED.nodes().stream().filter(n -> n.labels().contains(label)).count();
    }

    private static List<NodeRecord> nodes(String label) {
        return SHIPPED.nodes().stream().filter(n -> n.labels().contains(label)).toList();
    }

    @Test
    void shouldAcceptTheShippedSeedWithACatalogueLargeEnoughForRoutes() {
        assertThat(count("LearningOutcome")).isGreaterThanOrEqualTo(150);
        assertThat(count("LearningUnit")).isGreaterThanOrEqualTo(120);
        assertThat(count("Certificate")).isGreaterThanOrEqualTo(4);
        assertThat(count("Role")).isGreaterThanOrEqualTo(6);
        assertThat(count("Person")).isGreaterThanOrEqualTo(5);
        assertThat(nodes("LearningOutcome")).extracting(n -> ((Long) n.properties().get("eqfLevel")).intValue())
                .contains(2, 3, 4, 5, 6, 7);
        assertThat(nodes("LearningUnit")).extracting(n -> n.properties().get("kind"))
                .contains("MODULE", "TRAINING", "SKILLSLAB", "ASSESSMENT");
    }

    @Test
    void shouldHoldTheMasterplanFrameworksCompletely() {
        Map<String, Long> perScheme = nodes("Concept").stream()
                .collect(Collectors.groupingBy(n -> (String) n.properties().get("scheme"), Collectors.counting()));
        assertThat(perScheme).containsEntry("SMART_INDUSTRY_TECHNOLOGY", 9L)
                .containsEntry("KEY_ENABLING_TECHNOLOGY", 6L)
                .containsEntry("DUBLIN_DESCRIPTOR", 4L)
                .containsEntry("MATURITY_LEVEL", 5L)
                .containsEntry("TRANSFORMATION", 9L)
                .containsEntry("WORK_FORM", 10L)
                .containsEntry("LEARNING_LINE", 6L)
                .containsEntry("LEARNING_FACTORY_DIMENSION", 6L);
        assertThat(nodes("KeyEnablingTechnology")).extracting(n -> n.properties().get("group"))
                .containsOnly("production", "digital", "cyber");
        assertThat(nodes("Transformation")).filteredOn(n -> "priority".equals(n.properties().get("group")))
                .hasSize(4);
    }

    @Test
    void shouldHoldEveryProgrammeRowOfTheAppendices() throws IOException {
        List<String> expected = Files.readAllLines(Path.of("src/test/resources/masterplan/appendix-programmes.txt"))
                .stream().filter(l -> !l.startsWith("#") && !l.isBlank()).sorted().toList();
        List<String> actual = nodes("Programme").stream()
                .map(n -> n.properties().get("croho") + " " + n.properties().get("level")).sorted().toList();
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldHoldEveryMinorNamedInTheMasterplan() {
        Function<NodeRecord, String> name = n -> (String) n.properties().get("nameNl");
        assertThat(nodes("Minor")).extracting(name).contains("Internet of Things", "Slim Produceren",
                "Internationaal Industrieel Entrepreneurship", "Technology to Create", "Energy Efficiency",
                "Machine Learning", "Industrial Automation", "Smart Energy", "Ondernemen met Technology",
                "Digital Product Lab", "Cybersafety & Cybersecurity", "Composite Design Solutions",
                "Advanced Engineering Tools", "High Tech Systems", "Sustainable Design Solutions",
                "Blockchain Technology", "Reliability Engineering");
        assertThat(nodes("Minor")).filteredOn(n -> "PROPOSED".equals(n.properties().get("status")))
                .extracting(n -> (String) n.properties().get("nameEn")).anyMatch(n -> n.contains("Autonomous Systems"));
    }

    @Test
    void shouldGiveEveryRecordAProvenance() {
        assertThat(SHIPPED.nodes()).filteredOn(n -> !n.labels().contains("Region"))
                .allSatisfy(n -> assertThat(n.properties().get("provenance")).isIn("masterplan", "illustrative"));
    }

    @Test
    void shouldDeriveADiplomasAssertionsFromItsProgramme() {
        assertThat(SHIPPED.relationships()).filteredOn(r -> r.type().equals("ASSERTS")
                && Boolean.TRUE.equals(r.properties().get("derived"))).isNotEmpty();
    }

    @Test
    void shouldHashTheSameSeedTheSameWay() {
        assertThat(SeedParser.parse(SeedFixtures.SHIPPED).contentHash()).isEqualTo(SHIPPED.contentHash());
    }

    // --- broken seeds: every problem names file, line and field, and the whole seed is refused

    private List<SeedProblem> problems() {
        try {
            SeedParser.parse(directory);
        } catch (InvalidSeedException e) {
            return e.problems();
        }
        throw new AssertionError("the broken seed was accepted");
    }

    private void copy() {
        copyOfShippedSeed(directory);
    }

    @Test
    void shouldNameFileLineAndFieldOfAMissingRequiredValue() {
        copy();
        replaceCell(directory, "units.csv", 2, "title_en", "");
        assertThat(problems()).containsExactly(new SeedProblem("units.csv", 2, "title_en", "is required"));
    }

    @Test
    void shouldRefuseAPlainPasswordAndAWorkerWithoutAPerson() {
        copy();
        replaceCell(directory, "accounts.csv", 2, "password_hash", "leerroute-demo");
        replaceCell(directory, "accounts.csv", 3, "person", "");
        assertThat(problems()).containsExactlyInAnyOrder(
                new SeedProblem("accounts.csv", 2, "password_hash",
                        "must be a {bcrypt} hash; plain passwords are never stored"),
                new SeedProblem("accounts.csv", 3, "person", "is required for role WORKER and only for it"));
    }

    @Test
    void shouldRefuseAConsentToSomethingThatIsNotAnAccount() {
        copy();
        replaceCell(directory, "consents.csv", 2, "advisor", "hanze");
        assertThat(problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("consents.csv");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.field()).isEqualTo("advisor");
        });
    }

    @Test
    void shouldRefuseAValueOutsideItsEnumeration() {
        copy();
        replaceCell(directory, "units.csv", 3, "mode", "SOMETIMES");
        assertThat(problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("units.csv");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.field()).isEqualTo("mode");
            assertThat(p.message()).contains("'SOMETIMES' is not one of").contains("ONLINE");
        });
    }

    @Test
    void shouldRefuseTextWhereANumberBelongs() {
        copy();
        replaceCell(directory, "units.csv", 2, "cost_eur", "1.200,50");
        assertThat(problems()).singleElement().satisfies(p -> {
            assertThat(p.toString()).startsWith("units.csv:2: field 'cost_eur': ");
            assertThat(p.message()).contains("is not a number");
        });
    }

    @Test
    void shouldRefuseAReferenceToARecordThatDoesNotExist() {
        copy();
        replaceCell(directory, "units.csv", 4, "provider", "no-such-institution");
        assertThat(problems()).containsExactly(new SeedProblem("units.csv", 4, "provider",
                "'no-such-institution' is not an id in institutions.csv"));
    }

    @Test
    void shouldRefuseAnUnknownOutcomeInALevelledList() {
        copy();
        replaceCell(directory, "units.csv", 2, "yields", "lo-does-not-exist@4");
        assertThat(problems()).containsExactly(new SeedProblem("units.csv", 2, "yields",
                "'lo-does-not-exist' is not an id in outcomes.csv"));
    }

    @Test
    void shouldRefuseALevelOutsideOneToEight() {
        copy();
        String outcome = SeedFixtures.parseSimple(lines(directory, "outcomes.csv").get(1)).get(0);
        replaceCell(directory, "units.csv", 2, "yields", outcome + "@9");
        assertThat(problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("units.csv:2: field 'yields': ")
                        .contains("level 9 is not between 1 and 8"));
    }

    @Test
    void shouldRefuseMalformedRequirementSyntax() {
        copy();
        replaceCell(directory, "units.csv", 5, "requires", "no-level-here");
        assertThat(problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("units.csv:5: field 'requires': ")
                        .contains("not of the form outcome-id@level"));
    }

    @Test
    void shouldRefuseHoursThatDoNotMatchCredits() {
        copy();
        replaceCell(directory, "units.csv", 2, "ec", "5");
        replaceCell(directory, "units.csv", 2, "hours", "100");
        assertThat(problems()).containsExactly(new SeedProblem("units.csv", 2, "hours",
                "is 100 but 5 EC x 28 = 140"));
    }

    @Test
    void shouldRefuseADuplicateId() {
        copyOfShippedSeed(directory);
        List<String> outcomes = new ArrayList<>(lines(directory, "outcomes.csv"));
        outcomes.add(outcomes.get(1));
        write(directory, "outcomes.csv", outcomes);
        String id = SeedFixtures.parseSimple(outcomes.get(1)).get(0);
        assertThat(problems()).containsExactly(new SeedProblem("outcomes.csv", outcomes.size(), "id",
                "'" + id + "' is used twice (first on line 2)"));
    }

    @Test
    void shouldRefuseAnUnknownColumn() {
        copyOfShippedSeed(directory);
        List<String> places = new ArrayList<>(lines(directory, "places.csv"));
        places.set(0, places.get(0) + ",provinse");
        write(directory, "places.csv", places.stream().map(l -> l == places.get(0) ? l : l + ",").toList());
        assertThat(problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("places.csv");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.field()).isEqualTo("provinse");
            assertThat(p.message()).startsWith("is not a column of places.csv");
        });
    }

    @Test
    void shouldRefuseAFileWithoutARequiredColumn() {
        copyOfShippedSeed(directory);
        List<String> places = lines(directory, "places.csv").stream()
                .map(l -> l.substring(0, l.indexOf(',')) + l.substring(l.indexOf(',', l.indexOf(',') + 1)))
                .toList();
        write(directory, "places.csv", places);
        assertThat(problems()).contains(new SeedProblem("places.csv", 1, "province", "required column is missing"));
    }

    @Test
    void shouldRefuseARowWithMoreFieldsThanTheHeader() {
        copyOfShippedSeed(directory);
        List<String> places = new ArrayList<>(lines(directory, "places.csv"));
        places.set(2, places.get(2) + ",extra");
        write(directory, "places.csv", places);
        assertThat(problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("places.csv");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("fields but the header has");
        });
    }

    @Test
    void shouldExplainASemicolonSeparatedSpreadsheetExport() {
        copyOfShippedSeed(directory);
        write(directory, "places.csv", lines(directory, "places.csv").stream().map(l -> l.replace(',', ';')).toList());
        assertThat(problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("places.csv");
            assertThat(p.message()).contains("separated by ';'");
        });
    }

    @Test
    void shouldRefuseAMissingFile() throws IOException {
        copyOfShippedSeed(directory);
        Files.delete(directory.resolve("roles.csv"));
        assertThat(problems()).containsExactly(new SeedProblem("roles.csv", 0, "", "is missing from " + directory));
    }

    @Test
    void shouldRefuseAnUnknownFormatVersion() throws IOException {
        copyOfShippedSeed(directory);
        Files.writeString(directory.resolve("manifest.properties"), "format.version=99\n", StandardCharsets.UTF_8);
        assertThat(problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("manifest.properties");
            assertThat(p.field()).isEqualTo("format.version");
        });
    }

    @Test
    void shouldNameTheSynonymLineOfAnUnknownOutcomeOrAnEmptyVariantList() {
        copy();
        replaceCell(directory, "synonyms.csv", 3, "outcomes", "lo-no-such-outcome");
        replaceCell(directory, "synonyms.csv", 4, "variants", " ; ");
        assertThat(problems()).containsExactlyInAnyOrder(
                new SeedProblem("synonyms.csv", 3, "outcomes", "'lo-no-such-outcome' is not an id in outcomes.csv"),
                new SeedProblem("synonyms.csv", 4, "variants", "lists no item (items are separated by ';')"));
    }

    @Test
    void shouldStoreSynonymVariantsAsAListAndLinkTheirOutcomes() {
        assertThat(SHIPPED.nodes()).filteredOn(n -> n.labels().contains("Synonym")).isNotEmpty()
                .allSatisfy(n -> assertThat(n.properties().get("variants")).isInstanceOf(List.class));
        assertThat(SHIPPED.relationships()).filteredOn(r -> r.type().equals("SUGGESTS"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.toLabel()).isEqualTo("LearningOutcome"));
    }

    @Test
    void shouldRefuseAnImpossibleDate() {
        copy();
        replaceCell(directory, "units.csv", 2, "start_moments", "2027-02-30");
        assertThat(problems()).containsExactly(new SeedProblem("units.csv", 2, "start_moments",
                "'2027-02-30' is not a date YYYY-MM-DD"));
    }

    @Test
    void shouldRequireHowAndWhenForValidatedEvidence() {
        copyOfShippedSeed(directory);
        int line = lineContaining(directory, "evidence.csv", ",VALIDATED,");
        replaceCell(directory, "evidence.csv", line, "validation_method", "");
        assertThat(problems()).containsExactly(new SeedProblem("evidence.csv", line, "validation_method",
                "is required when status is VALIDATED"));
    }

    @Test
    void shouldRefuseAFrameworkConceptOfTheWrongScheme() {
        copyOfShippedSeed(directory);
        List<String> frameworks = lines(directory, "frameworks.csv");
        String maturityLevel = frameworks.stream().filter(l -> l.startsWith("MATURITY_LEVEL,")).findFirst()
                .map(l -> SeedFixtures.parseSimple(l).get(1)).orElseThrow();
        int line = 2;
        replaceCell(directory, "roles.csv", line, "transformations", maturityLevel);
        assertThat(problems()).containsExactly(new SeedProblem("roles.csv", line, "transformations",
                "'" + maturityLevel + "' is a MATURITY_LEVEL, expected a TRANSFORMATION"));
    }

    @Test
    void shouldReportEveryProblemOfTheSeedAtOnce() {
        copy();
        replaceCell(directory, "units.csv", 2, "title_en", "");
        replaceCell(directory, "units.csv", 3, "hours", "many");
        assertThat(problems()).extracting(SeedProblem::line).containsExactly(2, 3);
    }
}
