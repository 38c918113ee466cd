package nl.leerroute.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import nl.leerroute.LeerrouteIntegrationTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Funding in routes and for a person, on the shipped seed's schemes and demo people. */
@LeerrouteIntegrationTest
class FundingIntegrationTest {

    static final String JOB_SEEKER_ON_WW = "p-sanne-visser";
    static final String SME_EMPLOYEE = "p-henk-bakker";
    /** Self-employed, 27 in 2027, a bachelor: no scheme of the seed is for her. */
    static final String ELIGIBLE_FOR_NOTHING = "p-priya-raman";
    static final String ROBOT_ROLE = "role-robot-cell-operator";
    static final double WW_ROUTE_CAP = 2500;

    static final String PLAN = """
            query($person: ID, $profile: [EvidenceInput!], $budget: Float, $basis: CostBasis) {
              planRoute(input: {personId: $person, profile: $profile, target: {roleId: "role-robot-cell-operator"},
                                startDate: "2027-01-04", constraints: {budgetEur: $budget}, budgetApplies: $basis}) {
                status budgetApplies
                best { totalCostEur basisCostEur totalGrantsEur totalNetCostEur totalToEmployerEur totalToPersonEur
                       totalLoanAvailableEur
                       steps { learningUnit { id } costEur netCostEur toEmployerEur toPersonEur loanAvailableEur
                               funding { schemeId kind amountEur ruleEn } } }
                infeasibility { code }
                otherEligibleFunding { schemeId }
                notEligibleFunding { schemeId ruleEn }
              }
            }""";

    static final String PERSON_FUNDING = """
            query($person: ID!, $units: [ID!]) {
              personFunding(personId: $person, date: "2027-01-04", learningUnitIds: $units) {
                eligible { schemeId ruleEn scheme { nameEn } }
                notEligible { schemeId ruleEn }
                cost { grossEur grantsEur netCostEur toEmployerEur toPersonEur loanAvailableEur
                       steps { learningUnit { id } grossEur netCostEur toEmployerEur toPersonEur loanAvailableEur
                               funding { schemeId kind amountEur ruleEn } } }
              }
            }""";

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Driver driver;

    @SuppressWarnings("unchecked")
    private Map<String, Object> plan(String person, Double budget, String basis) {
        return graphQl.document(PLAN).variable("person", person).variable("budget", budget).variable("basis", basis)
                .execute().path("planRoute").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> personFunding(String person, List<String> units) {
        return graphQl.document(PERSON_FUNDING).variable("person", person).variable("units", units).execute()
                .path("personFunding").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static double num(Object value) {
        return ((Number) value).doubleValue();
    }

    private static List<String> unitIds(Map<String, Object> route) {
        return list(route.get("steps")).stream().map(s -> (String) map(s.get("learningUnit")).get("id")).toList();
    }

    /** Per step and in total: net = gross - grants, to the person = net - employer, totals add up. */
    private static void assertBalanced(Map<String, Object> route, String gross, String net, String employer,
            String person, String loan) {
        double sumGross = 0;
        double sumPerson = 0;
        double sumLoan = 0;
        for (Map<String, Object> step : list(route.get("steps"))) {
            double grants = list(step.get("funding")).stream().filter(f -> f.get("kind").equals("GRANT"))
                    .mapToDouble(f -> num(f.get("amountEur"))).sum();
            double contribution = list(step.get("funding")).stream()
                    .filter(f -> f.get("kind").equals("EMPLOYER_CONTRIBUTION"))
                    .mapToDouble(f -> num(f.get("amountEur"))).sum();
            double lent = list(step.get("funding")).stream().filter(f -> f.get("kind").equals("LOAN"))
                    .mapToDouble(f -> num(f.get("amountEur"))).sum();
            assertThat(num(step.get("netCostEur"))).isCloseTo(num(step.get(gross)) - grants, within(0.001));
            assertThat(num(step.get("toEmployerEur"))).isCloseTo(contribution, within(0.001));
            assertThat(num(step.get("toPersonEur"))).isCloseTo(num(step.get("netCostEur")) - contribution,
                    within(0.001));
            assertThat(num(step.get("loanAvailableEur"))).isCloseTo(lent, within(0.001))
                    .isLessThanOrEqualTo(num(step.get("toPersonEur")));
            sumGross += num(step.get(gross));
            sumPerson += num(step.get("toPersonEur"));
            sumLoan += lent;
        }
        assertThat(num(route.get(person))).isCloseTo(sumPerson, within(0.001));
        assertThat(num(route.get(loan))).isCloseTo(sumLoan, within(0.001));
        assertThat(num(route.get(net)) - num(route.get(employer))).isCloseTo(sumPerson, within(0.001));
        assertThat(sumGross).isGreaterThan(0);
    }

    @Test
    void shouldLetAJobSeekerOnWwPayLessThanSomeoneEligibleForNothingForTheSameRoute() {
        Map<String, Object> sanne = plan(JOB_SEEKER_ON_WW, null, null);
        Map<String, Object> priya = plan(ELIGIBLE_FOR_NOTHING, null, null);
        Map<String, Object> sanneRoute = map(sanne.get("best"));
        Map<String, Object> priyaRoute = map(priya.get("best"));
        assertThat(unitIds(sanneRoute)).isEqualTo(unitIds(priyaRoute));
        assertThat(sanneRoute.get("totalCostEur")).isEqualTo(priyaRoute.get("totalCostEur"));

        // eligible for nothing: every scheme is listed with its reason, no step has funding, the person pays gross
        long schemes = driver.executableQuery("MATCH (s:FundingScheme) RETURN count(s) AS n").execute().records()
                .get(0).get("n").asLong();
        assertThat(list(priya.get("notEligibleFunding"))).hasSize((int) schemes)
                .allSatisfy(r -> assertThat((String) r.get("ruleEn")).isNotBlank());
        assertThat(list(priyaRoute.get("steps"))).allSatisfy(s -> assertThat(list(s.get("funding"))).isEmpty());
        assertThat(num(priyaRoute.get("totalToPersonEur"))).isEqualTo(num(priyaRoute.get("totalCostEur")));

        // on WW: the WW training budget pays every unit of this route (all at EQF 6 or lower) up to its route cap
        long aboveSix = driver.executableQuery("""
                MATCH (u:LearningUnit)-[y:YIELDS]->() WHERE u.id IN $ids WITH u, max(y.level) AS level
                WHERE level > 6 RETURN count(u) AS n""").withParameters(Map.of("ids", unitIds(sanneRoute)))
                .execute().records().get(0).get("n").asLong();
        assertThat(aboveSix).isZero();
        double gross = num(sanneRoute.get("totalCostEur"));
        assertThat(num(sanneRoute.get("totalGrantsEur"))).isEqualTo(Math.min(WW_ROUTE_CAP, gross));
        assertThat(num(sanneRoute.get("totalToPersonEur"))).isEqualTo(gross - Math.min(WW_ROUTE_CAP, gross))
                .isLessThan(num(priyaRoute.get("totalToPersonEur")));
        assertThat(list(sanneRoute.get("steps"))).flatExtracting(s -> list(s.get("funding")))
                .allSatisfy(f -> {
                    assertThat(f.get("schemeId")).isEqualTo("fund-ww-scholingsbudget");
                    assertThat((String) f.get("ruleEn")).startsWith("You are a job seeker on unemployment benefit");
                });
        assertBalanced(sanneRoute, "costEur", "totalNetCostEur", "totalToEmployerEur", "totalToPersonEur",
                "totalLoanAvailableEur");
        assertBalanced(priyaRoute, "costEur", "totalNetCostEur", "totalToEmployerEur", "totalToPersonEur",
                "totalLoanAvailableEur");
    }

    @Test
    void shouldGiveAnSmeEmployeeAndAJobSeekerDifferentNetCostsForTheSameUnits() {
        List<String> route = unitIds(map(plan(JOB_SEEKER_ON_WW, null, null).get("best")));
        Map<String, Object> henk = personFunding(SME_EMPLOYEE, route);
        Map<String, Object> sanne = personFunding(JOB_SEEKER_ON_WW, route);
        Map<String, Object> henkCost = map(henk.get("cost"));
        Map<String, Object> sanneCost = map(sanne.get("cost"));
        assertThat(henkCost.get("grossEur")).isEqualTo(sanneCost.get("grossEur"));
        assertThat(henkCost.get("toPersonEur")).isNotEqualTo(sanneCost.get("toPersonEur"));
        assertBalanced(henkCost, "grossEur", "netCostEur", "toEmployerEur", "toPersonEur", "loanAvailableEur");
        assertBalanced(sanneCost, "grossEur", "netCostEur", "toEmployerEur", "toPersonEur", "loanAvailableEur");

        // the SME employee: SLIM and the sector fund apply, never SLIM together with NL Leert Door on one unit
        assertThat(list(henk.get("eligible"))).extracting(r -> r.get("schemeId"))
                .contains("fund-slim-mkb", "fund-oo-techniek", "fund-nlld-scholing")
                .doesNotContain("fund-ww-scholingsbudget");
        for (Map<String, Object> step : list(henkCost.get("steps"))) {
            List<Object> schemes = list(step.get("funding")).stream().map(f -> f.get("schemeId")).toList();
            assertThat(schemes.contains("fund-slim-mkb") && schemes.contains("fund-nlld-scholing")).isFalse();
        }
        assertThat(list(henkCost.get("steps"))).flatExtracting(s -> list(s.get("funding")))
                .filteredOn(f -> f.get("schemeId").equals("fund-slim-mkb"))
                .allSatisfy(f -> assertThat((String) f.get("ruleEn")).contains("your employer is an SME"));
        double nlld = list(henkCost.get("steps")).stream().flatMap(s -> list(s.get("funding")).stream())
                .filter(f -> f.get("schemeId").equals("fund-nlld-scholing")).mapToDouble(f -> num(f.get("amountEur")))
                .sum();
        assertThat(nlld).isLessThanOrEqualTo(1500); // its route cap
        assertThat(list(henk.get("notEligible"))).anySatisfy(r -> {
            assertThat(r.get("schemeId")).isEqualTo("fund-ww-scholingsbudget");
            assertThat((String) r.get("ruleEn")).contains("you are an employee");
        });
    }

    @Test
    void shouldPlanWithinABudgetOnWhatIsLeftToThePerson() {
        Map<String, Object> gross = plan(JOB_SEEKER_ON_WW, 500.0, "GROSS");
        assertThat(gross.get("status")).isEqualTo("INFEASIBLE");
        assertThat(list(gross.get("infeasibility"))).extracting(r -> r.get("code")).contains("BUDGET_TOO_TIGHT");

        Map<String, Object> net = plan(JOB_SEEKER_ON_WW, 500.0, "NET_TO_PERSON");
        assertThat(net.get("status")).isEqualTo("OPTIMAL");
        assertThat(net.get("budgetApplies")).isEqualTo("NET_TO_PERSON");
        Map<String, Object> route = map(net.get("best"));
        assertThat(num(route.get("basisCostEur"))).isEqualTo(num(route.get("totalToPersonEur")))
                .isLessThanOrEqualTo(500);
        assertThat(num(route.get("totalCostEur"))).isGreaterThan(500);
    }

    @Test
    void shouldShowAnAnonymousVisitorTheGrossPriceWhateverTheBasis() {
        Map<String, Object> plan = graphQl.document(PLAN).variable("profile", List.of(Map.of("title", "mbo-2",
                "status", "VALIDATED", "asserts", List.of(Map.of("outcomeId", "lo-safety-awareness-workplace",
                        "level", 2))))).variable("basis", "NET_TO_PERSON").execute().path("planRoute")
                .entity(Map.class).get();
        Map<String, Object> route = map(plan.get("best"));
        assertThat(num(route.get("basisCostEur"))).isEqualTo(num(route.get("totalCostEur")));
        assertThat(num(route.get("totalGrantsEur"))).isZero();
        assertThat(list(plan.get("notEligibleFunding"))).isEmpty();
    }

    @Test
    void shouldLendWhatIsLeftWithoutLoweringTheCostWhenTheWwBudgetRunsOut() {
        List<String> modules = List.of("u-hanze-iot-1", "u-hanze-iot-2", "u-hanze-iot-3", "u-hanze-slim-1");
        Map<String, Object> cost = map(personFunding(JOB_SEEKER_ON_WW, modules).get("cost"));
        double gross = num(cost.get("grossEur"));
        assertThat(gross).isGreaterThan(WW_ROUTE_CAP);
        assertThat(num(cost.get("grantsEur"))).isEqualTo(WW_ROUTE_CAP);
        assertThat(num(cost.get("toPersonEur"))).isEqualTo(gross - WW_ROUTE_CAP);
        // the lifelong learning credit (Sanne is 34) may lend exactly what is left; it is paid back, so it is
        // not subtracted from what is left to her
        assertThat(num(cost.get("loanAvailableEur"))).isEqualTo(gross - WW_ROUTE_CAP);
        assertBalanced(cost, "grossEur", "netCostEur", "toEmployerEur", "toPersonEur", "loanAvailableEur");
    }

    @Test
    void shouldListTheSchemesInPriorityOrderWithTheirRulesAndValidity() {
        List<Map<String, Object>> all = list(graphQl.document("""
                { fundingSchemes { id priority kind validUntil payRuleEn notCombinableWith { id } } }""").execute()
                .path("fundingSchemes").entity(List.class).get());
        assertThat(all).extracting(s -> ((Number) s.get("priority")).intValue()).isSorted();
        assertThat(all).allSatisfy(s -> assertThat((String) s.get("payRuleEn")).isNotBlank());
        List<Object> valid = graphQl.document("{ fundingSchemes(validOn: \"2027-01-04\") { id } }").execute()
                .path("fundingSchemes[*].id").entityList(Object.class).get();
        assertThat(valid).hasSize(all.size() - 1).doesNotContain("fund-stap-budget");
        graphQl.document("{ fundingSchemes(kind: LOAN) { id } }").execute().path("fundingSchemes[*].id")
                .entityList(String.class).containsExactly("fund-levenlanglerenkrediet");
        assertThat(graphQl.document("{ fundingScheme(id: \"fund-nlld-scholing\") { notCombinableWith { id } } }")
                .execute().path("fundingScheme.notCombinableWith[*].id").entityList(String.class).get())
                .containsExactlyInAnyOrder("fund-slim-mkb", "fund-ww-scholingsbudget");
    }

    @Test
    void shouldNameAnUnknownUnitAndAUnitGivenTwice() {
        graphQl.document(PERSON_FUNDING).variable("person", SME_EMPLOYEE).variable("units", List.of("u-none"))
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getMessage()).contains("'u-none'")));
        graphQl.document(PERSON_FUNDING).variable("person", SME_EMPLOYEE)
                .variable("units", List.of("u-on-lean", "u-on-lean")).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getMessage()).contains("names a unit twice")));
    }
}
