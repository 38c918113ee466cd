package nl.leerroute.employers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.leerroute.LeerrouteIntegrationTest;
import nl.leerroute.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The demo firm Noordtech (graph-seed): 10 employees, 8 of whom share their data with it (Durk never
 * consented, Anke withdrew; Froukje shares credits but not claims). Runs the frontend's own operations.
 */
@LeerrouteIntegrationTest
class EmployerIntegrationTest {

    static final String EMPLOYER = "employer.noordtech";
    static final String OTHER_FIRM = "employer.waddenmetaal";
    static final List<String> SHARING = List.of("p-bauke-voorbeeldsma", "p-froukje-fictiefma", "p-geeske-oefenga",
            "p-hylke-demostra", "p-sjoerd-proefstra", "p-tjitske-monsterman", "p-wiebe-steekproef", "p-ytsje-testema");
    static final List<String> NOT_SHARING = List.of("p-durk-probeersma", "p-anke-nepstra");

    @Autowired
    SignedIn signedIn;

    @Autowired
    Driver driver;

    @AfterEach
    void removeWhatTheTestsCreated() {
        driver.executableQuery("MATCH (t:Team) WHERE t.origin = 'api' DETACH DELETE t").execute();
        driver.executableQuery("MATCH (n) WHERE n.origin = 'api' AND (n:EmployerConsent OR n:AccessLogEntry) "
                + "DETACH DELETE n").execute();
        driver.executableQuery("MATCH (c:EmployerConsent {id: 'econsent-sjoerd'}) REMOVE c.withdrawnOn").execute();
    }

    static String operation(String folder, String name) {
        try {
            return Files.readString(Path.of("frontend-schema/operations", folder, name + ".graphql"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ErrorType> refusals(GraphQlTester.Response response) {
        List<ErrorType> types = new ArrayList<>();
        response.errors().satisfy(errors -> errors.forEach(e -> {
            if (e.getErrorType() instanceof ErrorType type) {
                types.add(type);
            }
        }));
        return types;
    }

    private String createTeam(String username, List<String> members, List<String> transformations, String level) {
        GraphQlTester.Response response = signedIn.as(username).document(operation("employer", "CreateTeam"))
                .variable("input", Map.of("name", "Slimme producten", "memberIds", members, "transformationIds",
                        transformations, "maturityLevelId", level)).execute();
        response.path("createTeam.errors").entityList(Object.class).hasSize(0);
        return response.path("createTeam.team.id").entity(String.class).get();
    }

    @Test
    void shouldListOnlyTheEmployeesWhoShareWithTheFirm() {
        List<String> listed = signedIn.as(EMPLOYER).document(operation("employer", "MyEmployees")).execute()
                .path("myEmployees[*].personId").entityList(String.class).get();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(SHARING).doesNotContainAnyElementsOf(NOT_SHARING)
                .doesNotContain("p-rinse-schijnsma", "p-marco-dijkstra");
        assertThat(signedIn.as(EMPLOYER).document("{ people(first: 50) { edges { node { id } } } }").execute()
                .path("people.edges").entityList(Object.class).get()).as("an employer reads no Person").isEmpty();
    }

    @Test
    void shouldRefuseAMemberWhoDoesNotShareExactlyLikeAStranger() {
        GraphQlTester.Response response = signedIn.as(EMPLOYER).document(operation("employer", "CreateTeam"))
                .variable("input", Map.of("name", "x", "memberIds", List.of("p-ytsje-testema", "p-durk-probeersma",
                        "p-rinse-schijnsma"), "transformationIds", List.of("tr-smart-products", "tr-nonsense"),
                        "maturityLevelId", "mat-9"))
                .execute();
        response.path("createTeam.team").valueIsNull();
        List<Map<String, Object>> errors = response.path("createTeam.errors").entityList(
                new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).get();
        assertThat(errors).extracting(e -> e.get("field")).containsExactly("memberIds[1]", "memberIds[2]",
                "transformationIds[1]", "maturityLevelId");
        assertThat(String.valueOf(errors.get(0).get("message")).replace("p-durk-probeersma", "X"))
                .isEqualTo(String.valueOf(errors.get(1).get("message")).replace("p-rinse-schijnsma", "X"));
        assertThat(driver.executableQuery("MATCH (t:Team) RETURN count(t) AS n").execute().records().get(0)
                .get("n").asLong()).as("nothing created").isZero();
    }

    @Test
    void shouldCountCreditedClaimedAndLackingPerNeedForTheTeam() {
        String team = createTeam(EMPLOYER, SHARING, List.of("tr-smart-products", "tr-digital-factory"),
                "mat-3-koploper");
        GraphQlTester.Response gap = signedIn.as(EMPLOYER).document(operation("employer", "TeamGap"))
                .variable("teamId", team).execute();
        List<Map<String, Object>> needs = gap.path("teamGap.needs").entityList(
                new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).get();
        List<String> expected = driver.executableQuery("""
                MATCH (r:TransformationRequirement)-[:FOR_TRANSFORMATION]->(t) WHERE t.id IN
                      ['tr-smart-products', 'tr-digital-factory']
                MATCH (r)-[:AT_MATURITY_LEVEL]->(m) WHERE m.ordinal <= 3
                MATCH (r)-[:NEEDS]->(o) RETURN DISTINCT o.id + '@' + r.level AS need ORDER BY need
                """).execute().records().stream().map(r -> r.get("need").asString()).toList();
        assertThat(needs.stream().map(n -> outcome(n) + "@" + ((Map<?, ?>) n.get("need")).get("level")).toList())
                .containsExactlyInAnyOrderElementsOf(expected);
        for (Map<String, Object> need : needs) {
            assertThat((Integer) need.get("credited") + (Integer) need.get("claimed") + (Integer) need.get("lacking"))
                    .as(outcome(need)).isEqualTo(SHARING.size());
            assertThat(members(need, "claimedMembers")).as("Froukje does not share claims")
                    .doesNotContain("p-froukje-fictiefma").noneMatch(members(need, "creditedMembers")::contains);
        }
        Map<String, Object> embedded = needs.stream().filter(n -> outcome(n).equals("lo-embedded-c")).findFirst()
                .orElseThrow();
        assertThat(members(embedded, "creditedMembers")).as("her 2015 diploma is older than the shelf life").isEmpty();
        assertThat(members(embedded, "claimedMembers")).containsExactly("p-ytsje-testema");
        Map<String, Object> prototyping = needs.stream().filter(n -> outcome(n).equals("lo-iot-prototyping"))
                .findFirst().orElseThrow();
        assertThat(members(prototyping, "creditedMembers")).containsExactly("p-ytsje-testema");
        Map<String, Object> literacy = needs.stream().filter(n -> outcome(n).equals("lo-data-literacy")).findFirst()
                .orElseThrow();
        assertThat(members(literacy, "claimedMembers")).containsExactlyInAnyOrder("p-sjoerd-proefstra",
                "p-geeske-oefenga");
        List<Map<String, Object>> coverage = gap.path("teamGap.transformations").entityList(
                new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).get();
        assertThat(coverage.stream().map(c -> String.valueOf(((Map<?, ?>) c.get("transformation")).get("id")))
                .toList()).containsExactly("tr-smart-products", "tr-digital-factory");
        int needsCounted = coverage.stream().mapToInt(c -> (Integer) c.get("needs")).sum();
        assertThat(needsCounted).isGreaterThanOrEqualTo(needs.size());
        gap.path("teamGap.tShapes[*].member.personId").entityList(String.class).hasSize(SHARING.size());
        assertThat(gap.path("teamGap.competencies[*].members").entityList(Integer.class).get())
                .isNotEmpty().allSatisfy(count -> assertThat(count).isBetween(1, SHARING.size()));
    }

    private static String outcome(Map<String, Object> need) {
        return String.valueOf(((Map<?, ?>) ((Map<?, ?>) need.get("need")).get("outcome")).get("id"));
    }

    private static List<Object> members(Map<String, Object> need, String field) {
        return ((List<?>) need.get(field)).stream().map(m -> ((Map<?, ?>) m).get("personId")).map(Object.class::cast)
                .toList();
    }

    @Test
    void shouldHideAMemberAtOnceWhenTheyWithdrawAndLogWhatTheEmployerRead() {
        String team = createTeam(EMPLOYER, SHARING, List.of("tr-digital-factory"), "mat-2-gevorderd");
        signedIn.as(EMPLOYER).document(operation("employer", "TeamGap")).variable("teamId", team).execute()
                .path("teamGap.team.members").entityList(Object.class).hasSize(SHARING.size());
        assertThat(signedIn.as("sjoerd").document("{ myAccessLog { accountId operation } }").execute()
                .path("myAccessLog").entityList(Object.class).get().toString())
                .contains("acc-employer-noordtech").contains("teamGap");

        signedIn.as("sjoerd").document(operation("worker", "WithdrawEmployerConsent"))
                .variable("input", Map.of("consentId", "econsent-sjoerd")).execute()
                .path("withdrawEmployerConsent.consent.status").entity(String.class).isEqualTo("WITHDRAWN");
        String gap = signedIn.as(EMPLOYER).document(operation("employer", "TeamGap")).variable("teamId", team)
                .execute().path("teamGap").entity(Object.class).get().toString();
        assertThat(gap).doesNotContain("p-sjoerd-proefstra").doesNotContain("Sjoerd").contains("notSharing=1");
        String plan = signedIn.as(EMPLOYER).document(operation("employer", "TeamPlan")).variable("teamId", team)
                .execute().path("teamPlan").entity(Object.class).get().toString();
        assertThat(plan).doesNotContain("p-sjoerd-proefstra").doesNotContain("Sjoerd");
        signedIn.as(EMPLOYER).document(operation("employer", "MyEmployees")).execute()
                .path("myEmployees[*].personId").entityList(String.class).doesNotContain("p-sjoerd-proefstra");
    }

    @Test
    void shouldRefuseAnotherFirmsTeamAndEmployerOperationsToWorkersAndAdvisors() {
        String team = createTeam(EMPLOYER, List.of("p-ytsje-testema"), List.of("tr-smart-products"),
                "mat-1-starter");
        for (String other : List.of(OTHER_FIRM, "marco", "sjoerd", "advisor.jansen", "editor.hanze")) {
            assertThat(refusals(signedIn.as(other).document(operation("employer", "TeamGap"))
                    .variable("teamId", team).execute())).as(other).contains(ErrorType.FORBIDDEN);
            assertThat(refusals(signedIn.as(other).document(operation("employer", "TeamPlan"))
                    .variable("teamId", team).execute())).as(other).contains(ErrorType.FORBIDDEN);
            assertThat(refusals(signedIn.as(other).document(operation("employer", "UpdateTeam"))
                    .variable("input", Map.of("id", team, "name", "taken over")).execute())).as(other)
                    .contains(ErrorType.FORBIDDEN);
        }
        for (String worker : List.of("marco", "sjoerd", "advisor.jansen")) {
            assertThat(refusals(signedIn.as(worker).document(operation("employer", "MyEmployees")).execute()))
                    .as(worker).contains(ErrorType.FORBIDDEN);
        }
        signedIn.as(OTHER_FIRM).document(operation("employer", "MyTeams")).execute().path("myTeams")
                .entityList(Object.class).hasSize(0);
        signedIn.as(OTHER_FIRM).document(operation("employer", "MyEmployees")).execute()
                .path("myEmployees[*].personId").entityList(String.class)
                .containsExactly("p-lieuwe-proefhuis", "p-rinse-schijnsma");
        assertThat(driver.executableQuery("MATCH (t:Team {id: $id}) RETURN t.name AS name").withParameters(
                Map.of("id", team)).execute().records().get(0).get("name").asString()).isEqualTo("Slimme producten");
    }

    @Test
    void shouldPlanTheTeamAtLeastTotalHoursWithEachMembersOwnRoute() {
        String team = createTeam(EMPLOYER, SHARING, List.of("tr-digital-factory"), "mat-2-gevorderd");
        GraphQlTester.Response response = signedIn.as(EMPLOYER).document(operation("employer", "TeamPlan"))
                .variable("teamId", team).execute();
        response.path("teamPlan.status").entity(String.class).isEqualTo("OPTIMAL");
        int total = response.path("teamPlan.totalHours").entity(Integer.class).get();
        List<Integer> perMember = response.path("teamPlan.routes[*].route.totalHours").entityList(Integer.class).get();
        assertThat(perMember.stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);
        response.path("teamPlan.lowerBoundHours").entity(Integer.class).isEqualTo(total);
        List<Map<String, Object>> coverage = response.path("teamPlan.coverage").entityList(
                new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).get();
        assertThat(coverage).isNotEmpty().allSatisfy(c -> assertThat(((List<?>) c.get("creditedMembers")).size()
                + ((List<?>) c.get("learners")).size()).isGreaterThanOrEqualTo((Integer) c.get("people")));
        assertThat(response.path("teamPlan.explanationEn").entity(String.class).get()).contains("Proven");
        double cost = response.path("teamPlan.totalCostEur").entity(Double.class).get();

        if (cost > 0) {
            GraphQlTester.Response broke = signedIn.as(EMPLOYER).document(operation("employer", "TeamPlan"))
                    .variable("teamId", team).variable("constraints", Map.of("budgetEur", 0)).execute();
            broke.path("teamPlan.status").entity(String.class).isEqualTo("INFEASIBLE");
            broke.path("teamPlan.blockers[0].code").entity(String.class).isEqualTo("BUDGET_TOO_TIGHT");
            assertThat(broke.path("teamPlan.blockers[0].shortByEur").entity(Double.class).get()).isPositive();
        }
    }

    @Test
    void shouldNameTheNeedATeamIsTooSmallFor() {
        String team = createTeam(EMPLOYER, List.of("p-geeske-oefenga"),
                List.of("tr-digital-factory"), "mat-1-starter");
        GraphQlTester.Response response = signedIn.as(EMPLOYER).document(operation("employer", "TeamPlan"))
                .variable("teamId", team).execute();
        response.path("teamPlan.status").entity(String.class).isEqualTo("INFEASIBLE");
        assertThat(response.path("teamPlan.blockers[*].code").entityList(String.class).get()).contains("TEAM_TOO_SMALL");
        response.path("teamPlan.blockers[?(@.code == 'TEAM_TOO_SMALL')].outcome.id").entityList(String.class)
                .contains("lo-cyber-hygiene");
    }
}
