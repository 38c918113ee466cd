package nl.leerroute.funding;

import nl.leerroute.LeerrouteIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

@LeerrouteIntegrationTest
class FundingExploreIntegrationTest {
    @Autowired
    GraphQlTester graphQl;

    @Test
    void explore() {
        String q = """
            query($p: ID!, $b: CostBasis) { planRoute(input: {personId: $p, target: {roleId: "role-robot-cell-operator"}, startDate: "2027-01-04", budgetApplies: $b}) {
              status budgetApplies explanationEn
              best { totalHours totalCostEur basisCostEur totalGrantsEur totalNetCostEur totalToEmployerEur totalToPersonEur totalLoanAvailableEur
                steps { learningUnit { id kind provider { kind } } costEur netCostEur toPersonEur funding { schemeId amountEur ruleEn } } }
              otherEligibleFunding { schemeId ruleEn } notEligibleFunding { schemeId ruleEn } } }
            """;
        for (String p : new String[] {"p-henk-bakker", "p-sanne-visser", "p-priya-raman", "p-marco-dijkstra"}) {
            System.out.println("=== " + p);
            System.out.println(graphQl.document(q).variable("p", p).variable("b", "NET_TO_PERSON").execute().path("planRoute").entity(Object.class).get());
        }
        System.out.println(graphQl.document("{ skillslabs(filter: {learns: \"robot\", workFormId: \"wf-learning-by-doing\"}) { id place { name province } fieldlab { name } outcomes { level outcome { titleEn } } profile { dimension { nameEn } aspects { aspect nameEn value } } } }").execute().path("skillslabs").entity(Object.class).get());
        System.out.println(graphQl.document("{ fundingSchemes { id payRuleEn notCombinableWith { id } } }").execute().path("fundingSchemes").entity(Object.class).get());
    }
}
