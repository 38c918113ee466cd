package nl.leerroute.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import nl.leerroute.GraphSnapshot;
import nl.leerroute.LeerrouteIntegrationTest;
import nl.leerroute.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data safety through the API: hostile strings are stored as data, never run; a mutation that fails
 * half-way leaves no trace; concurrent updates of a saved plan never overwrite each other.
 */
@LeerrouteIntegrationTest
class DataSafetyIntegrationTest {

    static final String ROLE = "role-smart-maintenance-technician";
    /** Cypher, Lucene and JSON metacharacters, and a classic injection. */
    static final String HOSTILE = "x'}) DETACH DELETE n // \"}]) MATCH (m) DETACH DELETE m; $name `label` "
            + "\\' + - && || ! ( ) { } [ ] ^ ~ * ? : / AND OR NOT <script>";

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Driver driver;

    @Autowired
    CatalogueSnapshots snapshots;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    SignedIn signedIn;
    private final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void removeWhatTheApiCreated() {
        cypher("MATCH (n {origin: 'api'}) DETACH DELETE n", Map.of());
        cypher("MATCH ()-[r {origin: 'api'}]->() DELETE r", Map.of());
        snapshots.rebuild();
    }

    private List<Record> cypher(String query, Map<String, Object> parameters) {
        return driver.executableQuery(query).withParameters(parameters).execute().records();
    }

    private long count(String query) {
        return cypher(query, Map.of()).get(0).get(0).asLong();
    }

    private String createPerson(String name) {
        GraphQlTester.Response response = graphQl.documentName("createPerson").variable("input", Map.of("name", name,
                "birthYear", 1985, "place", "Leeuwarden", "education", "MBO_4")).execute();
        response.path("createPerson.errors").entityList(Object.class).hasSize(0);
        return response.path("createPerson.person.id").entity(String.class).get();
    }

    private GraphQlTester.Response savePlan(String person) {
        GraphQlTester.Response saved = graphQl.documentName("savePlan").variable("personId", person)
                .variable("roleId", ROLE).execute();
        saved.path("savePlan.errors").entityList(Object.class).hasSize(0);
        return saved;
    }

    private JsonNode updatePlanOverHttp(String planId, int expectedVersion, String name) throws Exception {
        String document = Files.readString(Path.of("src/test/resources/graphql-test/updatePlan.graphql"));
        Map<String, Object> body = Map.of("query", document, "variables", Map.of("input",
                Map.of("planId", planId, "expectedVersion", expectedVersion, "name", name)));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/graphql")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + signedIn.token("admin"))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.path("errors").isMissingNode()).as(response.body()).isTrue();
        return answer.path("data").path("updatePlan");
    }

    private int version(String planId) {
        return cypher("MATCH (s:SavedPlan {id: $id}) RETURN s.version AS v", Map.of("id", planId)).get(0).get("v")
                .asInt();
    }

    @Test
    void shouldStoreInjectionStringsAsDataAndChangeNothingElse() {
        List<String> before = GraphSnapshot.of(driver);
        // the access log records the admin's changes to another person's data: not what is counted here
        String nodeCount = "MATCH (n) WHERE NOT n:AccessLogEntry RETURN count(n)";
        String relationshipCount = "MATCH (a)-[r]->() WHERE NOT a:AccessLogEntry RETURN count(r)";
        long nodes = count(nodeCount);
        long relationships = count(relationshipCount);

        String person = createPerson(HOSTILE);
        String evidence = graphQl.documentName("addEvidence").variable("input", Map.of("personId", person,
                "kind", "WORK_EXPERIENCE", "title", HOSTILE, "description", HOSTILE,
                "asserts", List.of(Map.of("outcomeId", "lo-math-basics", "level", 2))))
                .execute().path("addEvidence.evidence.id").entity(String.class).get();
        String plan = savePlan(person).path("savePlan.savedPlan.id").entity(String.class).get();
        int units = cypher("MATCH (:SavedPlan {id: $id})-[i:INCLUDES]->() RETURN count(i) AS n", Map.of("id", plan))
                .get(0).get("n").asInt();
        graphQl.documentName("updatePlan").variable("input", Map.of("planId", plan, "expectedVersion", 1,
                "name", HOSTILE)).execute().path("updatePlan.savedPlan.name").entity(String.class).isEqualTo(HOSTILE);
        graphQl.document("query($t: String!) { searchCatalogue(text: $t, first: 5) { score } }").variable("t", HOSTILE)
                .execute().errors().verify();

        // exactly what the mutations add: a person, an evidence item and a plan, with their relationships
        assertThat(count(nodeCount)).isEqualTo(nodes + 3);
        assertThat(count(relationshipCount))
                .isEqualTo(relationships + 1 /* LIVES_IN */ + 2 /* HAS_EVIDENCE, ASSERTS */ + 1 + units);
        List<String> after = GraphSnapshot.of(driver);
        assertThat(after).containsAll(before);
        assertThat(after.stream().filter(line -> !before.contains(line)))
                .allMatch(line -> line.contains(person) || line.contains(evidence) || line.contains(plan));
        // and the strings come back exactly
        graphQl.document("query($id: ID!) { person(id: $id) { name evidence { title description } } }")
                .variable("id", person).execute()
                .path("person.name").entity(String.class).isEqualTo(HOSTILE)
                .path("person.evidence[0].title").entity(String.class).isEqualTo(HOSTILE)
                .path("person.evidence[0].description").entity(String.class).isEqualTo(HOSTILE);
    }

    @Test
    void shouldLeaveNoTraceWhenASaveFailsHalfWay() {
        String person = createPerson("Jelle Visser");
        GraphQlTester.Response saved = savePlan(person);
        String plan = saved.path("savePlan.savedPlan.id").entity(String.class).get();
        // a new unit the planner will pick, deleted behind the planner's back: the route it plans names a
        // unit the graph no longer has, which the save discovers only after its first writes
        Record target = cypher("""
                MATCH (u:LearningUnit)-[y:YIELDS]->(o:LearningOutcome)
                WHERE u.kind <> 'ASSESSMENT' AND NOT EXISTS { (u)-[:REQUIRES_ENTRY]->() }
                RETURN o.id AS id, y.level AS level ORDER BY id, level LIMIT 1
                """, Map.of()).get(0);
        Map<String, Object> unit = new HashMap<>();
        unit.put("id", "api-vanishing-unit");
        unit.put("kind", "MODULE");
        unit.put("titleNl", "Verdwijnt");
        unit.put("titleEn", "Vanishes");
        unit.put("providerId", "hanze");
        unit.put("hours", 1);
        unit.put("durationWeeks", 1);
        unit.put("costEur", 0.0);
        unit.put("mode", "ONLINE");
        unit.put("language", "nl");
        unit.put("yields", List.of(Map.of("outcomeId", target.get("id").asString(), "level",
                target.get("level").asInt())));
        graphQl.documentName("addLearningUnit").variable("input", unit).execute()
                .path("addLearningUnit.errors").entityList(Object.class).hasSize(0);
        cypher("MATCH (u:LearningUnit {id: 'api-vanishing-unit'}) DETACH DELETE u", Map.of());
        List<String> before = GraphSnapshot.of(driver);

        Map<String, Object> replan = Map.of("personId", person, "target", Map.of("outcomes", List.of(Map.of(
                "outcomeId", target.get("id").asString(), "level", target.get("level").asInt()))));
        GraphQlTester.Response update = graphQl.documentName("updatePlan").variable("input", Map.of("planId", plan,
                "expectedVersion", 1, "name", "Nieuwe naam", "plan", replan)).execute();
        update.path("updatePlan.savedPlan").valueIsNull();
        update.path("updatePlan.errors[0].field").entity(String.class).isEqualTo("plan");
        update.path("updatePlan.errors[0].message").entity(String.class)
                .satisfies(m -> assertThat(m).contains("api-vanishing-unit"));
        GraphQlTester.Response save = graphQl.documentName("saveOutcomePlan").variable("personId", person)
                .variable("name", "Kortste route").variable("outcomeId", target.get("id").asString())
                .variable("level", target.get("level").asInt()).execute();
        save.path("savePlan.savedPlan").valueIsNull();
        save.path("savePlan.errors[0].message").entity(String.class)
                .satisfies(m -> assertThat(m).contains("api-vanishing-unit"));

        // neither the renamed plan, its new version, its dropped units, nor a half-saved plan remains
        assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
        assertThat(version(plan)).isEqualTo(1);
    }

    @Test
    void shouldLetExactlyOneOfFiftyParallelUpdatesWinAndLoseNoneWhenRetried() throws Exception {
        String plan = savePlan(createPerson("Anouk Mulder")).path("savePlan.savedPlan.id").entity(String.class).get();
        assertThat(version(plan)).isEqualTo(1);

        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<JsonNode>> racing = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String name = "parallel " + i;
                racing.add(pool.submit(() -> {
                    start.await();
                    return updatePlanOverHttp(plan, 1, name);
                }));
            }
            start.countDown();
            List<String> winners = new ArrayList<>();
            int conflicts = 0;
            for (Future<JsonNode> answer : racing) {
                JsonNode result = answer.get();
                if (result.path("savedPlan").isObject()) {
                    assertThat(result.path("savedPlan").path("version").asInt()).isEqualTo(2);
                    winners.add(result.path("savedPlan").path("name").asString());
                } else {
                    JsonNode error = result.path("errors").get(0);
                    assertThat(error.path("__typename").asString()).isEqualTo("VersionConflict");
                    assertThat(error.path("field").asString()).isEqualTo("expectedVersion");
                    assertThat(error.path("currentVersion").asInt()).isEqualTo(2);
                    conflicts++;
                }
            }
            assertThat(winners).hasSize(1);
            assertThat(conflicts).isEqualTo(49);
            assertThat(version(plan)).isEqualTo(2);
            assertThat(cypher("MATCH (s:SavedPlan {id: $id}) RETURN s.name AS n", Map.of("id", plan)).get(0)
                    .get("n").asString()).isEqualTo(winners.get(0));

            // 50 more updates from 5 clients at once, each retrying with the version a conflict reports
            List<Future<Integer>> clients = new ArrayList<>();
            for (int c = 0; c < 5; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    int landed = 0;
                    int expected = 2;
                    for (int u = 0; u < 10; u++) {
                        while (true) {
                            JsonNode result = updatePlanOverHttp(plan, expected, "client " + client + " update " + u);
                            if (result.path("savedPlan").isObject()) {
                                expected = result.path("savedPlan").path("version").asInt();
                                landed++;
                                break;
                            }
                            expected = result.path("errors").get(0).path("currentVersion").asInt();
                        }
                    }
                    return landed;
                }));
            }
            int landed = 0;
            for (Future<Integer> client : clients) {
                landed += client.get();
            }
            assertThat(landed).isEqualTo(50);
            assertThat(version(plan)).as("every update raised the version once: none was lost").isEqualTo(2 + 50);
            assertThat(Set.of(cypher("MATCH (s:SavedPlan {id: $id}) RETURN s.name AS n", Map.of("id", plan)).get(0)
                    .get("n").asString())).allMatch(n -> n.startsWith("client "));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRefuseAnUpdateOfAnUnknownPlanOrAnotherPersonsRoute() {
        String plan = savePlan(createPerson("Sanne Kuipers")).path("savePlan.savedPlan.id").entity(String.class).get();
        graphQl.documentName("updatePlan").variable("input", Map.of("planId", "plan-nope", "expectedVersion", 1,
                "name", "x")).execute().path("updatePlan.errors[0].field").entity(String.class).isEqualTo("planId");
        graphQl.documentName("updatePlan").variable("input", Map.of("planId", plan, "expectedVersion", 1,
                "plan", Map.of("personId", "p-marco-dijkstra", "target", Map.of("roleId", ROLE)))).execute()
                .path("updatePlan.errors[0].field").entity(String.class).isEqualTo("plan.personId");
        assertThat(version(plan)).isEqualTo(1);
    }
}
