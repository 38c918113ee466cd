package nl.leerroute.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Value;

/**
 * The web page's planning variants and a worker's own data, end to end in headless Chromium: outcomes
 * as the target with several places and modes at once, the what-if comparison with the same totals as
 * compareRoutes, a consent given and withdrawn (the advisor's client list follows at once), and a
 * paragraph of free text turned into a claim that makes the route shorter, and a capped list paged.
 * One browser for the class.
 */
class WebPageWhatIfConsentAndClaimsEndToEndIntegrationTest extends BrowserIntegrationTest {

    static final String HENK = "p-henk-bakker";
    static final String MARCO = "p-marco-dijkstra";
    static final String ROLE = "role-robot-cell-operator";
    static final String CLAIM_TEXT = "Ik werk volgens lean, verbeter continu de lijn met het team en zoek bij "
            + "storingen de grondoorzaak met een oorzaakanalyse (5x waarom).";

    @Override
    String cleanUpQuery() {
        return """
                MATCH (n) WHERE n.origin = 'api' AND (n:SavedPlan OR n:AccessLogEntry
                  OR ((n:Consent OR n:Evidence) AND (n.purpose STARTS WITH 'E2E' OR n.title STARTS WITH 'E2E')))
                DETACH DELETE n""";
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private void openClient(String personId, String name) {
        browser.signIn("advisor.jansen");
        browser.click(By.cssSelector("#clients button[data-person-id='" + personId + "']"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("person-name"), name));
        browser.visible(By.id("plan-button"));
    }

    private static List<String> unitIds(Map<String, Object> route) {
        return list(route.get("steps")).stream().map(s -> (String) map(s.get("learningUnit")).get("id")).toList();
    }

    private List<String> mapUnitIds() {
        return new LinkedHashSet<>(browser.attributes("#metro-map g.station[data-unit-id]", "data-unit-id")).stream()
                .sorted(java.util.Comparator.comparingInt(id -> Integer.parseInt(browser.driver.findElement(
                        By.cssSelector("#metro-map g.station[data-unit-id='" + id + "']")).getAttribute("data-step"))))
                .toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldPlanTowardsChosenOutcomesInSeveralPlacesAndModesAtOnce() {
        openClient(MARCO, "Marco Dijkstra");
        new Select(browser.visible(By.id("target-kind"))).selectByValue("outcomes");
        for (String[] outcome : new String[][] {{"robotcel bedienen", "lo-robot-operation"},
                {"robot veilig", "lo-robot-safety"}, {"plc programmeren", "lo-plc-programming-basics"}}) {
            browser.type(By.id("target-outcomes-search"), outcome[0]);
            browser.click(By.cssSelector("#target-outcomes-results button[data-outcome-id='" + outcome[1] + "']"));
            browser.visible(By.cssSelector("#target-outcomes-chosen li[data-outcome-id='" + outcome[1] + "']"));
        }
        browser.type(By.id("target-outcomes-level-lo-plc-programming-basics"), "3");
        browser.type(By.id("hours-per-week"), "8");
        for (String box : List.of("modes-ON_SITE", "modes-PART_TIME", "places-Hoogeveen", "places-Groningen")) {
            browser.click(By.id(box));
        }
        browser.screenshot("plan-outcomes-form");
        browser.click(By.id("plan-button"));
        browser.visible(By.cssSelector("#metro-map g.line"));

        Map<String, Object> plan = signedIn.as("advisor.jansen").document("""
                query($p: ID!) { planRoute(input: {personId: $p, target: {outcomes: [
                    {outcomeId: "lo-robot-operation", level: 3}, {outcomeId: "lo-robot-safety", level: 3},
                    {outcomeId: "lo-plc-programming-basics", level: 3}]},
                  constraints: {hoursPerWeek: 8, modes: [ON_SITE, PART_TIME], places: ["Hoogeveen", "Groningen"]}}) {
                  status best { totalHours steps { learningUnit { id mode place { name } } } } } }""")
                .variable("p", MARCO).execute().path("planRoute").entity(Map.class).get();
        assertThat(plan).containsEntry("status", "OPTIMAL");
        Map<String, Object> best = map(plan.get("best"));
        assertThat(mapUnitIds()).containsExactlyElementsOf(unitIds(best));
        // Both places were sent: the route takes units in each of them, and only in modes that were ticked.
        List<Map<String, Object>> units = list(best.get("steps")).stream()
                .map(s -> map(s.get("learningUnit"))).toList();
        assertThat(units.stream()
                .map(u -> u.get("place") == null ? "online" : (String) map(u.get("place")).get("name")))
                .contains("Hoogeveen", "Groningen");
        assertThat(units).allSatisfy(u -> assertThat(u.get("mode")).isIn("ON_SITE", "PART_TIME"));
        assertThat(browser.visible(By.id("plan-status")).getAttribute("data-status")).isEqualTo("OPTIMAL");
        assertThat(browser.visible(By.id("plan-status")).getText()).contains("optimaal (bewezen)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldCompareWhatIfVariantsWithTheTotalsOfCompareRoutes() throws Exception {
        openClient(HENK, "Henk Bakker");
        new Select(browser.visible(By.id("target-kind"))).selectByValue("role");
        new Select(browser.visible(By.id("target"))).selectByValue(ROLE);
        browser.type(By.id("hours-per-week"), "8");
        browser.click(By.id("plan-button"));
        browser.visible(By.id("whatif-form"));
        browser.type(By.id("whatif-hours-1"), "16");
        browser.type(By.id("whatif-label-2"), "max 500 euro");
        browser.type(By.id("whatif-budget-2"), "500");
        browser.click(By.id("whatif-button"));
        browser.visible(By.cssSelector("#whatif-result table"));

        List<Map<String, Object>> api = list(signedIn.as("advisor.jansen").document("""
                query($p: ID!, $r: ID!) { compareRoutes(inputs: [
                  {label: "Zoals ingevuld", personId: $p, target: {roleId: $r}, constraints: {hoursPerWeek: 8}},
                  {label: "16 uur per week", personId: $p, target: {roleId: $r}, constraints: {hoursPerWeek: 16}},
                  {label: "max 500 euro", personId: $p, target: {roleId: $r},
                   constraints: {hoursPerWeek: 8, budgetEur: 500}}]) {
                  label status best { totalHours finish unitCount } infeasibility { textNl } } }""")
                .variable("p", HENK).variable("r", ROLE).execute().path("compareRoutes").entity(List.class).get());
        assertThat(browser.texts("#whatif-result thead th"))
                .containsExactly("Zoals ingevuld", "16 uur per week", "max 500 euro");
        assertThat(browser.attributes("#whatif-result tr[data-row='status'] td", "data-status"))
                .containsExactlyElementsOf(api.stream().map(p -> (String) p.get("status")).toList());
        assertThat(browser.texts("#whatif-result tr[data-row='hours'] td")).containsExactlyElementsOf(api.stream()
                .map(p -> p.get("best") == null ? "–" : String.valueOf(map(p.get("best")).get("totalHours")))
                .toList());
        assertThat(browser.texts("#whatif-result tr[data-row='finish'] td")).containsExactlyElementsOf(api.stream()
                .map(p -> p.get("best") == null ? "–" : (String) map(p.get("best")).get("finish")).toList());
        // The variants really differ: more hours a week finish no later, too small a budget has no route and says why.
        assertThat((String) map(api.get(1).get("best")).get("finish"))
                .isLessThanOrEqualTo((String) map(api.get(0).get("best")).get("finish"));
        assertThat(api.get(2)).containsEntry("status", "INFEASIBLE");
        assertThat(browser.texts("#whatif-result tr[data-row='why'] td").get(2))
                .isEqualTo(list(api.get(2).get("infeasibility")).get(0).get("textNl"));
        browser.driver.executeScript("document.getElementById('whatif-h').scrollIntoView()");
        browser.screenshot("what-if");
        browser.assertAccessible("what-if comparison");
    }

    @Test
    void shouldHideAClientFromTheAdvisorAsSoonAsTheWorkerWithdrawsConsent() {
        browser.signIn("marco");
        browser.visible(By.id("grant-form"));
        browser.type(By.id("consent-advisor"), "acc-advisor-demir");
        browser.type(By.id("consent-purpose"), "E2E advies omscholing");
        browser.click(By.id("grant-button"));
        browser.awaitStatus("Toestemming gegeven");
        browser.visible(By.cssSelector("#consent-list li[data-advisor-id='acc-advisor-demir'][data-status='ACTIVE']"));

        browser.click(By.id("sign-out"));
        browser.signIn("advisor.demir");
        browser.visible(By.cssSelector("#clients button[data-person-id='" + MARCO + "']"));

        browser.click(By.id("sign-out"));
        browser.signIn("marco");
        browser.click(By.cssSelector(
                "#consent-list li[data-advisor-id='acc-advisor-demir'][data-status='ACTIVE'] .withdraw-button"));
        browser.awaitStatus("ingetrokken");
        browser.visible(By.cssSelector(
                "#consent-list li[data-advisor-id='acc-advisor-demir'][data-status='WITHDRAWN']"));
        // Marco's consent to advisor Jansen is untouched.
        browser.visible(By.cssSelector("#consent-list li[data-advisor-id='acc-advisor-jansen'][data-status='ACTIVE']"));

        browser.click(By.id("sign-out"));
        browser.signIn("advisor.demir");
        browser.visible(By.id("no-clients"));
        assertThat(browser.driver.findElements(By.cssSelector("#clients button[data-person-id='" + MARCO + "']")))
                .isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldTurnAParagraphIntoAClaimThatShortensTheRoute() {
        browser.signIn("henk");
        new Select(browser.visible(By.id("target-kind"))).selectByValue("role");
        new Select(browser.visible(By.id("target"))).selectByValue(ROLE);
        browser.type(By.id("hours-per-week"), "8");
        browser.click(By.id("plan-button"));
        browser.visible(By.cssSelector("#metro-map g.line"));
        int before = Integer.parseInt(browser.texts("#alternatives > .alt[data-route='best'] .total-hours").get(0));

        browser.type(By.id("suggest-text"), CLAIM_TEXT);
        browser.type(By.id("suggest-title"), "E2E lean op de werkvloer");
        browser.click(By.id("suggest-button"));
        browser.visible(By.cssSelector("#suggestions li"));
        browser.screenshot("suggestions");
        List<Object> apiSuggested = signedIn.as("henk").document("""
                query($t: String!) { suggestOutcomes(text: $t, language: NL, first: 8) { outcome { id } } }""")
                .variable("t", CLAIM_TEXT).execute().path("suggestOutcomes[*].outcome.id")
                .entityList(Object.class).get();
        assertThat(browser.attributes("#suggestions li", "data-outcome-id"))
                .containsExactlyElementsOf(apiSuggested.stream().map(String::valueOf).toList());
        List<String> claimed = List.of("lo-lean-basics", "lo-continuous-improvement", "lo-root-cause-analysis");
        for (String id : claimed) {
            browser.click(By.id("sg-" + id));
        }
        browser.click(By.id("accept-button"));
        browser.awaitStatus("Claim toegevoegd");

        List<Map<String, Object>> evidence = list(signedIn.as("henk").document("""
                query($p: ID!) { person(id: $p) { evidence { id title status source asserts { outcome { id } } } } }""")
                .variable("p", HENK).execute().path("person.evidence").entity(List.class).get());
        Map<String, Object> claim = evidence.stream().filter(e -> "E2E lean op de werkvloer".equals(e.get("title")))
                .findFirst().orElseThrow();
        assertThat(claim).containsEntry("status", "CLAIMED").containsEntry("source", "SUGGESTED_FROM_TEXT");
        assertThat(list(claim.get("asserts")).stream().map(a -> map(a.get("outcome")).get("id")).toList())
                .containsExactlyInAnyOrderElementsOf(claimed);
        browser.visible(By.cssSelector("#evidence li[data-evidence-id='" + claim.get("id") + "']"));

        // The route on screen was planned again: the claim lets a short assessment replace a course.
        Map<String, Object> after = signedIn.as("henk").document("""
                query($p: ID!, $r: ID!) { planRoute(input: {personId: $p, target: {roleId: $r},
                  constraints: {hoursPerWeek: 8}}) { best { totalHours steps { learningUnit { id kind } } } } }""")
                .variable("p", HENK).variable("r", ROLE).execute().path("planRoute.best").entity(Map.class).get();
        int hoursAfter = ((Number) after.get("totalHours")).intValue();
        assertThat(hoursAfter).isLessThan(before);
        browser.wait.until(ExpectedConditions.textToBe(
                By.cssSelector("#alternatives > .alt[data-route='best'] .total-hours"), String.valueOf(hoursAfter)));
        assertThat(mapUnitIds()).containsExactlyElementsOf(unitIds(after));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldShowClaimsTwentyAtATimeAndTheRestOnRequest() {
        for (int i = 1; i <= 21; i++) {
            signedIn.as("advisor.jansen").document("""
                    mutation($p: ID!, $t: String!) { addEvidence(input: {personId: $p, kind: WORK_EXPERIENCE, title: $t,
                      asserts: [{outcomeId: "lo-lean-basics", level: 3}]}) { errors { message } } }""")
                    .variable("p", HENK).variable("t", "E2E claim " + i).execute()
                    .path("addEvidence.errors").entityList(Object.class).hasSize(0);
        }
        List<Object> all = signedIn.as("advisor.jansen").document("""
                query($p: ID!) { evidenceToReview(personId: $p, first: 100) { edges { node { id } } } }""")
                .variable("p", HENK).execute().path("evidenceToReview.edges[*].node.id").entityList(Object.class).get();
        assertThat(all).hasSizeGreaterThan(21);

        openClient(HENK, "Henk Bakker");
        browser.visible(By.cssSelector("#claims-list .claim"));
        assertThat(browser.driver.findElements(By.cssSelector("#claims-list .claim"))).hasSize(20);
        browser.click(By.id("more-claims"));
        browser.wait.until(d -> d.findElements(By.cssSelector("#claims-list .claim")).size() > 20);
        while (!browser.driver.findElements(By.id("more-claims")).isEmpty()) {
            int shown = browser.driver.findElements(By.cssSelector("#claims-list .claim")).size();
            browser.click(By.id("more-claims"));
            browser.wait.until(d -> d.findElements(By.cssSelector("#claims-list .claim")).size() > shown);
        }
        assertThat(browser.attributes("#claims-list .claim", "data-evidence-id"))
                .containsExactlyElementsOf(all.stream().map(String::valueOf).toList());
    }
}
