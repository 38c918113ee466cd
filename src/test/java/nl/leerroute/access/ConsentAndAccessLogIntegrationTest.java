package nl.leerroute.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import nl.leerroute.LeerrouteIntegrationTest;
import nl.leerroute.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sign-in with the demo accounts, consent granted and withdrawn, nested paths to a person, the access log. */
@LeerrouteIntegrationTest
class ConsentAndAccessLogIntegrationTest {

    static final String MARCO = "p-marco-dijkstra";
    static final String PERSON_QUERY = "{ person(id: \"" + MARCO + "\") { name evidence { title } } }";

    @Autowired
    SignedIn signedIn;

    @Autowired
    Driver driver;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void removeWhatTheTestsCreated() {
        driver.executableQuery("MATCH (n) WHERE n.origin = 'api' AND (n:Consent OR n:AccessLogEntry) DETACH DELETE n")
                .execute();
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<ErrorType> refusals(GraphQlTester.Response response) {
        List<ErrorType> types = new java.util.ArrayList<>();
        response.errors().satisfy(errors -> errors.forEach(e -> {
            if (e.getErrorType() instanceof ErrorType type) {
                types.add(type);
            }
        }));
        return types;
    }

    @Test
    void shouldSignInWithADemoAccountAndActAsIt() throws Exception {
        HttpResponse<String> token = post("/auth/token", "{\"username\": \"marco\", \"password\": \"leerroute-demo\"}",
                null);
        assertThat(token.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(token.body());
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(900);
        HttpResponse<String> me = post("/graphql", "{\"query\": \"{ me { accountId roles person { id } } }\"}",
                body.get("access_token").asString());
        assertThat(json.readTree(me.body()).at("/data/me").toString())
                .isEqualTo("{\"accountId\":\"acc-marco\",\"roles\":[\"WORKER\"],\"person\":{\"id\":\"" + MARCO + "\"}}");
    }

    @Test
    void shouldRefuseAWrongPasswordAndATamperedToken() throws Exception {
        assertThat(post("/auth/token", "{\"username\": \"marco\", \"password\": \"guess\"}", null).statusCode())
                .isEqualTo(401);
        assertThat(post("/auth/token", "{\"username\": \"nobody\", \"password\": \"leerroute-demo\"}", null)
                .statusCode()).isEqualTo(401);
        String token = json.readTree(post("/auth/token", "{\"username\": \"henk\", \"password\": \"leerroute-demo\"}",
                null).body()).get("access_token").asString();
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("p-henk-bakker", MARCO).getBytes())
                + "." + parts[2];
        // the genuine token first, so that its verification is remembered: the forged one must be checked in full
        assertThat(post("/graphql", "{\"query\": \"{ me { accountId } }\"}", token).statusCode()).isEqualTo(200);
        assertThat(post("/graphql", "{\"query\": \"{ me { accountId } }\"}", forged).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldRefuseTheAdvisorRightAfterTheWorkerWithdrawsConsent() {
        GraphQlTester demir = signedIn.as("advisor.demir");
        assertThat(refusals(demir.document(PERSON_QUERY).execute())).contains(ErrorType.FORBIDDEN);

        String consent = signedIn.as("marco").document("mutation { grantConsent(input: {advisorId: "
                + "\"acc-advisor-demir\", purpose: \"Advies over omscholing\", until: \"2027-12-31\"}) "
                + "{ consent { id status advisor { id } } errors { field } } }").execute()
                .path("grantConsent.consent.status").entity(String.class).isEqualTo("ACTIVE")
                .path("grantConsent.consent.id").entity(String.class).get();
        demir.document(PERSON_QUERY).execute().path("person.name").entity(String.class).isEqualTo("Marco Dijkstra");
        demir.document("{ myClients { id person { id } } }").execute().path("myClients[*].person.id")
                .entityList(String.class).contains(MARCO);

        signedIn.as("marco").document("mutation($id: ID!) { withdrawConsent(input: {consentId: $id}) "
                + "{ consent { status withdrawnOn } errors { field } } }").variable("id", consent).execute()
                .path("withdrawConsent.consent.status").entity(String.class).isEqualTo("WITHDRAWN");

        GraphQlTester.Response after = demir.document(PERSON_QUERY).execute();
        assertThat(refusals(after)).containsOnly(ErrorType.FORBIDDEN);
        after.errors().satisfy(errors -> assertThat(errors.get(0).getMessage()).doesNotContain("Marco", MARCO));
        demir.document("{ myClients { id person { id } } }").execute().path("myClients[*].person.id")
                .entityList(String.class).doesNotContain(MARCO);
        demir.document("{ tShapeProfile(personId: \"" + MARCO + "\") { breadthScore } }").execute().errors()
                .satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsOnly(ErrorType.FORBIDDEN));
    }

    @Test
    void shouldListOnlyThePeopleTheCallerMaySee() {
        signedIn.as("advisor.jansen").document("{ people(first: 100) { edges { node { id } } } }").execute()
                .path("people.edges[*].node.id").entityList(String.class)
                .satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder("p-henk-bakker", MARCO)); // Priya's expired
        signedIn.as("priya").document("{ people(first: 100) { edges { node { id } } } }").execute()
                .path("people.edges[*].node.id").entityList(String.class).containsExactly("p-priya-raman");
        signedIn.as("editor.hanze").document("{ people(first: 100) { edges { node { id } } } }").execute()
                .path("people.edges").entityList(Object.class).hasSize(0);
        assertThat(refusals(signedIn.anonymous().document("{ people(first: 5) { edges { node { id } } } }")
                .execute())).containsOnly(ErrorType.UNAUTHORIZED);
    }

    @Test
    void shouldRefuseAPersonReachedThroughAnotherPath() {
        // Sanne withdrew her consent to Demir (seed): her consents list reaches Sanne only for Sanne herself.
        signedIn.as("sanne").document("{ myConsents { status person { name } } }").execute()
                .path("myConsents[0].status").entity(String.class).isEqualTo("WITHDRAWN")
                .path("myConsents[0].person.name").entity(String.class).isEqualTo("Sanne Visser");
        // A worker asking for another person's route by nesting it in compareRoutes is refused as well.
        assertThat(refusals(signedIn.as("henk").document("{ compareRoutes(inputs: [{personId: \"p-henk-bakker\", "
                + "target: {roleId: \"role-robot-cell-operator\"}}, {personId: \"" + MARCO + "\", target: {roleId: "
                + "\"role-robot-cell-operator\"}}]) { status } }").execute())).containsOnly(ErrorType.FORBIDDEN);
        // Planning for an anonymous profile needs no sign-in.
        signedIn.anonymous().document("{ planRoute(input: {profile: [], target: {outcomes: [{outcomeId: "
                + "\"lo-math-basics\", level: 3}]}}) { status } }").execute().path("planRoute.status")
                .entity(String.class).isEqualTo("OPTIMAL");
    }

    @Test
    void shouldLogWhoReadAPersonsDataWithPurposeAndConsentButNotTheData() {
        signedIn.as("advisor.jansen").document("{ tShapeProfile(personId: \"" + MARCO + "\") { breadthScore } }")
                .execute().path("tShapeProfile.breadthScore").entity(Integer.class).satisfies(s -> assertThat(s)
                        .isPositive());
        signedIn.as("marco").document("{ tShapeProfile(personId: \"" + MARCO + "\") { breadthScore } }").execute();
        GraphQlTester.Response log = signedIn.as("marco").document("{ myAccessLog { accountId role operation action "
                + "purpose consentId } }").execute();
        log.path("myAccessLog").entityList(Map.class).satisfies(entries -> assertThat(entries).containsExactly(
                Map.of("accountId", "acc-advisor-jansen", "role", "ADVISOR", "operation", "tShapeProfile",
                        "action", "READ", "purpose", "Loopbaanadvies smart maintenance",
                        "consentId", "consent-marco-jansen")));
        List<String> keys = driver.executableQuery("MATCH (e:AccessLogEntry)-[:ABOUT]->(:Person {id: $id}) "
                + "UNWIND keys(e) AS key RETURN DISTINCT key ORDER BY key").withParameters(Map.of("id", MARCO))
                .execute().records().stream().map(r -> r.get("key").asString()).toList();
        assertThat(keys).containsExactlyInAnyOrder("id", "at", "accountId", "accountName", "role", "operation",
                "action", "purpose", "consentId", "origin");
    }

    @Test
    void shouldLetAnAdvisorWhoCreatesAClientSeeThemUnderAnIntakeConsent() {
        String id = signedIn.as("advisor.demir").document("mutation { createPerson(input: {name: \"Fenna de Boer\", "
                + "birthYear: 1988, place: \"Leeuwarden\", education: \"MBO_4\"}) { person { id } errors { field } } }")
                .execute().path("createPerson.person.id").entity(String.class).get();
        signedIn.as("advisor.demir").document("{ myClients { purpose person { id name } } }").execute()
                .path("myClients[?(@.person.id == '" + id + "')].purpose").entityList(String.class)
                .containsExactly("intake");
        signedIn.as("advisor.jansen").document("{ person(id: \"" + id + "\") { name } }").execute().errors()
                .satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).contains(ErrorType.FORBIDDEN));
        driver.executableQuery("MATCH (p:Person {id: $id}) DETACH DELETE p").withParameters(Map.of("id", id)).execute();
    }

    @Test
    void shouldNotShowAnEditorWhosEvidenceStillUsesAnOutcome() {
        driver.executableQuery("""
                MATCH (c:Competency {id: 'c-dom-math'}), (p:Person {id: $person})
                CREATE (o:LearningOutcome {id: 'lo-access-test', titleNl: 'x', titleEn: 'x', eqfLevel: 3,
                                           provenance: 'api', origin: 'api'})-[:BELONGS_TO]->(c),
                       (p)-[:HAS_EVIDENCE]->(e:Evidence {id: 'ev-access-test', kind: 'INFORMAL',
                           title: 'Marco zijn eigen woorden', status: 'CLAIMED', origin: 'api'})-[:ASSERTS {level: 3}]->(o)
                """).withParameters(Map.of("person", MARCO)).execute();
        String removal = "mutation { removeLearningOutcome(input: {id: \"lo-access-test\"}) "
                + "{ removedId errors { ... on StillInUse { usedBy { kind id name } } } } }";
        signedIn.as("editor.hanze").document(removal).execute().path("removeLearningOutcome.errors[0].usedBy[0]")
                .entity(Map.class).isEqualTo(Map.of("kind", "EVIDENCE", "id", "hidden", "name", "a person's evidence"));
        signedIn.as("admin").document(removal).execute().path("removeLearningOutcome.errors[0].usedBy[0].name")
                .entity(String.class).isEqualTo("Marco zijn eigen woorden");
        driver.executableQuery("MATCH (n) WHERE n.id IN ['lo-access-test', 'ev-access-test'] DETACH DELETE n").execute();
    }

    @Test
    void shouldNotLetAWorkerValidateTheirOwnCompletion() {
        signedIn.as("marco").document("mutation { recordProgress(input: {personId: \"" + MARCO + "\", "
                + "learningUnitId: \"u-hanze-iot-1\", status: COMPLETED}) { evidence { id } } }").execute().errors()
                .satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsOnly(ErrorType.FORBIDDEN));
        assertThat(driver.executableQuery("MATCH (:Person {id: $id})-[:HAS_EVIDENCE]->(e:Evidence)-[:OF_UNIT]->"
                + "(:LearningUnit {id: 'u-hanze-iot-1'}) RETURN count(e) AS n").withParameters(Map.of("id", MARCO))
                .execute().records().get(0).get("n").asLong()).isZero();
    }
}
