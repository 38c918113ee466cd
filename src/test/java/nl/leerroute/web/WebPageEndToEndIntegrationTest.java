package nl.leerroute.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Value;

/**
 * The web page end to end in headless Chromium against the running application: an advisor signs
 * in, opens Henk, plans a route to his goal role, sees exactly the steps, lines, credits and
 * alternatives the API returns for the same request on the metro map, saves, renames and re-plans it;
 * Henk signs in and sees the saved plan; an editor picks an outcome and sees the units covering it.
 * Every main view passes axe-core without serious or critical violations. The route page is kept as
 * target/e2e/route-page.png. One browser for the whole class.
 */
class WebPageEndToEndIntegrationTest extends BrowserIntegrationTest {

    static final String HENK = "p-henk-bakker";
    static final String ROLE = "role-robot-cell-operator";
    static final String PLAN_QUERY = """
            query($personId: ID!, $roleId: ID!) {
              planRoute(input: {personId: $personId, target: {roleId: $roleId},
                constraints: {hoursPerWeek: 8}, alternatives: 2}) {
                best { totalHours steps { learningUnit { id titleNl provider { id } }
                  newlyCovers { outcome { competency { id } } } } }
                alternatives { totalHours totalCostEur totalNetCostEur totalToPersonEur finish unitCount }
                credits { outcome { id } }
              }
            }""";

    @Override
    String cleanUpQuery() {
        return "MATCH (n) WHERE n.origin = 'api' AND (n:SavedPlan OR n:AccessLogEntry) DETACH DELETE n";
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> apiPlan() {
        return signedIn.as("advisor.jansen").document(PLAN_QUERY).variable("personId", HENK).variable("roleId", ROLE)
                .execute().path("planRoute").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void shouldLetAnAdvisorPlanSaveRenameAndReplanARouteThatTheWorkerThenSees() throws Exception {
        browser.signIn("advisor.jansen");
        browser.click(By.cssSelector("#clients button[data-person-id='" + HENK + "']"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("person-name"), "Henk Bakker"));
        browser.visible(By.cssSelector("#claims h3"));
        browser.visible(By.cssSelector("#saved-plans h3"));
        browser.screenshot("client-view");
        browser.assertAccessible("advisor's client view");

        // The form starts at the person's first saved goal.
        Map<String, Object> goal = list(signedIn.as("advisor.jansen").document("""
                query($p: ID!) { person(id: $p) { goals { __typename ... on Role { id } ... on Certificate { id }
                  ... on Programme { id } } } }""")
                .variable("p", HENK).execute().path("person.goals").entity(List.class).get()).get(0);
        assertThat(new Select(browser.visible(By.id("target-kind"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(((String) goal.get("__typename")).toLowerCase(java.util.Locale.ROOT));
        assertThat(new Select(browser.visible(By.id("target"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(goal.get("id"));

        new Select(browser.visible(By.id("target-kind"))).selectByValue("role");
        new Select(browser.visible(By.id("target"))).selectByValue(ROLE);
        browser.type(By.id("hours-per-week"), "8");
        browser.click(By.id("plan-button"));
        browser.visible(By.cssSelector("#metro-map g.line"));

        Map<String, Object> api = apiPlan();
        List<Map<String, Object>> steps = list(map(api.get("best")).get("steps"));
        List<String> apiIds = steps.stream().map(s -> (String) map(s.get("learningUnit")).get("id")).toList();
        List<String> apiTitles = steps.stream().map(s -> (String) map(s.get("learningUnit")).get("titleNl")).toList();
        assertThat(apiIds).isNotEmpty();

        // Stations: every unit once per line it serves; in step order they are exactly the API's units.
        List<String> stationIds = browser.attributes("#metro-map g.station[data-unit-id]", "data-unit-id");
        List<String> stepNumbers = browser.attributes("#metro-map g.station[data-unit-id]", "data-step");
        List<String> inOrder = new LinkedHashSet<>(sortedByStep(stationIds, stepNumbers)).stream().toList();
        assertThat(inOrder).containsExactlyElementsOf(apiIds);
        // Lines per competency: one for each competency a step newly covers, and for each credited one.
        Set<String> apiCompetencies = new LinkedHashSet<>();
        steps.forEach(s -> list(s.get("newlyCovers")).forEach(c -> apiCompetencies.add(
                (String) map(map(c.get("outcome")).get("competency")).get("id"))));
        List<String> credited = list(api.get("credits")).stream()
                .map(c -> (String) map(c.get("outcome")).get("id")).toList();
        assertThat(browser.attributes("#metro-map g.line", "data-line")).containsAll(apiCompetencies);
        assertThat(browser.attributes("#metro-map g.station.passed", "data-credited-outcome"))
                .containsExactlyInAnyOrderElementsOf(credited);
        assertThat(browser.driver.findElements(By.cssSelector("#metro-map g[data-terminus]"))).hasSize(1);
        assertThat(browser.texts("#steps > li > strong")).containsExactlyElementsOf(apiTitles);
        assertThat(browser.driver.findElements(By.cssSelector("#timeline .tl-row"))).hasSize(apiIds.size());

        // Alternatives side by side with the API's totals.
        List<Map<String, Object>> alternatives = list(api.get("alternatives"));
        assertThat(browser.attributes("#alternatives > .alt", "data-route")).hasSize(1 + alternatives.size());
        for (int i = 0; i < alternatives.size(); i++) {
            String css = "#alternatives > .alt[data-route='alternative-" + (i + 1) + "'] ";
            assertThat(browser.texts(css + ".total-hours"))
                    .containsExactly(String.valueOf(alternatives.get(i).get("totalHours")));
            assertThat(browser.attributes(css + ".total-cost", "data-eur").stream().map(Double::valueOf).toList())
                    .containsExactly(((Number) alternatives.get(i).get("totalCostEur")).doubleValue());
            assertThat(browser.texts(css + ".finish")).containsExactly((String) alternatives.get(i).get("finish"));
            for (String[] cost : new String[][] {{".total-net", "totalNetCostEur"},
                    {".total-to-person", "totalToPersonEur"}}) {
                assertThat(browser.attributes(css + cost[0], "data-eur").stream().map(Double::valueOf).toList())
                        .containsExactly(((Number) alternatives.get(i).get(cost[1])).doubleValue());
            }
        }

        browser.driver.executeScript("document.getElementById('route-h').scrollIntoView()");
        Path screenshot = browser.screenshot("route-page");
        assertThat(Files.size(screenshot)).isPositive();
        browser.assertAccessible("plan with the metro map");

        // Lines per provider instead: one line per provider of the route's units.
        new Select(browser.visible(By.id("map-lines"))).selectByValue("provider");
        browser.visible(By.cssSelector("#metro-map[data-by='provider']"));
        Set<String> providers = new LinkedHashSet<>();
        steps.forEach(s -> providers.add((String) map(map(s.get("learningUnit")).get("provider")).get("id")));
        if (!credited.isEmpty()) {
            providers.add("credited");
        }
        assertThat(browser.attributes("#metro-map g.line", "data-line")).containsExactlyInAnyOrderElementsOf(providers);
        browser.screenshot("route-page-providers");

        browser.type(By.id("plan-name"), "E2E robotcel");
        browser.click(By.id("save-button"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("saved-plans"), "E2E robotcel"));

        // Rename, then plan again (updatePlan): the name changes, the route is planned as of today.
        browser.type(By.cssSelector("#saved-plans input.plan-rename"), "E2E robotcel, 8 uur");
        browser.click(By.cssSelector("#saved-plans .rename-button"));
        browser.awaitStatus("hernoemd");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#saved-plans .plan-name"), "E2E robotcel, 8 uur"));
        browser.click(By.cssSelector("#saved-plans .replan-button"));
        browser.awaitStatus("opnieuw gepland");
        List<Map<String, Object>> saved = list(signedIn.as("advisor.jansen")
                .document("query($p: ID!) { savedPlans(personId: $p) { name version learningUnits { id } } }")
                .variable("p", HENK).execute().path("savedPlans").entity(List.class).get());
        assertThat(saved).hasSize(1);
        assertThat(saved.get(0)).containsEntry("name", "E2E robotcel, 8 uur").containsEntry("version", 3);
        assertThat(list(saved.get(0).get("learningUnits")).stream().map(u -> u.get("id")).toList())
                .containsExactlyElementsOf(apiIds);

        browser.click(By.id("sign-out"));
        browser.signIn("henk");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("saved-plans"),
                "E2E robotcel, 8 uur"));
        assertThat(browser.attributes("#saved-plans li[data-plan-id] ol li[data-unit-id]", "data-unit-id"))
                .containsExactlyElementsOf(apiIds);
        browser.visible(By.cssSelector("#next-steps h4"));
        browser.visible(By.cssSelector("#consents h3"));
        browser.screenshot("worker-view");
        browser.assertAccessible("worker's own view");
    }

    private static List<String> sortedByStep(List<String> ids, List<String> steps) {
        record Station(String id, int step) { }
        return java.util.stream.IntStream.range(0, ids.size())
                .mapToObj(i -> new Station(ids.get(i), Integer.parseInt(steps.get(i))))
                .sorted(java.util.Comparator.comparingInt(Station::step)).map(Station::id).toList();
    }

    @Test
    void shouldSwitchToEnglishAndShowWrongPasswordsInWords() {
        browser.openSignedOut();
        browser.assertAccessible("sign-in page");
        // The check itself can fail: a field without a label is a critical violation.
        browser.driver.executeScript("document.getElementById('main').append(document.createElement('input'))");
        assertThatThrownBy(() -> browser.assertAccessible("sign-in page with an unlabelled field"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("critical label");
        browser.openSignedOut();
        browser.click(By.id("lang-switch"));
        browser.wait.until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(browser.visible(By.cssSelector("label[for]")).getText()).isEqualTo("Username");
        browser.driver.findElement(By.name("username")).sendKeys("advisor.jansen");
        browser.driver.findElement(By.name("password")).sendKeys("wrong");
        browser.click(By.id("sign-in-button"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"),
                "wrong username or password"));
        browser.click(By.id("lang-switch"));
        browser.wait.until(d -> "nl".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldLetAnEditorPickAnOutcomeAndSeeTheUnitsCoveringItAndTheGaps() throws Exception {
        browser.signIn("editor.hanze");
        browser.visible(By.cssSelector("#uncovered li"));
        browser.type(By.id("editor-outcome-search"), "robot veilig");
        browser.click(By.cssSelector("#editor-outcome-results button[data-outcome-id='lo-robot-safety']"));
        browser.visible(By.cssSelector("#editor-outcome-chosen li[data-outcome-id='lo-robot-safety']"));
        browser.click(By.id("covering-button"));
        browser.visible(By.cssSelector("#covering table tbody tr"));
        List<Object> apiUnits = signedIn.as("editor.hanze").document("""
                { modulesCoveringOutcome(outcomeId: "lo-robot-safety", first: 50) {
                    edges { node { learningUnit { id } } } } }""")
                .execute().path("modulesCoveringOutcome.edges[*].node.learningUnit.id").entityList(Object.class).get();
        assertThat(browser.attributes("#covering tbody tr", "data-unit-id")).containsExactlyElementsOf(
                apiUnits.stream().map(String::valueOf).toList());

        Map<String, Object> gaps = signedIn.as("editor.hanze").document("""
                { uncoveredOutcomes(first: 100) { edges { node { outcome { id } } } } }""")
                .execute().path("uncoveredOutcomes").entity(Map.class).get();
        List<String> allGaps = list(gaps.get("edges")).stream()
                .map(e -> (String) map(map(e.get("node")).get("outcome")).get("id")).toList();
        // The page shows 50 at a time; "more" appends the next page until the list is complete.
        while (!browser.driver.findElements(By.id("more-uncovered")).isEmpty()) {
            int shown = browser.driver.findElements(By.cssSelector("#uncovered li")).size();
            browser.click(By.id("more-uncovered"));
            browser.wait.until(d -> d.findElements(By.cssSelector("#uncovered li")).size() > shown);
        }
        assertThat(browser.attributes("#uncovered li", "data-outcome-id")).containsExactlyElementsOf(allGaps);
        browser.screenshot("editor-view");
        browser.assertAccessible("editor's view");
    }
}
