package nl.leerroute.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import nl.leerroute.LeerrouteIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/** The worker's and advisor's stories through the API, on the seeded demo people. */
@LeerrouteIntegrationTest
class WorkerStoriesIntegrationTest {

    static final String TECHNICIAN = "p-marco-dijkstra";
    static final String MAINTENANCE_ROLE = "role-smart-maintenance-technician";

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Driver driver;

    @AfterEach
    void removeWhatTheApiCreated() {
        driver.executableQuery("MATCH (n) WHERE n.origin = 'api' DETACH DELETE n").execute();
        driver.executableQuery("MATCH (:Person)-[s:STARTED]->() DELETE s").execute();
    }

    private long count(String cypher) {
        return driver.executableQuery(cypher).execute().records().get(0).get(0).asLong();
    }

    private String createPerson() {
        return graphQl.documentName("createPerson").variable("input", Map.of("name", "Fenna de Boer",
                "birthYear", 1988, "place", "Leeuwarden", "education", "MBO_4")).execute()
                .path("createPerson.person.id").entity(String.class).get();
    }

    @Test
    void shouldCreateAPersonInTheirPlace() {
        String id = createPerson();
        graphQl.documentName("tShapeProfile").variable("personId", id).execute()
                .path("tShapeProfile.breadthScore").entity(Integer.class).isEqualTo(0);
        assertThat(count("MATCH (:Person {id: '" + id + "'})-[:LIVES_IN]->(:Place {id: 'Leeuwarden'}) RETURN count(*)"))
                .isEqualTo(1);
    }

    @Test
    void shouldListEveryWrongFieldAndCreateNothing() {
        long people = count("MATCH (p:Person) RETURN count(p)");
        GraphQlTester.Response response = graphQl.documentName("createPerson").variable("input", Map.of("name", " ",
                "birthYear", 2024, "place", "Atlantis", "education", "PHD")).execute();
        response.path("createPerson.person").valueIsNull();
        response.path("createPerson.errors[*].field").entityList(String.class)
                .satisfies(fields -> assertThat(fields).containsExactlyInAnyOrder("name", "birthYear", "education",
                        "place"));
        assertThat(count("MATCH (p:Person) RETURN count(p)")).isEqualTo(people);
    }

    @Test
    void shouldCreditNothingForAClaimButAcceptItAsEvidence() {
        String person = createPerson();
        String outcome = driver.executableQuery("MATCH (r:Role {id: $role})-[q:REQUIRES]->(o) "
                + "RETURN o.id AS id, q.level AS level ORDER BY o.id LIMIT 1").withParameters(Map.of("role",
                MAINTENANCE_ROLE)).execute().records().get(0).get("id").asString();
        graphQl.documentName("addEvidence").variable("input", Map.of("personId", person, "kind", "WORK_EXPERIENCE",
                "title", "Storingen verhelpen", "asserts", List.of(Map.of("outcomeId", outcome, "level", 8))))
                .execute().path("addEvidence.evidence.status").entity(String.class).isEqualTo("CLAIMED");
        graphQl.documentName("planHours").variable("personId", person).variable("roleId", MAINTENANCE_ROLE).execute()
                .path("planRoute.credits").entityList(Object.class).hasSize(0);
    }

    @Test
    void shouldRefuseEvidenceAboutAnUnknownOutcome() {
        String person = createPerson();
        graphQl.documentName("addEvidence").variable("input", Map.of("personId", person, "kind", "INFORMAL",
                "title", "Hobby", "asserts", List.of(Map.of("outcomeId", "lo-knitting", "level", 3)))).execute()
                .path("addEvidence.errors[0].field").entity(String.class).isEqualTo("asserts");
        assertThat(count("MATCH (:Person {id: '" + person + "'})-[:HAS_EVIDENCE]->(e) RETURN count(e)")).isZero();
    }

    @Test
    void shouldMakeTheNextPlanShorterWhenAUnitIsCompleted() {
        GraphQlTester.Response before = graphQl.documentName("planHours").variable("personId", TECHNICIAN)
                .variable("roleId", MAINTENANCE_ROLE).execute();
        int hoursBefore = before.path("planRoute.best.totalHours").entity(Integer.class).get();
        List<String> units = before.path("planRoute.best.steps[*].learningUnit.id").entityList(String.class).get();
        String last = units.get(units.size() - 1);

        graphQl.documentName("recordProgress").variable("input", Map.of("personId", TECHNICIAN,
                "learningUnitId", last, "status", "COMPLETED")).execute()
                .path("recordProgress.evidence.status").entity(String.class).isEqualTo("VALIDATED");

        GraphQlTester.Response after = graphQl.documentName("planHours").variable("personId", TECHNICIAN)
                .variable("roleId", MAINTENANCE_ROLE).execute();
        assertThat(after.path("planRoute.best.totalHours").entity(Integer.class).get()).isLessThan(hoursBefore);
        after.path("planRoute.best.steps[*].learningUnit.id").entityList(String.class).doesNotContain(last);
    }

    @Test
    void shouldTurnChangedValidatedEvidenceBackIntoAClaim() {
        String person = createPerson();
        String outcome = "lo-math-basics";
        String evidence = graphQl.documentName("addEvidence").variable("input", Map.of("personId", person,
                "kind", "DIPLOMA", "title", "MBO-4", "asserts", List.of(Map.of("outcomeId", outcome, "level", 4))))
                .execute().path("addEvidence.evidence.id").entity(String.class).get();
        driver.executableQuery("MATCH (e:Evidence {id: $id}) SET e.status = 'VALIDATED', e.validationMethod = "
                + "'DIPLOMA', e.validatedOn = date()").withParameters(Map.of("id", evidence)).execute();
        graphQl.documentName("changeEvidence").variable("input", Map.of("evidenceId", evidence, "asserts",
                List.of(Map.of("outcomeId", outcome, "level", 6)))).execute()
                .path("changeEvidence.evidence.status").entity(String.class).isEqualTo("CLAIMED");
    }

    @Test
    void shouldShowTheTShapeFromCreditedOutcomes() {
        long horizontal = count("""
                MATCH (:Person {id: 'p-marco-dijkstra'})-[:HAS_EVIDENCE]->(e:Evidence {status: 'VALIDATED'})
                      -[:ASSERTS]->(o)-[:BELONGS_TO]->(c:Competency {tDimension: 'HORIZONTAL'})
                WHERE e.to IS NULL OR (e.to <= date() AND (o.shelfLifeYears IS NULL
                      OR e.to + duration({years: o.shelfLifeYears}) > date()))
                RETURN count(DISTINCT c)
                """);
        GraphQlTester.Response response = graphQl.documentName("tShapeProfile").variable("personId", TECHNICIAN)
                .execute();
        response.path("tShapeProfile.breadthScore").entity(Long.class).isEqualTo(horizontal);
        response.path("tShapeProfile.depth[*].competencies[*].competency.tDimension").entityList(String.class)
                .satisfies(d -> assertThat(d).isNotEmpty().containsOnly("VERTICAL"));
    }

    @Test
    void shouldRankGoalsByTheHoursStillNeeded() {
        List<Integer> hours = graphQl.documentName("suggestGoals").variable("personId", TECHNICIAN).execute()
                .path("suggestGoals[*].hoursNeeded").entityList(Integer.class).get();
        List<Integer> reachable = hours.stream().filter(java.util.Objects::nonNull).toList();
        assertThat(reachable).isNotEmpty().isSorted();
    }

    @Test
    void shouldSaveAPlanWithItsRouteAndRequest() {
        GraphQlTester.Response saved = graphQl.documentName("savePlan").variable("personId", TECHNICIAN)
                .variable("roleId", MAINTENANCE_ROLE).execute();
        saved.path("savePlan.errors").entityList(Object.class).hasSize(0);
        saved.path("savePlan.savedPlan.requestJson").entity(String.class)
                .satisfies(json -> assertThat(json).contains(MAINTENANCE_ROLE).contains("hoursPerWeek"));
        List<String> units = saved.path("savePlan.savedPlan.learningUnits[*].id").entityList(String.class).get();
        graphQl.documentName("savedPlans").variable("personId", TECHNICIAN).execute()
                .path("savedPlans[0].learningUnits[*].id").entityList(String.class).containsExactly(
                        units.toArray(String[]::new));
    }
}
