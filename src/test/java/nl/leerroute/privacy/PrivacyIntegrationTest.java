package nl.leerroute.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import nl.leerroute.LeerrouteIntegrationTest;
import nl.leerroute.SignedIn;
import nl.leerroute.access.Caller;
import nl.leerroute.access.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Export and erasure on a person made for the test, with evidence, a saved plan, a consent, an
 * account and an access-log entry, each made through the API where the API makes them.
 */
@LeerrouteIntegrationTest
class PrivacyIntegrationTest {

    static final String PERSON = "p-privacy-test";
    static final String ACCOUNT = "acc-privacy-test";

    @Autowired
    SignedIn signedIn;

    @Autowired
    Driver driver;

    private final JsonMapper json = JsonMapper.builder().build();
    private GraphQlTester worker;

    @BeforeEach
    void createAPersonWithEverything() {
        driver.executableQuery("""
                MATCH (place:Place {id: 'Leeuwarden'}), (role:Role {id: 'role-robot-cell-operator'})
                CREATE (p:Person {id: $person, name: 'Test Privacy', birthYear: 1990, education: 'MBO_4',
                                  provenance: 'illustrative', origin: 'api'})-[:LIVES_IN]->(place),
                       (p)-[:HAS_GOAL]->(role),
                       (:Account {id: $account, username: 'privacy.test', role: 'WORKER', displayName: 'Test',
                                  passwordHash: '{bcrypt}$2a$10$secret', origin: 'api'})-[:IS]->(p)
                """).withParameters(Map.of("person", PERSON, "account", ACCOUNT)).execute();
        worker = signedIn.as(new Caller(ACCOUNT, "Test", Set.of(Role.WORKER), PERSON, null));
        worker.document("mutation { addEvidence(input: {personId: \"" + PERSON + "\", kind: WORK_EXPERIENCE, "
                + "title: \"Operator\", asserts: [{outcomeId: \"lo-math-basics\", level: 3}]}) { errors { field } } }")
                .execute().path("addEvidence.errors").entityList(Object.class).hasSize(0);
        worker.document("mutation { savePlan(input: {name: \"Mijn plan\", plan: {personId: \"" + PERSON + "\", "
                + "target: {roleId: \"role-robot-cell-operator\"}}}) { errors { field } } }").execute()
                .path("savePlan.errors").entityList(Object.class).hasSize(0);
        worker.document("mutation { grantConsent(input: {advisorId: \"acc-advisor-jansen\", purpose: \"Advies\", "
                + "until: \"2027-12-31\"}) { errors { field } } }").execute().path("grantConsent.errors")
                .entityList(Object.class).hasSize(0);
        signedIn.as("advisor.jansen").document("{ savedPlans(personId: \"" + PERSON + "\") { name } }").execute()
                .path("savedPlans[0].name").entity(String.class).isEqualTo("Mijn plan");
    }

    @AfterEach
    void removeLeftovers() {
        driver.executableQuery("""
                MATCH (p:Person {id: $person}) OPTIONAL MATCH (p)-[*1]-(n) WHERE n.origin = 'api' DETACH DELETE p, n
                """).withParameters(Map.of("person", PERSON)).execute();
    }

    /** Every relationship of the person and of the nodes that are only theirs, read independently by Cypher. */
    private Set<String> subgraphRelationships() {
        Set<String> relationships = new TreeSet<>();
        driver.executableQuery("""
                MATCH (p:Person {id: $person})
                MATCH (p)-[r1]-(n)
                WITH p, collect(DISTINCT n) AS neighbours
                UNWIND [p] + [n IN neighbours WHERE NOT (n:Place OR n:Role OR n:LearningUnit)] AS own
                MATCH (own)-[r]-()
                WITH DISTINCT r
                RETURN labels(startNode(r))[0] + ':' + startNode(r).id + ' ' + type(r) + ' '
                       + labels(endNode(r))[0] + ':' + endNode(r).id AS line
                """).withParameters(Map.of("person", PERSON)).execute().records()
                .forEach(r -> relationships.add(r.get("line").asString()));
        return relationships;
    }

    @Test
    void shouldExportThePersonsWholeSubgraph() {
        Set<String> subgraph = subgraphRelationships();
        assertThat(subgraph).anyMatch(l -> l.contains(" HAS_EVIDENCE ")).anyMatch(l -> l.contains(" SAVED_PLAN "))
                .anyMatch(l -> l.contains(" GRANTED ")).anyMatch(l -> l.contains(" ABOUT "))
                .anyMatch(l -> l.contains(" IS ")).anyMatch(l -> l.contains(" ASSERTS "))
                .anyMatch(l -> l.contains(" INCLUDES ")).anyMatch(l -> l.contains(" TO "));

        String exported = worker.document("{ exportMyData { personId json } }").execute()
                .path("exportMyData.personId").entity(String.class).isEqualTo(PERSON)
                .path("exportMyData.json").entity(String.class).get();
        JsonNode export = json.readTree(exported);
        Set<String> relationships = new TreeSet<>();
        export.get("relationships").forEach(r -> relationships.add(r.get("from").asString() + " "
                + r.get("type").asString() + " " + r.get("to").asString()));
        assertThat(relationships).isEqualTo(subgraph);

        Set<String> nodes = new TreeSet<>();
        export.get("nodes").forEach(n -> nodes.add(n.get("labels").get(0).asString() + ":"
                + n.get("properties").get("id").asString()));
        Set<String> expected = new TreeSet<>();
        driver.executableQuery("""
                MATCH (p:Person {id: $person})-[]-(n) WHERE NOT (n:Place OR n:Role OR n:LearningUnit)
                RETURN DISTINCT labels(n)[0] + ':' + n.id AS node
                """).withParameters(Map.of("person", PERSON)).execute().records()
                .forEach(r -> expected.add(r.get("node").asString()));
        assertThat(nodes).isEqualTo(expected);
        assertThat(export.get("person").get("name").asString()).isEqualTo("Test Privacy");
        assertThat(exported).doesNotContain("passwordHash", "$2a$");
    }

    @Test
    void shouldEraseThePersonAndEverythingOnlyTheirs() {
        List<String> theirs = driver.executableQuery("""
                MATCH (p:Person {id: $person})-[]-(n) WHERE NOT (n:Place OR n:Role OR n:LearningUnit)
                RETURN DISTINCT n.id AS id
                """).withParameters(Map.of("person", PERSON)).execute().records().stream()
                .map(r -> r.get("id").asString()).toList();
        assertThat(theirs).hasSizeGreaterThanOrEqualTo(5);
        long placesRolesAdvisors = count("MATCH (n) WHERE n:Place OR n:Role OR n:Account AND n.role = 'ADVISOR' "
                + "RETURN count(n)");

        worker.document("mutation { eraseMe(input: {confirmPersonId: \"" + PERSON + "\"}) "
                + "{ erasedPersonId removedNodes errors { field } } }").execute()
                .path("eraseMe.erasedPersonId").entity(String.class).isEqualTo(PERSON)
                .path("eraseMe.removedNodes").entity(Integer.class).isEqualTo(theirs.size() + 1);

        assertThat(count("MATCH (n) WHERE n.id IN $ids RETURN count(n)", Map.of("ids", theirs))).isZero();
        assertThat(count("MATCH (n {id: $id}) RETURN count(n)", Map.of("id", PERSON))).isZero();
        assertThat(count("MATCH (n) WHERE any(v IN [k IN keys(n) | n[k]] WHERE v = $id) RETURN count(n)",
                Map.of("id", PERSON))).isZero();
        assertThat(count("MATCH (n) WHERE n:Place OR n:Role OR n:Account AND n.role = 'ADVISOR' RETURN count(n)"))
                .isEqualTo(placesRolesAdvisors);
    }

    @Test
    void shouldEraseNothingWithoutConfirmation() {
        worker.document("mutation { eraseMe(input: {confirmPersonId: \"p-marco-dijkstra\"}) "
                + "{ erasedPersonId errors { field } } }").execute()
                .path("eraseMe.erasedPersonId").valueIsNull()
                .path("eraseMe.errors[0].field").entity(String.class).isEqualTo("confirmPersonId");
        assertThat(count("MATCH (n:Person) WHERE n.id IN [$a, $b] RETURN count(n)",
                Map.of("a", PERSON, "b", "p-marco-dijkstra"))).isEqualTo(2);
    }

    private long count(String cypher) {
        return count(cypher, Map.of());
    }

    private long count(String cypher, Map<String, Object> parameters) {
        return driver.executableQuery(cypher).withParameters(parameters).execute().records().get(0).get(0).asLong();
    }
}
