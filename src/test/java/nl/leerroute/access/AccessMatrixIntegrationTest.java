package nl.leerroute.access;

import static nl.leerroute.access.AccessMatrixIntegrationTest.As.ADMIN;
import static nl.leerroute.access.AccessMatrixIntegrationTest.As.ADVISOR_WITH_CONSENT;
import static nl.leerroute.access.AccessMatrixIntegrationTest.As.ADVISOR_WITHOUT_CONSENT;
import static nl.leerroute.access.AccessMatrixIntegrationTest.As.ANONYMOUS;
import static nl.leerroute.access.AccessMatrixIntegrationTest.As.EDITOR_OTHER_INSTITUTION;
import static nl.leerroute.access.AccessMatrixIntegrationTest.As.EDITOR_OWN_INSTITUTION;
import static nl.leerroute.access.AccessMatrixIntegrationTest.As.EMPLOYER_OTHER_FIRM;
import static nl.leerroute.access.AccessMatrixIntegrationTest.As.EMPLOYER_OWN_FIRM;
import static nl.leerroute.access.AccessMatrixIntegrationTest.As.WORKER_OTHER;
import static nl.leerroute.access.AccessMatrixIntegrationTest.As.WORKER_SELF;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import nl.leerroute.LeerrouteIntegrationTest;
import nl.leerroute.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Every operation of the served schema as every kind of caller: allowed or refused. The person
 * concerned is the demo technician (Marco), the institution Hanzehogeschool. Mutations are sent
 * with input that fails validation (or on throwaway records), so an allowed call changes nothing
 * that matters. An operation of the schema without a row here fails the test: whoever adds one
 * decides its row (and its rule in {@code OperationRules}).
 */
@LeerrouteIntegrationTest
class AccessMatrixIntegrationTest {

    /** The callers of the matrix, as demo accounts (graph-seed/accounts.csv). */
    enum As {
        ANONYMOUS(null),
        /** Marco, about his own data. */
        WORKER_SELF("marco"),
        /** Henk, about Marco's data (or, for "my" operations, his own). */
        WORKER_OTHER("henk"),
        /** Eva Jansen, to whom Marco granted an active consent. */
        ADVISOR_WITH_CONSENT("advisor.jansen"),
        /** Kemal Demir: no active consent from Marco. */
        ADVISOR_WITHOUT_CONSENT("advisor.demir"),
        EDITOR_OWN_INSTITUTION("editor.hanze"),
        EDITOR_OTHER_INSTITUTION("editor.firda"),
        /** Acts for Noordtech, whose team the employer rows use. */
        EMPLOYER_OWN_FIRM("employer.noordtech"),
        /** Acts for Waddenmetaal: must never see Noordtech's team. */
        EMPLOYER_OTHER_FIRM("employer.waddenmetaal"),
        ADMIN("admin");

        final String username;

        As(String username) {
            this.username = username;
        }
    }

    static final String MARCO = "p-marco-dijkstra";
    static final Set<As> EVERYONE = EnumSet.allOf(As.class);
    static final Set<As> SIGNED_IN = EnumSet.complementOf(EnumSet.of(ANONYMOUS));
    static final Set<As> MARCO_AND_HIS_ADVISOR = EnumSet.of(WORKER_SELF, ADVISOR_WITH_CONSENT, ADMIN);
    static final Set<As> WORKERS = EnumSet.of(WORKER_SELF, WORKER_OTHER);
    static final Set<As> ADVISORS = EnumSet.of(ADVISOR_WITH_CONSENT, ADVISOR_WITHOUT_CONSENT);
    static final Set<As> HANZE = EnumSet.of(EDITOR_OWN_INSTITUTION, ADMIN);

    record Row(String operation, String document, Supplier<Map<String, Object>> variables, Set<As> allowed) {
    }

    @Autowired
    SignedIn signedIn;

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    Driver driver;

    private final AtomicInteger throwaway = new AtomicInteger();

    @Autowired
    nl.leerroute.routes.CatalogueSnapshots snapshots;

    @AfterEach
    void removeThrowawayRecords() {
        driver.executableQuery("MATCH (n) WHERE n.id STARTS WITH 'matrix-' DETACH DELETE n").execute();
        snapshots.rebuild();
    }

    private String hanzeOnlyOutcome() {
        return driver.executableQuery("""
                MATCH (o:LearningOutcome)<-[:YIELDS]-(:LearningUnit)-[:PROVIDED_BY]->(:Institution {id: 'hanze'})
                WHERE all(u IN [(o)<-[:YIELDS]-(u:LearningUnit) | u]
                          WHERE (u)-[:PROVIDED_BY]->(:Institution)-[:PART_OF*0..]->(:Institution {id: 'hanze'}))
                RETURN o.id AS id ORDER BY o.id LIMIT 1
                """).execute().records().get(0).get("id").asString();
    }

    /** A Hanze unit nobody uses, for removal (added by the admin, so the planner's snapshot stays sound). */
    private Map<String, Object> throwawayUnit() {
        String id = "matrix-unit-" + throwaway.incrementAndGet();
        signedIn.as("admin").document("mutation($id: ID) { addLearningUnit(input: {id: $id, kind: TRAINING, "
                + "titleNl: \"x\", titleEn: \"x\", providerId: \"hanze\", hours: 400, durationWeeks: 1, costEur: 9000, "
                + "mode: ONLINE, language: \"nl\", yields: [{outcomeId: \"lo-math-basics\", level: 1}]}) "
                + "{ errors { field } } }").variable("id", id).execute().path("addLearningUnit.errors").entityList(Object.class)
                .hasSize(0);
        return Map.of("id", id);
    }

    /** Evidence of Marco's, for removal. */
    private Map<String, Object> throwawayEvidence() {
        String id = "matrix-evidence-" + throwaway.incrementAndGet();
        driver.executableQuery("MATCH (p:Person {id: $person}) CREATE (p)-[:HAS_EVIDENCE]->(:Evidence {id: $id, "
                + "kind: 'INFORMAL', title: 'x', status: 'CLAIMED', provenance: 'illustrative', origin: 'api'})")
                .withParameters(Map.of("id", id, "person", MARCO)).execute();
        return Map.of("id", id);
    }

    private List<Row> matrix() {
        String outcome = hanzeOnlyOutcome();
        List<Row> rows = new ArrayList<>();
        Map<String, String> catalogue = new LinkedHashMap<>();
        catalogue.put("institutions", "{ institutions { id } }");
        catalogue.put("institution", "{ institution(id: \"hanze\") { id } }");
        catalogue.put("places", "{ places { name } }");
        catalogue.put("programmes", "{ programmes(croho: \"30020\") { id } }");
        catalogue.put("programme", "{ programme(id: \"x\") { id } }");
        catalogue.put("minors", "{ minors(institutionId: \"hanze\") { id } }");
        catalogue.put("minor", "{ minor(id: \"min-hanze-iot\") { id } }");
        catalogue.put("learningUnits", "{ learningUnits(first: 2) { edges { node { id } } } }");
        catalogue.put("learningUnit", "{ learningUnit(id: \"u-hanze-iot-1\") { id } }");
        catalogue.put("learningOutcomes", "{ learningOutcomes(first: 2) { edges { node { id } } } }");
        catalogue.put("learningOutcome", "{ learningOutcome(id: \"lo-math-basics\") { id } }");
        catalogue.put("competencies", "{ competencies { id } }");
        catalogue.put("competency", "{ competency(id: \"c-dom-math\") { id } }");
        catalogue.put("frameworkConcepts", "{ frameworkConcepts(scheme: TRANSFORMATION) { id } }");
        catalogue.put("roles", "{ roles { id } }");
        catalogue.put("role", "{ role(id: \"role-robot-cell-operator\") { id } }");
        catalogue.put("certificates", "{ certificates { id } }");
        catalogue.put("certificate", "{ certificate(id: \"cert-sma-s\") { id } }");
        catalogue.put("labourMarket", "{ labourMarket(region: \"Friesland\") { value } }");
        catalogue.put("searchCatalogue", "{ searchCatalogue(text: \"plc\", first: 1) { score } }");
        catalogue.put("seedStatus", "{ seedStatus { contentHash } }");
        catalogue.put("modulesCoveringOutcome", "{ modulesCoveringOutcome(outcomeId: \"lo-condition-monitoring\", "
                + "first: 1) { edges { node { level } } } }");
        catalogue.put("uncoveredOutcomes", "{ uncoveredOutcomes(first: 1) { edges { node { requiredLevel } } } }");
        catalogue.put("catalogueOverlap", "{ catalogueOverlap(institutionId: \"hanze\", first: 1) "
                + "{ edges { node { sameProvider } } } }");
        catalogue.put("me", "{ me { accountId } }");
        catalogue.put("fundingSchemes", "{ fundingSchemes { id } }");
        catalogue.put("fundingScheme", "{ fundingScheme(id: \"fund-slim-mkb\") { id } }");
        catalogue.put("skillslabs", "{ skillslabs(filter: {province: \"Drenthe\"}) { id } }");
        catalogue.put("skillslab", "{ skillslab(id: \"sl-icd-smart-maintenance\") { id } }");
        catalogue.forEach((operation, document) -> rows.add(new Row(operation, document, Map::of, EVERYONE)));

        rows.add(new Row("people", "{ people(first: 5) { edges { node { id name } } } }", Map::of, SIGNED_IN));
        rows.add(new Row("person", "{ person(id: \"" + MARCO + "\") { name evidence { title } } }", Map::of,
                MARCO_AND_HIS_ADVISOR));
        String plan = "{personId: \"" + MARCO + "\", target: {roleId: \"role-robot-cell-operator\"}}";
        rows.add(new Row("planRoute", "{ planRoute(input: " + plan + ") { status } }", Map::of, MARCO_AND_HIS_ADVISOR));
        rows.add(new Row("compareRoutes", "{ compareRoutes(inputs: [" + plan + "]) { status } }", Map::of,
                MARCO_AND_HIS_ADVISOR));
        rows.add(new Row("tShapeProfile", "{ tShapeProfile(personId: \"" + MARCO + "\") { breadthScore } }", Map::of,
                MARCO_AND_HIS_ADVISOR));
        rows.add(new Row("suggestGoals", "{ suggestGoals(personId: \"" + MARCO + "\", first: 1) { status } }",
                Map::of, MARCO_AND_HIS_ADVISOR));
        rows.add(new Row("savedPlans", "{ savedPlans(personId: \"" + MARCO + "\") { id } }", Map::of,
                MARCO_AND_HIS_ADVISOR));
        rows.add(new Row("nextSteps", "{ nextSteps(personId: \"" + MARCO + "\", first: 1) { status } }", Map::of,
                MARCO_AND_HIS_ADVISOR));
        rows.add(new Row("personFunding", "{ personFunding(personId: \"" + MARCO + "\", learningUnitIds: "
                + "[\"u-sl-icd-3\"]) { eligible { schemeId } cost { toPersonEur } } }", Map::of,
                MARCO_AND_HIS_ADVISOR));
        rows.add(new Row("myConsents", "{ myConsents { id } }", Map::of, WORKERS));
        rows.add(new Row("myAccessLog", "{ myAccessLog { at } }", Map::of, WORKERS));
        rows.add(new Row("exportMyData", "{ exportMyData { personId } }", Map::of, WORKERS));
        rows.add(new Row("myClients", "{ myClients { id } }", Map::of, ADVISORS));

        rows.add(new Row("createPerson", "mutation { createPerson(input: {name: \"\", birthYear: 1800, place: \"x\", "
                + "education: \"x\"}) { errors { field } } }", Map::of, EnumSet.of(ADVISOR_WITH_CONSENT,
                ADVISOR_WITHOUT_CONSENT, ADMIN)));
        rows.add(new Row("addEvidence", "mutation { addEvidence(input: {personId: \"" + MARCO + "\", kind: INFORMAL, "
                + "title: \"x\", asserts: [{outcomeId: \"lo-none\", level: 3}]}) { errors { field } } }", Map::of,
                MARCO_AND_HIS_ADVISOR));
        rows.add(new Row("changeEvidence", "mutation { changeEvidence(input: {evidenceId: \"ev-marco-work2\", "
                + "title: \" \"}) { errors { field } } }", Map::of, MARCO_AND_HIS_ADVISOR));
        rows.add(new Row("removeEvidence", "mutation($id: ID!) { removeEvidence(input: {evidenceId: $id}) "
                + "{ removedId } }", this::throwawayEvidence, MARCO_AND_HIS_ADVISOR));
        rows.add(new Row("savePlan", "mutation { savePlan(input: {name: \" \", plan: " + plan + "}) "
                + "{ errors { field } } }", Map::of, MARCO_AND_HIS_ADVISOR));
        rows.add(new Row("recordProgress", "mutation { recordProgress(input: {personId: \"" + MARCO + "\", "
                + "learningUnitId: \"u-hanze-iot-1\", status: STARTED, on: \"2999-01-01\"}) { errors { field } } }",
                Map::of, MARCO_AND_HIS_ADVISOR));
        rows.add(new Row("recordProgress", "mutation { recordProgress(input: {personId: \"" + MARCO + "\", "
                + "learningUnitId: \"u-hanze-iot-1\", status: COMPLETED, on: \"2999-01-01\"}) { errors { field } } }",
                Map::of, EnumSet.of(ADVISOR_WITH_CONSENT, EDITOR_OWN_INSTITUTION, ADMIN)));
        rows.add(new Row("addLearningUnit", "mutation { addLearningUnit(input: {id: \"matrix-new\", providerId: "
                + "\"hanze\", hours: -1}) { errors { field } } }", Map::of, HANZE));
        rows.add(new Row("updateLearningUnit", "mutation { updateLearningUnit(input: {id: \"u-hanze-iot-1\", "
                + "costEur: -5}) { errors { field } } }", Map::of, HANZE));
        rows.add(new Row("removeLearningUnit", "mutation($id: ID!) { removeLearningUnit(input: {id: $id}) "
                + "{ removedId errors { field } } }", this::throwawayUnit, HANZE));
        rows.add(new Row("addLearningOutcome", "mutation { addLearningOutcome(input: {id: \"matrix-lo\", "
                + "eqfLevel: 9}) { errors { field } } }", Map::of, EnumSet.of(EDITOR_OWN_INSTITUTION,
                EDITOR_OTHER_INSTITUTION, ADMIN)));
        rows.add(new Row("updateLearningOutcome", "mutation { updateLearningOutcome(input: {id: \"" + outcome
                + "\", eqfLevel: 9}) { errors { field } } }", Map::of, HANZE));
        rows.add(new Row("removeLearningOutcome", "mutation { removeLearningOutcome(input: {id: \"" + outcome
                + "\"}) { errors { field } } }", Map::of, HANZE));
        rows.add(new Row("grantConsent", "mutation { grantConsent(input: {advisorId: \"acc-advisor-demir\", "
                + "purpose: \" \", until: \"2000-01-01\"}) { errors { field } } }", Map::of, WORKERS));
        rows.add(new Row("withdrawConsent", "mutation { withdrawConsent(input: {consentId: \"matrix-none\"}) "
                + "{ errors { field } } }", Map::of, WORKERS));
        rows.add(new Row("eraseMe", "mutation { eraseMe(input: {confirmPersonId: \"not-me\"}) { errors { field } } }",
                Map::of, WORKERS));

        catalogueFree(rows);
        rows.add(new Row("acceptSuggestions", "mutation { acceptSuggestions(input: {personId: \"" + MARCO + "\", "
                + "text: \"PLC-programmeren\", title: \" \", outcomes: []}) { errors { field } } }", Map::of,
                MARCO_AND_HIS_ADVISOR));
        rows.add(new Row("evidenceToReview", "{ evidenceToReview(personId: \"" + MARCO + "\", first: 5) "
                + "{ edges { node { id title } } } }", Map::of, EnumSet.of(ADVISOR_WITH_CONSENT, ADMIN)));
        rows.add(new Row("evidenceToReview", "{ evidenceToReview(first: 5) { edges { node { id title } } } }",
                Map::of, EnumSet.of(ADVISOR_WITH_CONSENT, ADVISOR_WITHOUT_CONSENT, ADMIN)));
        rows.add(new Row("validateEvidence", "mutation($id: ID!) { validateEvidence(input: {evidenceId: $id, "
                + "method: PORTFOLIO, on: \"2999-01-01\"}) { errors { field } } }", this::throwawayEvidence,
                EnumSet.of(ADVISOR_WITH_CONSENT, ADMIN)));
        rows.add(new Row("rejectEvidence", "mutation($id: ID!) { rejectEvidence(input: {evidenceId: $id, "
                + "reason: \" \"}) { errors { field } } }", this::throwawayEvidence,
                EnumSet.of(ADVISOR_WITH_CONSENT, ADMIN)));
        rows.add(new Row("updatePlan", "mutation($id: ID!) { updatePlan(input: {planId: $id, expectedVersion: 999, "
                + "name: \"x\"}) { errors { field } } }", this::throwawayPlan, MARCO_AND_HIS_ADVISOR));
        rows.add(new Row("escoConcept", "{ escoConcept(uri: \"http://data.europa.eu/esco/skill/x\") { uri } }",
                Map::of, EVERYONE));
        rows.add(new Row("certificateBadge", "{ certificateBadge(personId: \"" + MARCO + "\", certificateId: "
                + "\"cert-mbo-plc\") { complete } }", Map::of, MARCO_AND_HIS_ADVISOR));
        rows.add(new Row("importOoapiCatalogue", "mutation { importOoapiCatalogue(input: {institutionId: \"hanze\", "
                + "document: \"{}\", dryRun: true}) { errors { path } } }", Map::of, HANZE));
        employers(rows);
        return rows;
    }

    /** Employer operations: a team of Noordtech's is for Noordtech's employer (and an admin) only. */
    private void employers(List<Row> rows) {
        Set<As> employers = EnumSet.of(EMPLOYER_OWN_FIRM, EMPLOYER_OTHER_FIRM);
        Set<As> noordtech = EnumSet.of(EMPLOYER_OWN_FIRM, ADMIN);
        rows.add(new Row("transformationNeeds", "{ transformationNeeds(transformationIds: [\"tr-digital-factory\"], "
                + "maturityLevelId: \"mat-1-starter\") { level } }", Map::of, EVERYONE));
        rows.add(new Row("myEmployees", "{ myEmployees { personId } }", Map::of, employers));
        rows.add(new Row("myTeams", "{ myTeams { id } }", Map::of, employers));
        rows.add(new Row("createTeam", "mutation { createTeam(input: {name: \" \", memberIds: [], transformationIds: "
                + "[], maturityLevelId: \"x\"}) { errors { field } } }", Map::of, employers));
        rows.add(new Row("team", "query($id: ID!) { team(id: $id) { name } }", this::throwawayTeam, noordtech));
        rows.add(new Row("updateTeam", "mutation($id: ID!) { updateTeam(input: {id: $id, name: \" \"}) "
                + "{ errors { field } } }", this::throwawayTeam, noordtech));
        rows.add(new Row("teamGap", "query($id: ID!) { teamGap(teamId: $id) { needs { credited } } }",
                this::throwawayTeam, noordtech));
        rows.add(new Row("teamPlan", "query($id: ID!) { teamPlan(teamId: $id) { status } }", this::throwawayTeam,
                noordtech));
        rows.add(new Row("myEmployerConsents", "{ myEmployerConsents { id } }", Map::of, WORKERS));
        rows.add(new Row("grantEmployerConsent", "mutation { grantEmployerConsent(input: {employerId: "
                + "\"firm-noordtech\", shares: [], purpose: \" \", until: \"2000-01-01\"}) { errors { field } } }",
                Map::of, WORKERS));
        rows.add(new Row("withdrawEmployerConsent", "mutation { withdrawEmployerConsent(input: {consentId: "
                + "\"matrix-none\"}) { errors { field } } }", Map::of, WORKERS));
    }

    /** A one-member team of Noordtech's with a small goal, so that planning it is quick. */
    private Map<String, Object> throwawayTeam() {
        String id = "matrix-team-" + throwaway.incrementAndGet();
        driver.executableQuery("""
                MATCH (f:Institution {id: 'firm-noordtech'}), (p:Person {id: 'p-geeske-oefenga'}),
                      (t:Transformation {id: 'tr-sustainable-factory'}), (m:MaturityLevel {id: 'mat-1-starter'})
                CREATE (f)<-[:OF_FIRM]-(team:Team {id: $id, name: 'x', origin: 'api'})-[:HAS_MEMBER]->(p),
                       (team)-[:AIMS_AT]->(t), (team)-[:AT_TARGET_LEVEL]->(m)
                """).withParameters(Map.of("id", id)).execute();
        return Map.of("id", id);
    }

    /** Public operations that read no person's data. */
    private static void catalogueFree(List<Row> rows) {
        rows.add(new Row("suggestOutcomes", "{ suggestOutcomes(text: \"PLC-programmeren\", first: 2) { score } }",
                Map::of, EVERYONE));
    }

    /** A saved plan of Marco's, for updates that conflict (and so change nothing). */
    private Map<String, Object> throwawayPlan() {
        String id = "matrix-plan-" + throwaway.incrementAndGet();
        driver.executableQuery("MATCH (p:Person {id: $person}) CREATE (p)-[:SAVED_PLAN]->(:SavedPlan {id: $id, "
                + "name: 'x', version: 1, status: 'OPTIMAL', requestJson: '{}', savedAt: '2026-01-01T00:00:00Z', "
                + "origin: 'api'})").withParameters(Map.of("id", id, "person", MARCO)).execute();
        return Map.of("id", id);
    }

    private GraphQlTester tester(As as) {
        return as == ANONYMOUS ? signedIn.anonymous() : signedIn.as(as.username);
    }

    @Test
    void shouldHaveARowForEveryOperationOfTheServedSchema() {
        GraphQLSchema schema = graphQlSource.schema();
        Set<String> served = new TreeSet<>();
        schema.getQueryType().getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName).forEach(served::add);
        schema.getMutationType().getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName)
                .forEach(served::add);
        Set<String> inMatrix = new TreeSet<>();
        matrix().forEach(row -> inMatrix.add(row.operation()));
        assertThat(inMatrix).as("operations without a row in the access matrix (add one, and a rule in "
                + "OperationRules)").containsAll(served);
        assertThat(served).as("rows for operations the schema no longer has").containsAll(inMatrix);
    }

    @Test
    void shouldAllowOrRefuseEveryOperationForEveryCaller() {
        List<String> wrong = new ArrayList<>();
        for (Row row : matrix()) {
            for (As as : As.values()) {
                List<ErrorType> refusals = new ArrayList<>();
                List<String> messages = new ArrayList<>();
                tester(as).document(row.document()).variables(row.variables().get()).execute().errors()
                        .satisfy(errors -> errors.forEach(e -> {
                            if (e.getErrorType() == ErrorType.FORBIDDEN || e.getErrorType() == ErrorType.UNAUTHORIZED) {
                                refusals.add((ErrorType) e.getErrorType());
                            }
                            messages.add(e.getErrorType() + ": " + e.getMessage());
                        }));
                boolean allowed = row.allowed().contains(as);
                if (allowed && !refusals.isEmpty()) {
                    wrong.add(row.operation() + " as " + as + ": refused but should be allowed " + messages);
                } else if (!allowed && refusals.isEmpty()) {
                    wrong.add(row.operation() + " as " + as + ": allowed but should be refused " + messages);
                } else if (!allowed && refusals.contains(as == ANONYMOUS ? ErrorType.FORBIDDEN
                        : ErrorType.UNAUTHORIZED)) {
                    wrong.add(row.operation() + " as " + as + ": refused with the wrong classification " + messages);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
