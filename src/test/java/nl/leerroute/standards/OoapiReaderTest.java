package nl.leerroute.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import nl.leerroute.institution.CatalogueChanges.UnitInput;
import nl.leerroute.institution.CatalogueChanges.YieldInput;
import nl.leerroute.standards.OoapiReader.Facts;
import nl.leerroute.standards.OoapiReader.Problem;
import nl.leerroute.standards.OoapiReader.RegisterProgramme;
import nl.leerroute.standards.OoapiReader.Result;
import nl.leerroute.standards.OoapiReader.Unmapped;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/** The OOAPI mapping on the two shipped example documents and on broken copies of them, against the shipped seed. */
class OoapiReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Path dump(String institution) {
        return Path.of("graph-seed", "ooapi", institution + ".json");
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map<String, String>> csv(String file) {
        return new CsvMapper().readerFor(Map.class).with(CsvSchema.emptySchema().withHeader())
                .<Map<String, String>>readValues(read(Path.of("graph-seed", file))).readAll();
    }

    /** What the graph holds after the seed import, read from the seed files themselves. */
    private static Facts facts(String institution, String name, String kind) {
        Set<String> places = new HashSet<>();
        csv("places.csv").forEach(r -> places.add(r.get("name")));
        Set<String> outcomes = new HashSet<>();
        Map<String, String> outcomeByEsco = new HashMap<>();
        csv("outcomes.csv").forEach(r -> {
            outcomes.add(r.get("id"));
            if (!r.get("esco_uri").isEmpty()) {
                outcomeByEsco.merge(r.get("esco_uri"), r.get("id"), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        });
        Set<String> competencies = new HashSet<>();
        Map<String, String> competencyByEsco = new HashMap<>();
        csv("competencies.csv").forEach(r -> {
            competencies.add(r.get("id"));
            if (!r.get("esco_uri").isEmpty()) {
                competencyByEsco.merge(r.get("esco_uri"), r.get("id"), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        });
        List<RegisterProgramme> programmes = csv("programmes.csv").stream()
                .filter(r -> r.get("institution").equals(institution))
                .map(r -> new RegisterProgramme(r.get("id"), r.get("croho"), r.get("mode"))).toList();
        return new Facts(institution, name, kind, places, outcomeByEsco, competencyByEsco, outcomes, competencies,
                programmes);
    }

    static final Facts HANZE = facts("hanze", "Hanzehogeschool Groningen", "UNIVERSITY_OF_APPLIED_SCIENCES");
    static final Facts FIRDA = facts("firda", "Firda", "MBO_COLLEGE");

    private static UnitInput unit(Result result, String id) {
        return result.units().stream().map(u -> u.unit()).filter(u -> u.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> paths(List<Unmapped> notMapped) {
        return notMapped.stream().map(Unmapped::path).toList();
    }

    @Test
    void shouldMapTheHanzeDocumentOntoUnitsOutcomesAndAMinor() {
        Result result = OoapiReader.read(read(dump("hanze")), HANZE);
        assertThat(result.errors()).isEmpty();
        assertThat(result.units()).hasSize(5);
        assertThat(result.minors()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("ooapi-hanze-minor-min-siw");
            assertThat(m.ec()).isEqualTo(30);
            assertThat(m.place()).isEqualTo("Groningen");
            assertThat(m.language()).isEqualTo("nl");
        });

        UnitInput data = unit(result, "ooapi-hanze-siw-data");
        assertThat(data.kind()).isEqualTo("MODULE");
        assertThat(data.ec()).isEqualTo(5.0);
        assertThat(data.hours()).isEqualTo(140);
        assertThat(data.durationWeeks()).isEqualTo(10);
        assertThat(data.costEur()).isEqualTo(1450.0);
        assertThat(data.mode()).as("the minor is part_time").isEqualTo("PART_TIME");
        assertThat(data.place()).isEqualTo("Groningen");
        assertThat(data.language()).isEqualTo("nl");
        assertThat(data.startMoments()).containsExactly(LocalDate.of(2027, 2, 8), LocalDate.of(2027, 9, 6));
        assertThat(data.partOfId()).isEqualTo("ooapi-hanze-minor-min-siw");
        assertThat(data.yields()).as("one by ext.leerroute.outcomeId, one by its ESCO skill, both at the minor's EQF 6")
                .containsExactly(new YieldInput("lo-data-analysis-python", 6), new YieldInput("lo-sql-databases", 6));

        UnitInput online = unit(result, "ooapi-hanze-ot-sec-online");
        assertThat(online.kind()).isEqualTo("ONLINE_COURSE");
        assertThat(online.mode()).isEqualTo("ONLINE");
        assertThat(online.place()).isNull();
        assertThat(online.hours()).isEqualTo(24);
        assertThat(online.ec()).isNull();
        assertThat(online.startMoments()).as("a flexible entry period: start any day").isEmpty();
        assertThat(online.yields()).containsExactly(new YieldInput("lo-ot-security-basics", 5));

        assertThat(unit(result, "ooapi-hanze-ict-dt-cloud").partOfId()).as("the register's HBO-ICT part-time line")
                .isEqualTo("prg-30020-hanze-groningen-pt");
        assertThat(unit(result, "ooapi-hanze-siw-team").yields()).extracting(YieldInput::outcomeId)
                .containsExactly("lo-teamwork-self-steering", "ooapi-hanze-lo-siw-lo-efficient");

        assertThat(result.outcomes()).extracting(o -> o.outcome().id()).containsExactlyInAnyOrder(
                "ooapi-hanze-lo-siw-lo-edge", "ooapi-hanze-lo-siw-lo-efficient", "ooapi-hanze-lo-ict-lo-cloud-data");
        assertThat(result.outcomes()).filteredOn(o -> o.outcome().id().equals("ooapi-hanze-lo-siw-lo-efficient"))
                .singleElement().satisfies(o -> {
                    assertThat(o.outcome().competencyId()).as("the competency with its ESCO skill")
                            .isEqualTo("c-ss-work-smarter");
                    assertThat(o.outcome().escoUri())
                            .isEqualTo("http://data.europa.eu/esco/skill/7a93e22f-54d8-4bf0-9213-d711f6601b49");
                    assertThat(o.outcome().eqfLevel()).isEqualTo(6);
                });
        assertThat(result.outcomes()).filteredOn(o -> o.outcome().id().equals("ooapi-hanze-lo-siw-lo-edge"))
                .singleElement().satisfies(o -> {
                    assertThat(o.outcome().competencyId()).isEqualTo("c-i40-network-m2m");
                    assertThat(o.outcome().shelfLifeYears()).isEqualTo(4);
                    assertThat(o.outcome().titleEn()).isEqualTo("Set up, secure and manage edge devices in a factory "
                            + "network");
                });

        assertThat(paths(result.notMapped())).contains("$.programmeOfferings", "$.programmes[2]",
                "$.courseOfferings[4]", "$.courses[0].abbreviation", "$.courses[0].admissionRequirements",
                "$.courses[4].studyLoad[1]", "$.learningOutcomes[7]", "$.learningOutcomes[4].parent",
                "$.courses[3].programmes[1]", "$.organisation.link", "$.courses[1].teachingLanguages[1]");
        assertThat(result.notMapped()).filteredOn(u -> u.path().equals("$.courses[4].studyLoad[1]")).singleElement()
                .extracting(Unmapped::reason).asString().contains("contacttime");
        assertThat(result.mapped()).anySatisfy(m -> {
            assertThat(m.path()).isEqualTo("$.programmes[1]");
            assertThat(m.leerrouteId()).isEqualTo("prg-30020-hanze-groningen-pt");
        });
    }

    @Test
    void shouldMapTheFirdaDocumentOntoTrainingsOnlyDutchTitlesAndNoProgramme() {
        Result result = OoapiReader.read(read(dump("firda")), FIRDA);
        assertThat(result.errors()).isEmpty();
        assertThat(result.units()).hasSize(4);
        assertThat(result.minors()).isEmpty();

        UnitInput cobot = unit(result, "ooapi-firda-tr-cobot");
        assertThat(cobot.kind()).isEqualTo("TRAINING");
        assertThat(cobot.hours()).isEqualTo(16);
        assertThat(cobot.mode()).as("work_based delivery").isEqualTo("DUAL");
        assertThat(cobot.place()).as("the course's teaching address").isEqualTo("Drachten");
        assertThat(cobot.titleEn()).as("no English name: the Dutch one for both").isEqualTo(cobot.titleNl());
        assertThat(cobot.yields()).containsExactly(new YieldInput("lo-cobot-application", 3),
                new YieldInput("lo-robot-safety", 3));

        UnitInput plc = unit(result, "ooapi-firda-tr-plc-tia");
        assertThat(plc.durationWeeks()).as("no duration: from 2027-01-18 to 2027-03-22").isEqualTo(10);
        assertThat(plc.partOfId()).as("a CREBO programme is not in the register").isNull();
        assertThat(plc.kind()).isEqualTo("TRAINING");
        assertThat(plc.place()).isEqualTo("Sneek");
        assertThat(plc.yields()).containsExactly(new YieldInput("lo-plc-programming-advanced", 4));

        UnitInput digital = unit(result, "ooapi-firda-tr-digi-werkvloer");
        assertThat(digital.costEur()).isZero();
        assertThat(digital.yields()).extracting(YieldInput::outcomeId)
                .containsExactly("lo-cyber-hygiene", "ooapi-firda-lo-lo-digi-instructie");

        assertThat(paths(result.notMapped())).contains("$.programmes[0]", "$.courses[3].modesOfDelivery[1]",
                "$.courses[3].teachingLanguages[1]", "$.courses[3].resources");
    }

    /** A copy of a shipped document, changed by {@code change} on its JSON tree. */
    @SuppressWarnings("unchecked")
    static String broken(String institution, Consumer<Map<String, Object>> change) {
        Map<String, Object> document = JSON.readValue(read(dump(institution)), Map.class);
        change.accept(document);
        return JSON.writeValueAsString(document);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> item(Map<String, Object> document, String member, int index) {
        return ((List<Map<String, Object>>) document.get(member)).get(index);
    }

    private static List<String> errors(String document, Facts facts) {
        Result result = OoapiReader.read(document, facts);
        return result.errors().stream().map(p -> p.path() + ": " + p.message()).toList();
    }

    @Test
    void shouldNameAWrongTypeByItsPath() {
        assertThat(errors(broken("hanze", d -> ((List<Map<String, Object>>) item(d, "courses", 0).get("studyLoad"))
                .get(0).put("value", "five")), HANZE))
                .contains("$.courses[0].studyLoad[0].value: must be a number, got the string 'five'");
        assertThat(errors(broken("hanze", d -> item(d, "courses", 1).put("name", "IoT")), HANZE))
                .contains("$.courses[1].name: must be an array, got the string 'IoT'");
        assertThat(errors(broken("firda", d -> item(d, "courses", 2).put("courseId", 42)), FIRDA))
                .contains("$.courses[2].courseId: must be a string, got the number 42");
    }

    @Test
    void shouldNameAMissingRequiredPropertyByItsPath() {
        assertThat(errors(broken("hanze", d -> item(d, "courses", 1).remove("name")), HANZE))
                .contains("$.courses[1].name: is required (schemas/Course.yaml, CourseId.yaml, CourseProperties.yaml)");
        assertThat(errors(broken("hanze", d -> item(d, "learningOutcomes", 2).remove("startDate")), HANZE))
                .contains("$.learningOutcomes[2].startDate: is required (schemas/LearningOutcome.yaml)");
        assertThat(errors(broken("firda", d -> item(d, "programmes", 0).remove("programmeType")), FIRDA))
                .anyMatch(e -> e.startsWith("$.programmes[0].programmeType: is required"));
        assertThat(errors(broken("firda", d -> d.remove("organisation")), FIRDA))
                .contains("$.organisation: is required");
    }

    @Test
    void shouldNameAnUnknownEnumerationValueByItsPath() {
        assertThat(errors(broken("hanze", d -> item(d, "courses", 0).put("modesOfDelivery", List.of("classroom"))),
                HANZE)).anyMatch(e -> e.startsWith("$.courses[0].modesOfDelivery[0]: 'classroom' is not a value of "
                        + "enumerations/modeOfDelivery.yaml"));
        assertThat(errors(broken("firda", d -> item(d, "courses", 0).put("level", "mbo3")), FIRDA))
                .anyMatch(e -> e.startsWith("$.courses[0].level: 'mbo3' is not a value of enumerations/level.yaml"));
        assertThat(errors(broken("hanze", d -> item(d, "programmes", 0).put("modeOfStudy", "evening")), HANZE))
                .anyMatch(e -> e.startsWith("$.programmes[0].modeOfStudy: 'evening' is not a value of "
                        + "enumerations/modeOfStudy.yaml") && !e.contains("custom values"));
        assertThat(errors(broken("hanze", d -> item(d, "courses", 0).put("modesOfDelivery", List.of("x-evening"))),
                HANZE)).as("extensible: x- values are allowed (and reported as not mapped)").isEmpty();
    }

    @Test
    void shouldRefuseWhatLeerrouteCannotPlanWith() {
        assertThat(errors(broken("hanze", d -> item(d, "courses", 2).remove("studyLoad")), HANZE))
                .contains("$.courses[2].studyLoad: Leerroute needs the study hours: give a studyLoad in ects, sbu or "
                        + "hour");
        assertThat(errors(broken("firda", d -> ((List<?>) d.get("courseOfferings")).remove(4)), FIRDA))
                .anyMatch(e -> e.startsWith("$.courses[3]: Leerroute needs the price of a course"));
        assertThat(errors(broken("firda", d -> item(d, "courseOfferings", 2).put("addresses",
                List.of(Map.of("addressType", "teaching", "city", "Zwolle")))), FIRDA))
                .contains("$.courseOfferings[2].addresses[0].city: 'Zwolle' is not a place Leerroute knows "
                        + "(graph-seed/places.csv)");
        assertThat(errors(broken("hanze", d -> item(d, "learningOutcomes", 2).remove("ext")), HANZE))
                .anyMatch(e -> e.startsWith("$.learningOutcomes[2]: Leerroute places every outcome under a competency"));
        assertThat(errors(read(dump("firda")), HANZE)).as("Firda's document is not Hanze's")
                .anyMatch(e -> e.startsWith("$.organisation.name: the document is of [Firda], not of the institution "
                        + "hanze"));
    }

    @Test
    void shouldNameBadIdentifiersAndReferences() {
        assertThat(errors(broken("hanze", d -> item(d, "courses", 0).put("courseId", "course-1")), HANZE))
                .contains("$.courses[0].courseId: must be a uuid (format uuid), got 'course-1'");
        assertThat(errors(broken("hanze", d -> item(d, "courseOfferings", 0).put("course",
                "7a2e9c10-1f4b-4d3e-8a55-000000000000")), HANZE))
                .contains("$.courseOfferings[0].course: there is no course '7a2e9c10-1f4b-4d3e-8a55-000000000000' in "
                        + "the document");
        assertThat(errors(broken("hanze", d -> ((Map<String, Object>) item(d, "courses", 0).get("primaryCode"))
                .put("kind", "x")), HANZE)).anyMatch(e -> e.startsWith("$.courses[0].primaryCode.kind: not a property "
                        + "of IdentifierEntry"));
        assertThat(errors(broken("hanze", d -> ((Map<String, Object>) item(d, "courses", 1).get("primaryCode"))
                .put("code", "SIW DATA")), HANZE)).as("two codes giving one Leerroute id")
                .anyMatch(e -> e.contains("which an earlier record of the document already has"));
    }

    @Test
    void shouldNameTheLineAndColumnOfInvalidJson() {
        Result result = OoapiReader.read("{\"organisation\": {\n  \"name\": [}\n", HANZE);
        assertThat(result.errors()).singleElement().extracting(Problem::message).asString()
                .startsWith("not valid JSON at line 2, column");
        assertThat(result.units()).isEmpty();
    }
}
