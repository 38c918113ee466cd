package nl.leerroute.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.leerroute.LeerrouteIntegrationTest;
import nl.leerroute.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/** The EVC workflow: claims, decisions outcome by outcome, and what they do to credits and routes. */
@LeerrouteIntegrationTest
class EvidenceValidationIntegrationTest {

    static final String ASSESSOR = "J. de Jong, assessor Friesland College";

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Driver driver;

    @Autowired
    SignedIn signedIn;

    @AfterEach
    void removeWhatTheApiCreated() {
        driver.executableQuery("MATCH (n) WHERE n.origin = 'api' DETACH DELETE n").execute();
    }

    private List<Record> cypher(String query, Map<String, Object> parameters) {
        return driver.executableQuery(query).withParameters(parameters).execute().records();
    }

    private String createPerson() {
        return graphQl.documentName("createPerson").variable("input", Map.of("name", "Jelle Kuipers",
                "birthYear", 1985, "place", "Leeuwarden", "education", "MBO_3")).execute()
                .path("createPerson.person.id").entity(String.class).get();
    }

    private String claim(String person, Map<String, Integer> asserts) {
        return graphQl.documentName("addEvidence").variable("input", Map.of("personId", person,
                "kind", "WORK_EXPERIENCE", "title", "Monteur", "from", "2015-01-01", "asserts",
                asserts.entrySet().stream().map(a -> Map.of("outcomeId", a.getKey(), "level", a.getValue())).toList()))
                .execute().path("addEvidence.evidence.id").entity(String.class).get();
    }

    /** An assessment unit of the seed and the outcomes it yields, at their levels. */
    private Map<String, Integer> assessment(String unit) {
        Map<String, Integer> yields = new java.util.TreeMap<>();
        cypher("MATCH (:LearningUnit {id: $id, kind: 'ASSESSMENT'})-[y:YIELDS]->(o) RETURN o.id AS o, y.level AS l",
                Map.of("id", unit)).forEach(r -> yields.put(r.get("o").asString(), r.get("l").asInt()));
        assertThat(yields).isNotEmpty();
        return yields;
    }

    private GraphQlTester.Response plan(String person, Map<String, Integer> targets) {
        return graphQl.documentName("planCredits").variable("personId", person).variable("outcomes",
                targets.entrySet().stream().map(t -> Map.of("outcomeId", t.getKey(), "level", t.getValue())).toList())
                .execute();
    }

    @Test
    void shouldCreditAValidatedClaimAndShortenTheRoute() {
        String person = createPerson();
        Map<String, Integer> outcomes = assessment("u-evc-maintenance");
        String evidence = claim(person, outcomes);
        GraphQlTester.Response before = plan(person, outcomes);
        before.path("planRoute.credits").entityList(Object.class).hasSize(0);
        int hoursBefore = before.path("planRoute.best.totalHours").entity(Integer.class).get();
        assertThat(hoursBefore).isPositive();

        GraphQlTester.Response validated = graphQl.documentName("validateEvidence").variable("input", Map.of(
                "evidenceId", evidence, "method", "EMPLOYER_STATEMENT", "validatedBy", ASSESSOR)).execute();
        validated.path("validateEvidence.errors").entityList(Object.class).hasSize(0);
        validated.path("validateEvidence.evidence.status").entity(String.class).isEqualTo("VALIDATED");
        validated.path("validateEvidence.evidence.validatedOn").entity(String.class)
                .isEqualTo(LocalDate.now().toString());
        validated.path("validateEvidence.evidence.explanationEn").entity(String.class)
                .satisfies(text -> assertThat(text).contains("Validated by " + ASSESSOR).contains("employer statement"));

        GraphQlTester.Response after = plan(person, outcomes);
        after.path("planRoute.best.totalHours").entity(Integer.class).isEqualTo(0);
        after.path("planRoute.credits[*].outcome.id").entityList(String.class)
                .containsExactly(outcomes.keySet().toArray(String[]::new));
        after.path("planRoute.credits[*].evidence[*].validatedBy").entityList(String.class)
                .satisfies(by -> assertThat(by).isNotEmpty().containsOnly(ASSESSOR));
        after.path("planRoute.credits[0].explanationNl").entity(String.class)
                .satisfies(text -> assertThat(text).contains("Werkervaring 'Monteur'").contains("Gevalideerd door "
                        + ASSESSOR));
    }

    @Test
    void shouldAcceptSomeOutcomesAtALowerLevelAndRejectOthersWithAReason() {
        String person = createPerson();
        Map<String, Integer> outcomes = assessment("u-evc-maintenance");
        List<String> ids = List.copyOf(outcomes.keySet());
        assertThat(ids).hasSizeGreaterThanOrEqualTo(2);
        String lowered = ids.get(0);
        String refused = ids.get(1);
        String evidence = claim(person, outcomes);
        List<Map<String, Object>> decisions = new java.util.ArrayList<>();
        decisions.add(Map.of("outcomeId", lowered, "accept", true, "level", outcomes.get(lowered) - 1));
        decisions.add(Map.of("outcomeId", refused, "accept", false, "reason", "Geen bewijs in het portfolio"));
        ids.subList(2, ids.size()).forEach(id -> decisions.add(Map.of("outcomeId", id, "accept", true)));

        GraphQlTester.Response response = graphQl.documentName("validateEvidence").variable("input", Map.of(
                "evidenceId", evidence, "method", "PORTFOLIO", "validatedBy", ASSESSOR, "decisions", decisions))
                .execute();
        response.path("validateEvidence.evidence.status").entity(String.class).isEqualTo("VALIDATED");
        response.path("validateEvidence.evidence.asserts[*].outcome.id").entityList(String.class)
                .doesNotContain(refused).contains(lowered);
        response.path("validateEvidence.evidence.rejectedAssertions[0].outcome.id").entity(String.class)
                .isEqualTo(refused);
        response.path("validateEvidence.evidence.rejectedAssertions[0].reason").entity(String.class)
                .isEqualTo("Geen bewijs in het portfolio");
        response.path("validateEvidence.evidence.rejectedAssertions[0].level").entity(Integer.class)
                .isEqualTo(outcomes.get(refused));

        GraphQlTester.Response planned = plan(person, outcomes);
        List<String> credited = planned.path("planRoute.credits[*].outcome.id").entityList(String.class).get();
        assertThat(credited).doesNotContain(refused, lowered).containsAll(ids.subList(2, ids.size()));
        // the rejected outcome is no longer claimed, so the assessment that would certify it is not usable either
        planned.path("planRoute.best.steps[*].learningUnit.id").entityList(String.class)
                .doesNotContain("u-evc-maintenance");
    }

    @Test
    void shouldRejectAWholeClaimSoItNoLongerOpensAnAssessment() {
        String person = createPerson();
        Map<String, Integer> outcomes = assessment("u-evc-maintenance");
        String evidence = claim(person, outcomes);
        plan(person, outcomes).path("planRoute.best.steps[*].learningUnit.id").entityList(String.class)
                .contains("u-evc-maintenance");

        GraphQlTester.Response rejected = graphQl.documentName("rejectEvidence").variable("input", Map.of(
                "evidenceId", evidence, "rejectedBy", ASSESSOR, "reason", "Werkzaamheden te kort uitgevoerd"))
                .execute();
        rejected.path("rejectEvidence.evidence.status").entity(String.class).isEqualTo("REJECTED");
        rejected.path("rejectEvidence.evidence.asserts").entityList(Object.class).hasSize(0);
        rejected.path("rejectEvidence.evidence.rejectedAssertions[*].reason").entityList(String.class)
                .hasSize(outcomes.size()).satisfies(reasons -> assertThat(reasons)
                        .containsOnly("Werkzaamheden te kort uitgevoerd"));
        rejected.path("rejectEvidence.evidence.explanationEn").entity(String.class)
                .satisfies(text -> assertThat(text).contains("Rejected by " + ASSESSOR)
                        .contains("Werkzaamheden te kort uitgevoerd"));
        plan(person, outcomes).path("planRoute.best.steps[*].learningUnit.id").entityList(String.class)
                .doesNotContain("u-evc-maintenance");

        // the person changes the claim: it is a claim again, and the earlier decision is gone
        graphQl.documentName("changeEvidence").variable("input", Map.of("evidenceId", evidence, "asserts",
                List.of(Map.of("outcomeId", outcomes.keySet().iterator().next(), "level", 1)))).execute()
                .path("changeEvidence.evidence.status").entity(String.class).isEqualTo("CLAIMED");
        assertThat(cypher("MATCH (:Evidence {id: $id})-[r:REJECTED_ASSERTION]->() RETURN r", Map.of("id", evidence)))
                .isEmpty();
    }

    @Test
    void shouldListEveryWrongDecisionAndChangeNothing() {
        String person = createPerson();
        Map<String, Integer> outcomes = assessment("u-evc-maintenance");
        String evidence = claim(person, outcomes);
        String first = outcomes.keySet().iterator().next();
        GraphQlTester.Response response = graphQl.documentName("validateEvidence").variable("input", Map.of(
                "evidenceId", evidence, "method", "PORTFOLIO", "validatedBy", " ", "on", "2099-01-01",
                "decisions", List.of(
                        Map.of("outcomeId", first, "accept", true, "level", outcomes.get(first) + 1),
                        Map.of("outcomeId", "lo-math-basics", "accept", true),
                        Map.of("outcomeId", first, "accept", false)))).execute();
        response.path("validateEvidence.evidence").valueIsNull();
        response.path("validateEvidence.errors[*].field").entityList(String.class).satisfies(fields -> assertThat(
                fields).contains("on", "decisions"));
        response.path("validateEvidence.errors[*].message").entityList(String.class).satisfies(messages -> assertThat(
                String.join("\n", messages)).contains("the claimed level").contains("is not asserted by this evidence")
                .contains("decided more than once").contains("every asserted outcome needs a decision"));
        assertThat(cypher("MATCH (e:Evidence {id: $id}) RETURN e.status AS s, e.validatedBy AS v",
                Map.of("id", evidence)).get(0).get("s").asString()).isEqualTo("CLAIMED");
        assertThat(cypher("MATCH (:Evidence {id: $id})-[a:ASSERTS]->(o) RETURN o.id AS o, a.level AS l",
                Map.of("id", evidence))).hasSize(outcomes.size()).allSatisfy(r -> assertThat(r.get("l").asInt())
                .isEqualTo(outcomes.get(r.get("o").asString())));

        graphQl.documentName("rejectEvidence").variable("input", Map.of("evidenceId", evidence, "rejectedBy",
                ASSESSOR, "reason", "")).execute().path("rejectEvidence.errors[0].field").entity(String.class)
                .isEqualTo("reason");
        graphQl.documentName("validateEvidence").variable("input", Map.of("evidenceId", "evidence-nope", "method",
                "PORTFOLIO", "validatedBy", ASSESSOR)).execute().path("validateEvidence.errors[0].message")
                .entity(String.class).satisfies(m -> assertThat(m).contains("evidence-nope"));
    }

    @Test
    void shouldNotDecideTwice() {
        String person = createPerson();
        String evidence = claim(person, Map.of("lo-math-basics", 3));
        // no name given: the signed-in reviewer's account name is what the person sees
        Map<String, Object> input = Map.of("evidenceId", evidence, "method", "ASSESSMENT");
        GraphQlTester.Response validated = graphQl.documentName("validateEvidence").variable("input", input).execute();
        validated.path("validateEvidence.evidence.status").entity(String.class).isEqualTo("VALIDATED");
        validated.path("validateEvidence.evidence.validatedBy").entity(String.class)
                .satisfies(by -> assertThat(by).isNotBlank());
        assertThat(cypher("MATCH (e:Evidence {id: $id}) RETURN e.reviewerAccountId AS a", Map.of("id", evidence))
                .get(0).get("a").isNull()).isFalse();
        graphQl.documentName("validateEvidence").variable("input", input).execute()
                .path("validateEvidence.errors[0].message").entity(String.class)
                .satisfies(m -> assertThat(m).contains("is VALIDATED"));
        graphQl.documentName("rejectEvidence").variable("input", Map.of("evidenceId", evidence, "rejectedBy",
                ASSESSOR, "reason", "te laat")).execute().path("rejectEvidence.errors[0].message")
                .entity(String.class).satisfies(m -> assertThat(m).contains("is VALIDATED"));
    }

    @Test
    void shouldQueueClaimsOldestFirstUntilDecided() {
        String person = createPerson();
        String older = claim(person, Map.of("lo-math-basics", 3));
        driver.executableQuery("MATCH (e:Evidence {id: $id}) SET e.claimedOn = date() - duration('P3D')")
                .withParameters(Map.of("id", older)).execute();
        String newer = claim(person, Map.of("lo-statistics-basics", 4));
        GraphQlTester.Response queue = graphQl.documentName("evidenceToReview").variable("personId", person)
                .variable("first", 10).execute();
        queue.path("evidenceToReview.edges[*].node.id").entityList(String.class).containsExactly(older, newer);
        queue.path("evidenceToReview.edges[0].node.person.id").entity(String.class).isEqualTo(person);
        queue.path("evidenceToReview.edges[*].node.source").entityList(String.class)
                .satisfies(sources -> assertThat(sources).containsOnly("NAMED"));

        graphQl.documentName("validateEvidence").variable("input", Map.of("evidenceId", older, "method", "PORTFOLIO",
                "validatedBy", ASSESSOR)).execute().path("validateEvidence.errors").entityList(Object.class).hasSize(0);
        graphQl.documentName("evidenceToReview").variable("personId", person).variable("first", 10).execute()
                .path("evidenceToReview.edges[*].node.id").entityList(String.class).containsExactly(newer);
        long claims = cypher("MATCH (:Person)-[:HAS_EVIDENCE]->(e:Evidence {status: 'CLAIMED'}) RETURN count(e) AS c",
                Map.of()).get(0).get("c").asLong();
        graphQl.documentName("evidenceToReview").variable("first", 100).execute()
                .path("evidenceToReview.edges[*].node.id").entityList(String.class).hasSize((int) claims)
                .contains(newer).doesNotContain(older);
    }

    @Test
    void shouldAssertWhatADiplomasProgrammeStandsFor() {
        String person = createPerson();
        Record programme = cypher("MATCH (p:Programme)-[r:REQUIRES]->(o) RETURN p.id AS id, count(o) AS n "
                + "ORDER BY n DESC, id LIMIT 1", Map.of()).get(0);
        GraphQlTester.Response response = graphQl.documentName("addEvidenceFromSource").variable("input", Map.of(
                "personId", person, "kind", "DIPLOMA", "title", "Ad-diploma", "to", "2020-07-01",
                "programmeId", programme.get("id").asString())).execute();
        response.path("addEvidence.evidence.status").entity(String.class).isEqualTo("CLAIMED");
        response.path("addEvidence.evidence.source").entity(String.class).isEqualTo("DERIVED_FROM_SOURCE");
        response.path("addEvidence.evidence.programme.id").entity(String.class)
                .isEqualTo(programme.get("id").asString());
        response.path("addEvidence.evidence.asserts").entityList(Object.class)
                .hasSize(programme.get("n").asInt());

        GraphQlTester.Response wrong = graphQl.documentName("addEvidenceFromSource").variable("input", Map.of(
                "personId", person, "kind", "CERTIFICATE", "title", "x", "programmeId", "prg-none")).execute();
        wrong.path("addEvidence.errors[*].message").entityList(String.class).satisfies(m -> assertThat(
                String.join("\n", m)).contains("only evidence of kind DIPLOMA").contains("'prg-none' is not a known "
                + "programme"));
        assertThat(cypher("MATCH (:Person {id: $id})-[:HAS_EVIDENCE]->(e) RETURN e", Map.of("id", person)))
                .hasSize(1);
    }

    @Test
    void shouldStopCreditingEvidenceOlderThanTheOutcomesShelfLife() {
        Record outcome = cypher("MATCH (o:LearningOutcome) WHERE o.shelfLifeYears IS NOT NULL "
                + "RETURN o.id AS id, o.shelfLifeYears AS years, o.eqfLevel AS level ORDER BY o.id LIMIT 1", Map.of())
                .get(0);
        String id = outcome.get("id").asString();
        int years = outcome.get("years").asInt();
        int level = outcome.get("level").asInt();
        String person = createPerson();
        LocalDate today = LocalDate.now();
        for (LocalDate obtained : List.of(today.minusYears(years).minusDays(1), today.minusYears(years - 1L)
                .minusDays(1))) {
            String evidence = graphQl.documentName("addEvidence").variable("input", Map.of("personId", person,
                    "kind", "CERTIFICATE", "title", "Cursus " + obtained, "to", obtained.toString(), "asserts",
                    List.of(Map.of("outcomeId", id, "level", level)))).execute()
                    .path("addEvidence.evidence.id").entity(String.class).get();
            graphQl.documentName("validateEvidence").variable("input", Map.of("evidenceId", evidence, "method",
                    "CERTIFICATE", "validatedBy", ASSESSOR)).execute()
                    .path("validateEvidence.errors").entityList(Object.class).hasSize(0);
        }
        GraphQlTester.Response planned = plan(person, Map.of(id, level));
        planned.path("planRoute.credits[*].evidence[*].id").entityList(String.class).hasSize(1);
        planned.path("planRoute.credits[0].explanationEn").entity(String.class).satisfies(text -> assertThat(text)
                .contains("Cursus " + today.minusYears(years - 1L).minusDays(1))
                .contains("counts until " + today.minusYears(years - 1L).minusDays(1).plusYears(years)));
    }

    @Test
    void shouldShowAnAdvisorOnlyTheClaimsOfConsentingClientsAndLogIt() {
        List<String> clients = cypher("""
                MATCH (p:Person)-[:GRANTED]->(c:Consent)-[:TO]->(:Account {username: 'advisor.jansen'})
                WHERE c.withdrawnOn IS NULL AND c.grantedOn <= date() AND c.until >= date() RETURN p.id AS id
                """, Map.of()).stream().map(r -> r.get("id").asString()).toList();
        assertThat(clients).contains("p-marco-dijkstra");
        List<String> owners = signedIn.as("advisor.jansen").documentName("evidenceToReview").variable("first", 100)
                .execute().path("evidenceToReview.edges[*].node.person.id").entityList(String.class).get();
        assertThat(owners).contains("p-marco-dijkstra").allSatisfy(owner -> assertThat(clients).contains(owner));
        assertThat(cypher("MATCH (p:Person)-[:HAS_EVIDENCE]->(:Evidence {status: 'CLAIMED'}) WHERE NOT p.id IN $c "
                + "RETURN count(*) AS n", Map.of("c", clients)).get(0).get("n").asLong())
                .as("claims of people who gave no consent exist, and were not shown").isPositive();

        signedIn.as("marco").document("{ myAccessLog { operation accountId } }").execute()
                .path("myAccessLog[*].operation").entityList(String.class).contains("evidenceToReview");

        // a worker never reviews their own claim; an advisor without consent cannot either
        String claim = claim("p-marco-dijkstra", Map.of("lo-math-basics", 3));
        for (String who : List.of("marco", "advisor.demir")) {
            signedIn.as(who).documentName("validateEvidence").variable("input", Map.of("evidenceId", claim,
                    "method", "PORTFOLIO")).execute().errors().satisfy(errors -> assertThat(errors)
                    .extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
        }
        signedIn.as("advisor.jansen").documentName("validateEvidence").variable("input", Map.of("evidenceId", claim,
                "method", "PORTFOLIO")).execute().path("validateEvidence.evidence.validatedBy").entity(String.class)
                .satisfies(by -> assertThat(by).contains("Jansen"));
    }
}
