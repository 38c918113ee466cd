package nl.leerroute.institution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import nl.leerroute.GraphSnapshot;
import nl.leerroute.LeerrouteIntegrationTest;
import nl.leerroute.routes.CatalogueSnapshots;
import nl.leerroute.seed.SeedFixtures;
import nl.leerroute.seed.SeedImporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The institution API on the shipped seed: queries checked against independent Cypher, mutations
 * checked for their typed errors, for leaving the graph unchanged when they fail, and for reaching
 * the route planner when they succeed. Everything created is removed again, and a seed-owned
 * record that a test removes is restored by re-importing the seed, so the shared graph is the
 * shipped seed after this class (asserted).
 */
@LeerrouteIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstitutionApiIntegrationTest {

    static final String PROVIDER = "hanze";
    static final String UNIT = "api-test-unit";
    static final String OUTCOME = "api-test-outcome";

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Driver driver;

    @Autowired
    SeedImporter importer;

    @Autowired
    CatalogueSnapshots snapshots;

    List<String> seedState;

    @BeforeAll
    void rememberTheSeedState() {
        seedState = GraphSnapshot.of(driver);
    }

    @AfterEach
    void removeWhatTheApiCreated() {
        cypher("MATCH (n {origin: 'api'}) DETACH DELETE n", Map.of());
        cypher("MATCH ()-[r {origin: 'api'}]->() DELETE r", Map.of());
        snapshots.rebuild();
    }

    @AfterAll
    void shouldLeaveTheShippedSeedBehind() {
        assertThat(GraphSnapshot.of(driver)).isEqualTo(seedState);
    }

    List<Record> cypher(String query, Map<String, Object> parameters) {
        return driver.executableQuery(query).withParameters(parameters).execute().records();
    }

    /** A valid new unit; tests change one field at a time. */
    static Map<String, Object> validUnit() {
        Map<String, Object> unit = new HashMap<>();
        unit.put("id", UNIT);
        unit.put("kind", "MODULE");
        unit.put("titleNl", "Testmodule IoT");
        unit.put("titleEn", "Test module IoT");
        unit.put("providerId", PROVIDER);
        unit.put("partOfId", "min-hanze-iot");
        unit.put("sequence", 9);
        unit.put("ec", 1.0);
        unit.put("hours", 28);
        unit.put("durationWeeks", 4);
        unit.put("costEur", 100.0);
        unit.put("mode", "ON_SITE");
        unit.put("place", "Groningen");
        unit.put("language", "nl");
        unit.put("startMoments", List.of("2027-02-01"));
        unit.put("yields", List.of(Map.of("outcomeId", "lo-iot-architecture", "level", 4)));
        unit.put("entryRequirements", List.of(Map.of("alternatives", List.of(
                Map.of("outcomeId", "lo-programming-basics", "minLevel", 3),
                Map.of("learningUnitId", "u-hanze-iot-1")))));
        return unit;
    }

    static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(base);
        changed.put(field, value);
        return changed;
    }

    GraphQlTester.Response mutate(String mutation, Map<String, Object> input) {
        return graphQl.documentName(mutation).variable("input", input).execute();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> errors(GraphQlTester.Response response, String mutation) {
        return (List<Map<String, Object>>) (List<?>) response.path(mutation + ".errors").entityList(Map.class).get();
    }

    void assertRefused(String mutation, Map<String, Object> input, String type, String field) {
        List<String> before = GraphSnapshot.of(driver);
        GraphQlTester.Response response = mutate(mutation, input);
        List<Map<String, Object>> errors = errors(response, mutation);
        assertThat(errors).as("%s with %s", mutation, input)
                .anySatisfy(e -> {
                    assertThat(e.get("__typename")).isEqualTo(type);
                    assertThat(e.get("field")).isEqualTo(field);
                    assertThat((String) e.get("message")).isNotBlank();
                });
        assertThat(GraphSnapshot.of(driver)).as("graph after refused %s of %s", mutation, field).isEqualTo(before);
    }

    // --- queries

    @Test
    void shouldListEveryUnitYieldingTheOutcomeAtItsLevelOrAGivenOne() {
        Record outcome = cypher("""
                MATCH (u:LearningUnit)-[y:YIELDS]->(o:LearningOutcome) WHERE y.level >= o.eqfLevel
                RETURN o.id AS id, o.eqfLevel AS level, count(u) AS units ORDER BY units DESC, id LIMIT 1
                """, Map.of()).get(0);
        String id = outcome.get("id").asString();
        GraphQlTester.Response response = graphQl.documentName("modulesCoveringOutcome").variable("outcomeId", id)
                .execute();
        response.path("modulesCoveringOutcome.edges").entityList(Object.class).hasSize(outcome.get("units").asInt());
        response.path("modulesCoveringOutcome.edges[*].node.level").entityList(Integer.class)
                .satisfies(levels -> assertThat(levels).allMatch(l -> l >= outcome.get("level").asInt()));
        response.path("modulesCoveringOutcome.edges[*].node.learningUnit.provider.name").entityList(String.class)
                .satisfies(names -> assertThat(names).doesNotContainNull());

        int minLevel = outcome.get("level").asInt() + 1;
        long above = cypher("MATCH (u:LearningUnit)-[y:YIELDS]->(:LearningOutcome {id: $id}) WHERE y.level >= $min "
                + "RETURN count(u) AS c", Map.of("id", id, "min", minLevel)).get(0).get("c").asLong();
        graphQl.documentName("modulesCoveringOutcome").variable("outcomeId", id).variable("minLevel", minLevel)
                .execute().path("modulesCoveringOutcome.edges").entityList(Object.class).hasSize((int) above);
    }

    @Test
    void shouldNameAnUnknownOutcome() {
        graphQl.documentName("modulesCoveringOutcome").variable("outcomeId", "lo-does-not-exist").execute()
                .errors().expect(e -> e.getMessage().contains("'lo-does-not-exist'")).verify();
    }

    @Test
    void shouldListTheOutcomesNoUnitTeachesHighEnoughAsAnIndependentQueryDoes() {
        Map<String, String> expected = new TreeMap<>();
        for (Record r : cypher("""
                MATCH (q)-[r:REQUIRES]->(o:LearningOutcome) WHERE q:Role OR q:Certificate OR q:Programme
                CALL (o) { OPTIONAL MATCH (:LearningUnit)-[y:YIELDS]->(o) RETURN coalesce(max(y.level), 0) AS taught }
                WITH o, taught, q, r WHERE r.level > taught
                RETURN o.id AS outcome, max(r.level) AS required, taught, collect(DISTINCT q.id) AS requirers
                """, Map.of())) {
            expected.put(r.get("outcome").asString(), r.get("required").asInt() + "/" + r.get("taught").asInt() + "/"
                    + new TreeSet<>(r.get("requirers").asList(v -> v.asString())));
        }
        assertThat(expected).as("the shipped seed has gaps").isNotEmpty();
        assertThat(uncovered()).isEqualTo(expected);
    }

    Map<String, String> uncovered() {
        GraphQlTester.Response response = graphQl.documentName("uncoveredOutcomes").variable("first", 100).execute();
        List<String> ids = response.path("uncoveredOutcomes.edges[*].node.outcome.id").entityList(String.class).get();
        Map<String, String> actual = new TreeMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String prefix = "uncoveredOutcomes.edges[" + i + "].node.";
            actual.put(ids.get(i), response.path(prefix + "requiredLevel").entity(Integer.class).get() + "/"
                    + response.path(prefix + "highestTaughtLevel").entity(Integer.class).get() + "/"
                    + new TreeSet<>(response.path(prefix + "requiredBy[*].requirer.id").entityList(String.class).get()));
        }
        return actual;
    }

    @Test
    void shouldSeeAGapOpenForANewRequirementAndCloseWhenAUnitTeachesIt() {
        String role = cypher("MATCH (r:Role) RETURN r.id AS id ORDER BY id LIMIT 1", Map.of()).get(0).get("id")
                .asString();
        addOutcome(OUTCOME, 4);
        cypher("MATCH (r:Role {id: $role}), (o:LearningOutcome {id: $id}) CREATE (r)-[:REQUIRES {level: 5, origin: 'api'}]->(o)",
                Map.of("role", role, "id", OUTCOME));
        assertThat(uncovered()).containsEntry(OUTCOME, "5/0/[" + role + "]");

        Map<String, Object> unit = with(validUnit(), "yields", List.of(Map.of("outcomeId", OUTCOME, "level", 5)));
        mutate("addLearningUnit", unit).path("addLearningUnit.errors").entityList(Object.class).hasSize(0);
        assertThat(uncovered()).doesNotContainKey(OUTCOME);
    }

    @Test
    void shouldPairTheInstitutionsUnitsWithEveryUnitTeachingTheSameOutcomes() {
        Set<String> expected = new TreeSet<>();
        for (Record r : cypher("""
                MATCH (:Institution {id: $id})<-[:PROVIDED_BY]-(u:LearningUnit)-[:YIELDS]->(o)<-[:YIELDS]-(v:LearningUnit)
                WHERE u <> v AND u.kind <> 'ASSESSMENT' AND v.kind <> 'ASSESSMENT'
                MATCH (v)-[:PROVIDED_BY]->(p)
                RETURN DISTINCT u.id AS u, v.id AS v, p.id = $id AS same
                """, Map.of("id", PROVIDER))) {
            expected.add(r.get("u").asString() + ">" + r.get("v").asString() + ":" + r.get("same").asBoolean());
        }
        assertThat(cypher("MATCH (u:LearningUnit)-[:REQUIRES_ENTRY]->(o)<-[:YIELDS]-(u) RETURN count(o) AS c",
                Map.of()).get(0).get("c").asLong()).as("no seed unit requires an outcome it yields, so levels never "
                + "separate two seed units").isZero();
        Set<String> actual = new TreeSet<>();
        String after = null;
        GraphQlTester.Response response;
        do {
            response = graphQl.documentName("catalogueOverlap").variable("institutionId", PROVIDER)
                    .variable("after", after).execute();
            List<String> units = response.path("catalogueOverlap.edges[*].node.learningUnit.id")
                    .entityList(String.class).get();
            List<String> others = response.path("catalogueOverlap.edges[*].node.otherUnit.id")
                    .entityList(String.class).get();
            List<Boolean> same = response.path("catalogueOverlap.edges[*].node.sameProvider")
                    .entityList(Boolean.class).get();
            for (int i = 0; i < units.size(); i++) {
                actual.add(units.get(i) + ">" + others.get(i) + ":" + same.get(i));
            }
            after = response.path("catalogueOverlap.pageInfo.endCursor").entity(String.class).get();
        } while (response.path("catalogueOverlap.pageInfo.hasNextPage").entity(Boolean.class).get());
        assertThat(actual).isNotEmpty().isEqualTo(expected);
        response.path("catalogueOverlap.edges[*].node.sharedOutcomes[*].levels.to").entityList(Integer.class)
                .satisfies(levels -> assertThat(levels).allMatch(l -> l >= 1 && l <= 8));
    }

    @Test
    void shouldSeparateAPrerequisiteFromARepeatOfTheSameOutcome() {
        // the new unit teaches lo-iot-architecture from level 5 (it requires level 4) to 6
        Map<String, Object> unit = with(with(validUnit(), "yields",
                List.of(Map.of("outcomeId", "lo-iot-architecture", "level", 6))), "entryRequirements",
                List.of(Map.of("alternatives", List.of(Map.of("outcomeId", "lo-iot-architecture", "minLevel", 4)))));
        mutate("addLearningUnit", unit).path("addLearningUnit.errors").entityList(Object.class).hasSize(0);
        List<String> units = new ArrayList<>();
        List<String> others = new ArrayList<>();
        String after = null;
        GraphQlTester.Response response;
        do {
            response = graphQl.documentName("catalogueOverlap").variable("institutionId", PROVIDER)
                    .variable("after", after).execute();
            units.addAll(response.path("catalogueOverlap.edges[*].node.learningUnit.id").entityList(String.class)
                    .get());
            others.addAll(response.path("catalogueOverlap.edges[*].node.otherUnit.id").entityList(String.class)
                    .get());
            after = response.path("catalogueOverlap.pageInfo.endCursor").entity(String.class).get();
        } while (response.path("catalogueOverlap.pageInfo.hasNextPage").entity(Boolean.class).get());
        Map<String, Integer> otherLevel = new HashMap<>();
        cypher("MATCH (u:LearningUnit)-[y:YIELDS]->(:LearningOutcome {id: 'lo-iot-architecture'}) WHERE u.id <> $id "
                + "AND u.kind <> 'ASSESSMENT' RETURN u.id AS id, y.level AS level", Map.of("id", UNIT))
                .forEach(r -> otherLevel.put(r.get("id").asString(), r.get("level").asInt()));
        Set<String> pairedWithNew = new HashSet<>();
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i).equals(UNIT)) {
                pairedWithNew.add(others.get(i));
            }
        }
        otherLevel.forEach((id, level) -> assertThat(pairedWithNew.contains(id)).as("%s at level %d", id, level)
                .isEqualTo(level >= 5));
    }

    @Test
    void shouldNameAnUnknownInstitution() {
        graphQl.documentName("catalogueOverlap").variable("institutionId", "nobody").execute()
                .errors().expect(e -> e.getMessage().contains("'nobody'")).verify();
    }

    // --- learning units

    @Test
    void shouldAddAUnitThatTheNextRoutePicksBecauseItIsCheaper() {
        Record target = cypher("""
                MATCH (u:LearningUnit)-[y:YIELDS]->(o:LearningOutcome)
                WHERE u.kind <> 'ASSESSMENT' AND NOT EXISTS { (u)-[:REQUIRES_ENTRY]->() }
                RETURN o.id AS id, y.level AS level ORDER BY id, level LIMIT 1
                """, Map.of()).get(0);
        String outcome = target.get("id").asString();
        int level = target.get("level").asInt();
        GraphQlTester.Response before = graphQl.documentName("cheapestRouteToOutcome").variable("outcomeId", outcome)
                .variable("level", level).execute();
        before.path("planRoute.status").entity(String.class).isEqualTo("OPTIMAL");
        int hoursBefore = before.path("planRoute.best.totalHours").entity(Integer.class).get();

        Map<String, Object> unit = new HashMap<>(validUnit());
        unit.put("mode", "ONLINE");
        unit.remove("place");
        unit.remove("partOfId");
        unit.remove("sequence");
        unit.remove("ec");
        unit.remove("entryRequirements");
        unit.remove("startMoments");
        unit.put("hours", 1);
        unit.put("costEur", 0.0);
        unit.put("yields", List.of(Map.of("outcomeId", outcome, "level", level)));
        GraphQlTester.Response added = mutate("addLearningUnit", unit);
        added.path("addLearningUnit.errors").entityList(Object.class).hasSize(0);
        added.path("addLearningUnit.learningUnit.provenance").entity(String.class).isEqualTo("api");
        assertThat(cypher("MATCH (n:LearningUnit {id: $id}) RETURN n.origin AS origin", Map.of("id", UNIT)).get(0)
                .get("origin").asString()).isEqualTo("api");

        GraphQlTester.Response after = graphQl.documentName("cheapestRouteToOutcome").variable("outcomeId", outcome)
                .variable("level", level).execute();
        after.path("planRoute.best.steps[*].learningUnit.id").entityList(String.class).containsExactly(UNIT);
        assertThat(after.path("planRoute.best.totalHours").entity(Integer.class).get()).isLessThan(hoursBefore);

        mutate("removeLearningUnit", Map.of("id", UNIT)).path("removeLearningUnit.removedId").entity(String.class)
                .isEqualTo(UNIT);
        graphQl.documentName("cheapestRouteToOutcome").variable("outcomeId", outcome).variable("level", level)
                .execute().path("planRoute.best.totalHours").entity(Integer.class).isEqualTo(hoursBefore);
    }

    @Test
    void shouldAddAUnitWithItsYieldsRequirementsPlaceAndContainer() {
        GraphQlTester.Response response = mutate("addLearningUnit", validUnit());
        response.path("addLearningUnit.errors").entityList(Object.class).hasSize(0);
        response.path("addLearningUnit.learningUnit.provider.id").entity(String.class).isEqualTo(PROVIDER);
        response.path("addLearningUnit.learningUnit.place.name").entity(String.class).isEqualTo("Groningen");
        response.path("addLearningUnit.learningUnit.partOf.id").entity(String.class).isEqualTo("min-hanze-iot");
        response.path("addLearningUnit.learningUnit.startMoments").entityList(String.class).containsExactly("2027-02-01");
        response.path("addLearningUnit.learningUnit.entryRequirementsText").entity(String.class)
                .isEqualTo("lo-programming-basics@3|unit:u-hanze-iot-1");
        response.path("addLearningUnit.learningUnit.entryRequirements[0].alternatives[*].minLevel")
                .entityList(Integer.class).contains(3);
        assertThat(cypher("MATCH (:LearningUnit {id: $id})-[r]->() RETURN collect(DISTINCT r.origin) AS origins",
                Map.of("id", UNIT)).get(0).get("origins").asList()).containsExactly("api");
    }

    @Test
    void shouldRefuseEachInvalidUnitWithATypedErrorNamingTheFieldAndChangeNothing() {
        Map<String, Object> valid = validUnit();
        Map<String, Object> missingPlace = new HashMap<>(valid);
        missingPlace.remove("place");
        assertRefused("addLearningUnit", with(valid, "id", null), "InvalidValue", "id");
        assertRefused("addLearningUnit", with(valid, "id", "not an id!"), "InvalidValue", "id");
        assertRefused("addLearningUnit", with(valid, "id", "u-hanze-iot-1"), "DuplicateId", "id");
        assertRefused("addLearningUnit", with(valid, "kind", null), "InvalidValue", "kind");
        assertRefused("addLearningUnit", with(valid, "titleNl", " "), "InvalidValue", "titleNl");
        assertRefused("addLearningUnit", with(valid, "titleEn", null), "InvalidValue", "titleEn");
        assertRefused("addLearningUnit", with(with(valid, "hours", 0), "ec", null), "InvalidValue", "hours");
        assertRefused("addLearningUnit", with(valid, "hours", 27), "InvalidValue", "hours");
        assertRefused("addLearningUnit", with(valid, "ec", 0.0), "InvalidValue", "ec");
        assertRefused("addLearningUnit", with(valid, "durationWeeks", 0), "InvalidValue", "durationWeeks");
        assertRefused("addLearningUnit", with(valid, "costEur", -0.01), "InvalidValue", "costEur");
        assertRefused("addLearningUnit", with(valid, "mode", null), "InvalidValue", "mode");
        assertRefused("addLearningUnit", missingPlace, "InvalidValue", "place");
        assertRefused("addLearningUnit", with(valid, "place", "Atlantis"), "UnknownReference", "place");
        assertRefused("addLearningUnit", with(valid, "language", "de"), "InvalidValue", "language");
        assertRefused("addLearningUnit", with(valid, "providerId", null), "InvalidValue", "providerId");
        assertRefused("addLearningUnit", with(valid, "providerId", "nobody"), "UnknownReference", "providerId");
        assertRefused("addLearningUnit", with(valid, "partOfId", "nothing"), "UnknownReference", "partOfId");
        assertRefused("addLearningUnit", with(valid, "sequence", 0), "InvalidValue", "sequence");
        assertRefused("addLearningUnit", with(valid, "yields", List.of()), "InvalidValue", "yields");
        assertRefused("addLearningUnit", with(valid, "yields", List.of(Map.of("outcomeId", "lo-iot-architecture",
                "level", 9))), "InvalidValue", "yields[0].level");
        assertRefused("addLearningUnit", with(valid, "yields", List.of(Map.of("outcomeId", "lo-iot-architecture",
                "level", 0))), "InvalidValue", "yields[0].level");
        assertRefused("addLearningUnit", with(valid, "yields", List.of(Map.of("outcomeId", "lo-nothing",
                "level", 4))), "UnknownReference", "yields[0].outcomeId");
        assertRefused("addLearningUnit", with(valid, "yields", List.of(Map.of("outcomeId", "lo-iot-architecture",
                "level", 4), Map.of("outcomeId", "lo-iot-architecture", "level", 5))), "InvalidValue",
                "yields[1].outcomeId");
        assertRefused("addLearningUnit", with(valid, "entryRequirements", List.of(Map.of("alternatives",
                List.of(Map.of("outcomeId", "lo-nothing", "minLevel", 3))))), "UnknownReference",
                "entryRequirements[0].alternatives[0].outcomeId");
        assertRefused("addLearningUnit", with(valid, "entryRequirements", List.of(Map.of("alternatives",
                List.of(Map.of("outcomeId", "lo-programming-basics", "minLevel", 9))))), "InvalidValue",
                "entryRequirements[0].alternatives[0].minLevel");
        assertRefused("addLearningUnit", with(valid, "entryRequirements", List.of(Map.of("alternatives",
                List.of(Map.of("learningUnitId", "u-nothing"))))), "UnknownReference",
                "entryRequirements[0].alternatives[0].learningUnitId");
        assertRefused("addLearningUnit", with(valid, "entryRequirements", List.of(Map.of("alternatives",
                List.of(Map.of("learningUnitId", UNIT))))), "InvalidValue",
                "entryRequirements[0].alternatives[0].learningUnitId");
        assertRefused("addLearningUnit", with(valid, "entryRequirements", List.of(Map.of("alternatives", List.of()))),
                "InvalidValue", "entryRequirements[0].alternatives");
    }

    @Test
    void shouldRefuseAnUnknownEnumValueBeforeAnythingRuns() {
        List<String> before = GraphSnapshot.of(driver);
        mutate("addLearningUnit", with(validUnit(), "kind", "LECTURE")).errors()
                .expect(e -> e.getMessage().contains("LECTURE")).verify();
        assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
    }

    @Test
    void shouldUpdateOnlyTheGivenFieldsAndReplaceYieldsAndRequirements() {
        mutate("addLearningUnit", validUnit()).path("addLearningUnit.errors").entityList(Object.class).hasSize(0);
        GraphQlTester.Response updated = mutate("updateLearningUnit", Map.of("id", UNIT, "ec", 2.0, "hours", 56,
                "yields", List.of(Map.of("outcomeId", "lo-mqtt-messaging", "level", 5)),
                "entryRequirements", List.of()));
        updated.path("updateLearningUnit.errors").entityList(Object.class).hasSize(0);
        updated.path("updateLearningUnit.learningUnit.hours").entity(Integer.class).isEqualTo(56);
        updated.path("updateLearningUnit.learningUnit.titleNl").entity(String.class).isEqualTo("Testmodule IoT");
        updated.path("updateLearningUnit.learningUnit.costEur").entity(Double.class).isEqualTo(100.0);
        updated.path("updateLearningUnit.learningUnit.place.name").entity(String.class).isEqualTo("Groningen");
        updated.path("updateLearningUnit.learningUnit.yields[*].outcome.id").entityList(String.class)
                .containsExactly("lo-mqtt-messaging");
        updated.path("updateLearningUnit.learningUnit.entryRequirements").entityList(Object.class).hasSize(0);
        assertThat(snapshots.current().unit(UNIT).hours()).isEqualTo(56);

        assertRefused("updateLearningUnit", Map.of("id", UNIT, "hours", 57), "InvalidValue", "hours");
        assertRefused("updateLearningUnit", Map.of("id", UNIT, "mode", "PART_TIME", "place", "Atlantis"),
                "UnknownReference", "place");
        assertRefused("updateLearningUnit", Map.of("id", UNIT, "entryRequirements", List.of(Map.of("alternatives",
                List.of(Map.of("learningUnitId", UNIT))))), "InvalidValue",
                "entryRequirements[0].alternatives[0].learningUnitId");
        assertRefused("updateLearningUnit", Map.of("id", "u-nothing", "hours", 10), "UnknownReference", "id");
        assertRefused("updateLearningUnit", Map.of("hours", 10), "InvalidValue", "id");
    }

    @Test
    void shouldRefuseToRemoveAUnitOthersRequireAndListThem() {
        Set<String> requiring = new TreeSet<>();
        cypher("MATCH (:LearningUnit {id: 'u-hanze-iot-1'})<-[:REQUIRES_ENTRY|OF_UNIT]-(x) RETURN x.id AS id", Map.of())
                .forEach(r -> requiring.add(r.get("id").asString()));
        assertThat(requiring).isNotEmpty();
        List<String> before = GraphSnapshot.of(driver);
        GraphQlTester.Response response = mutate("removeLearningUnit", Map.of("id", "u-hanze-iot-1"));
        response.path("removeLearningUnit.removedId").valueIsNull();
        response.path("removeLearningUnit.errors[0].__typename").entity(String.class).isEqualTo("StillInUse");
        response.path("removeLearningUnit.errors[0].usedBy[*].id").entityList(String.class)
                .satisfies(ids -> assertThat(new TreeSet<>(ids)).isEqualTo(requiring));
        assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
        assertRefused("removeLearningUnit", Map.of("id", "u-nothing"), "UnknownReference", "id");
    }

    @Test
    void shouldRemoveAndChangeSeedOwnedUnitsUntilTheSeedIsImportedAgain() {
        String unit = cypher("""
                MATCH (u:LearningUnit {origin: 'seed'})
                WHERE NOT EXISTS { (u)<-[:REQUIRES_ENTRY|OF_UNIT]-() }
                RETURN u.id AS id ORDER BY id LIMIT 1
                """, Map.of()).get(0).get("id").asString();
        String other = cypher("MATCH (u:LearningUnit {origin: 'seed'}) WHERE u.id <> $id RETURN u.id AS id "
                + "ORDER BY id LIMIT 1", Map.of("id", unit)).get(0).get("id").asString();
        try {
            mutate("removeLearningUnit", Map.of("id", unit)).path("removeLearningUnit.removedId").entity(String.class)
                    .isEqualTo(unit);
            assertThat(snapshots.current().unit(unit)).isNull();
            mutate("updateLearningUnit", Map.of("id", other, "costEur", 0.0, "yields",
                    List.of(Map.of("outcomeId", "lo-mqtt-messaging", "level", 2))))
                    .path("updateLearningUnit.errors").entityList(Object.class).hasSize(0);
            assertThat(snapshots.current().unit(other).costCents()).isZero();
            assertThat(GraphSnapshot.of(driver)).isNotEqualTo(seedState);
        } finally {
            importer.importSeed(SeedFixtures.SHIPPED, true);
        }
        assertThat(GraphSnapshot.of(driver)).isEqualTo(seedState);
        assertThat(snapshots.current().unit(unit)).isNotNull();
    }

    // --- learning outcomes

    String competency() {
        return cypher("MATCH (c:Competency) RETURN c.id AS id ORDER BY id LIMIT 1", Map.of()).get(0).get("id")
                .asString();
    }

    Map<String, Object> validOutcome(String id, int level) {
        Map<String, Object> outcome = new HashMap<>();
        outcome.put("id", id);
        outcome.put("titleNl", "Testleeruitkomst");
        outcome.put("titleEn", "Test outcome");
        outcome.put("eqfLevel", level);
        outcome.put("competencyId", competency());
        outcome.put("shelfLifeYears", 5);
        return outcome;
    }

    void addOutcome(String id, int level) {
        GraphQlTester.Response response = mutate("addLearningOutcome", validOutcome(id, level));
        response.path("addLearningOutcome.errors").entityList(Object.class).hasSize(0);
        response.path("addLearningOutcome.learningOutcome.provenance").entity(String.class).isEqualTo("api");
    }

    @Test
    void shouldAddUpdateAndRemoveAnOutcome() {
        addOutcome(OUTCOME, 4);
        Map<String, Object> unit = with(validUnit(), "yields", List.of(Map.of("outcomeId", OUTCOME, "level", 4)));
        mutate("addLearningUnit", unit).path("addLearningUnit.errors").entityList(Object.class).hasSize(0);
        graphQl.documentName("modulesCoveringOutcome").variable("outcomeId", OUTCOME).execute()
                .path("modulesCoveringOutcome.edges[*].node.learningUnit.id").entityList(String.class).containsExactly(UNIT);

        GraphQlTester.Response updated = mutate("updateLearningOutcome", Map.of("id", OUTCOME, "eqfLevel", 5,
                "titleEn", "Changed test outcome"));
        updated.path("updateLearningOutcome.learningOutcome.eqfLevel").entity(Integer.class).isEqualTo(5);
        updated.path("updateLearningOutcome.learningOutcome.titleNl").entity(String.class).isEqualTo("Testleeruitkomst");
        updated.path("updateLearningOutcome.learningOutcome.shelfLifeYears").entity(Integer.class).isEqualTo(5);
        graphQl.documentName("modulesCoveringOutcome").variable("outcomeId", OUTCOME).execute()
                .path("modulesCoveringOutcome.edges").entityList(Object.class).hasSize(0);

        GraphQlTester.Response inUse = mutate("removeLearningOutcome", Map.of("id", OUTCOME));
        inUse.path("removeLearningOutcome.errors[0].__typename").entity(String.class).isEqualTo("StillInUse");
        inUse.path("removeLearningOutcome.errors[0].usedBy[*].id").entityList(String.class).containsExactly(UNIT);

        mutate("removeLearningUnit", Map.of("id", UNIT)).path("removeLearningUnit.errors").entityList(Object.class)
                .hasSize(0);
        mutate("removeLearningOutcome", Map.of("id", OUTCOME)).path("removeLearningOutcome.removedId")
                .entity(String.class).isEqualTo(OUTCOME);
        assertThat(cypher("MATCH (o:LearningOutcome {id: $id}) RETURN o", Map.of("id", OUTCOME))).isEmpty();
    }

    @Test
    void shouldRefuseEachInvalidOutcomeWithATypedErrorAndChangeNothing() {
        Map<String, Object> valid = validOutcome(OUTCOME, 4);
        assertRefused("addLearningOutcome", with(valid, "id", null), "InvalidValue", "id");
        assertRefused("addLearningOutcome", with(valid, "id", "lo-iot-architecture"), "DuplicateId", "id");
        assertRefused("addLearningOutcome", with(valid, "titleNl", ""), "InvalidValue", "titleNl");
        assertRefused("addLearningOutcome", with(valid, "titleEn", null), "InvalidValue", "titleEn");
        assertRefused("addLearningOutcome", with(valid, "eqfLevel", 0), "InvalidValue", "eqfLevel");
        assertRefused("addLearningOutcome", with(valid, "eqfLevel", null), "InvalidValue", "eqfLevel");
        assertRefused("addLearningOutcome", with(valid, "competencyId", "nothing"), "UnknownReference", "competencyId");
        assertRefused("addLearningOutcome", with(valid, "shelfLifeYears", 0), "InvalidValue", "shelfLifeYears");
        assertRefused("updateLearningOutcome", Map.of("id", "lo-iot-architecture", "eqfLevel", 9), "InvalidValue",
                "eqfLevel");
        assertRefused("updateLearningOutcome", Map.of("id", "lo-nothing", "eqfLevel", 3), "UnknownReference", "id");
        assertRefused("removeLearningOutcome", Map.of("id", "lo-nothing"), "UnknownReference", "id");
    }

    @Test
    void shouldListEveryUnitRoleAndEvidenceStillUsingAnOutcome() {
        Record used = cypher("""
                MATCH (o:LearningOutcome)<-[r:YIELDS|REQUIRES_ENTRY|REQUIRES|ASSERTS]-(x)
                WITH o, collect(DISTINCT labels(x)[0]) AS kinds, collect(DISTINCT x.id) AS users
                RETURN o.id AS id, users ORDER BY size(kinds) DESC, size(users) DESC, id LIMIT 1
                """, Map.of()).get(0);
        List<String> before = GraphSnapshot.of(driver);
        GraphQlTester.Response response = mutate("removeLearningOutcome", Map.of("id", used.get("id").asString()));
        response.path("removeLearningOutcome.errors[0].__typename").entity(String.class).isEqualTo("StillInUse");
        response.path("removeLearningOutcome.errors[0].field").entity(String.class).isEqualTo("id");
        response.path("removeLearningOutcome.errors[0].usedBy[*].id").entityList(String.class)
                .satisfies(ids -> assertThat(new TreeSet<>(ids))
                        .isEqualTo(new TreeSet<>(used.get("users").asList(v -> v.asString()))));
        response.path("removeLearningOutcome.errors[0].usedBy[*].kind").entityList(String.class)
                .satisfies(kinds -> assertThat(new HashSet<>(kinds)).contains("LEARNING_UNIT"));
        assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
    }

}
