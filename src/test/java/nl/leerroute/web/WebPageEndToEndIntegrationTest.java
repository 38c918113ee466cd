package nl.leerroute.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import nl.leerroute.LeerrouteIntegrationTest;
import nl.leerroute.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The web page end to end in headless Chromium against the running application: an advisor signs
 * in, opens Henk, plans a route to his goal role, sees exactly the steps the API returns for the same
 * request on the metro map, and saves it; Henk signs in and sees the saved plan. The route page is
 * kept as target/e2e/route-page.png. Needs Debian's chromium and chromium-driver ({@code .ci/run}
 * installs them); skipped, with the reason, where /usr/bin/chromedriver does not exist.
 */
@LeerrouteIntegrationTest
class WebPageEndToEndIntegrationTest {

    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String HENK = "p-henk-bakker";
    static final String ROLE = "role-robot-cell-operator";
    static final Path SCREENSHOT = Path.of("target", "e2e", "route-page.png");

    @Value("${local.server.port}")
    int port;

    @Autowired
    SignedIn signedIn;

    @Autowired
    Driver neo4j;

    @Autowired
    nl.leerroute.database.GraphReader graph;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        assumeTrue(CHROMEDRIVER.canExecute(), "/usr/bin/chromedriver not found: install Debian's chromium and "
                + "chromium-driver (.ci/run does) to run the web page's end-to-end tests");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1366,768",
                "--user-data-dir=" + Files.createTempDirectory("leerroute-chromium"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build(), options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    /**
     * The page fires some requests in parallel (lists it loads after sign-in) that may still be running
     * on the server when the browser quits; later test classes count the queries their own requests
     * run, so wait until the server has gone quiet. Synchronisation only: nothing is asserted on time.
     */
    private void awaitNoMoreQueries() {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        long seen = graph.queryCount();
        int quietRounds = 0;
        while (quietRounds < 5 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = graph.queryCount();
            quietRounds = now == seen ? quietRounds + 1 : 0;
            seen = now;
        }
    }

    @AfterEach
    void stopBrowserAndRemoveSavedPlans() {
        if (browser != null) {
            browser.quit();
        }
        awaitNoMoreQueries();
        neo4j.executableQuery("MATCH (n) WHERE n.origin = 'api' AND (n:SavedPlan OR n:AccessLogEntry) DETACH DELETE n")
                .execute();
    }

    @Test
    void shouldLetAnAdvisorPlanAndSaveARouteThatTheWorkerThenSees() throws Exception {
        signIn("advisor.jansen");
        click(By.cssSelector("#clients button[data-person-id='" + HENK + "']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("person-name"), "Henk Bakker"));
        new Select(visible(By.id("target-kind"))).selectByValue("role");
        new Select(visible(By.id("target"))).selectByValue(ROLE);
        WebElement hours = visible(By.id("hours-per-week"));
        hours.clear();
        hours.sendKeys("8");
        click(By.id("plan-button"));
        visible(By.cssSelector("#metro-map g[data-route='best']"));

        List<Map<String, Object>> apiSteps = signedIn.as("advisor.jansen").document("""
                query($personId: ID!, $roleId: ID!) {
                  planRoute(input: {personId: $personId, target: {roleId: $roleId},
                    constraints: {hoursPerWeek: 8}, alternatives: 2}) { best { steps { learningUnit { id titleNl } } } }
                }""")
                .variable("personId", HENK).variable("roleId", ROLE).execute()
                .path("planRoute.best.steps[*].learningUnit").entityList(Object.class).get().stream()
                .map(o -> (Map<String, Object>) o).toList();
        List<String> apiIds = apiSteps.stream().map(s -> (String) s.get("id")).toList();
        List<String> apiTitles = apiSteps.stream().map(s -> (String) s.get("titleNl")).toList();
        assertThat(apiIds).isNotEmpty();

        List<String> mapIds = browser.findElements(By.cssSelector("#metro-map g[data-route='best'] g[data-unit-id]"))
                .stream().map(e -> e.getAttribute("data-unit-id")).toList();
        List<String> stepTitles = browser.findElements(By.cssSelector("#steps > li > strong")).stream()
                .map(WebElement::getText).toList();
        assertThat(mapIds).containsExactlyElementsOf(apiIds);
        assertThat(stepTitles).containsExactlyElementsOf(apiTitles);
        assertThat(browser.findElements(By.cssSelector("#metro-map g[data-route='best'] g[data-terminus]"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#metro-map g[data-route='best'] g[data-credited]"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#alternatives > div"))).hasSizeBetween(1, 3);
        assertThat(browser.findElements(By.cssSelector("#timeline .tl-row"))).hasSize(apiIds.size());

        browser.executeScript("document.getElementById('route-h').scrollIntoView()");
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(SCREENSHOT)).isPositive();

        WebElement name = visible(By.id("plan-name"));
        name.clear();
        name.sendKeys("E2E robotcel");
        click(By.id("save-button"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("saved-plans"), "E2E robotcel"));

        click(By.id("sign-out"));
        signIn("henk");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("saved-plans"), "E2E robotcel"));
        List<String> savedIds = browser
                .findElements(By.cssSelector("#saved-plans li[data-plan-id] ol li[data-unit-id]"))
                .stream().map(e -> e.getAttribute("data-unit-id")).toList();
        assertThat(savedIds).containsExactlyElementsOf(apiIds);
        visible(By.id("next-steps"));
    }

    @Test
    void shouldSwitchToEnglishAndShowWrongPasswordsInWords() {
        browser.get("http://127.0.0.1:" + port + "/");
        click(By.id("lang-switch"));
        wait.until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        visible(By.cssSelector("label[for]")).getText();
        browser.findElement(By.name("username")).sendKeys("advisor.jansen");
        browser.findElement(By.name("password")).sendKeys("wrong");
        click(By.id("sign-in-button"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "wrong username or password"));
    }

    @Test
    void shouldShowAnEditorTheUnitsCoveringAnOutcomeAndTheGaps() {
        signIn("editor.hanze");
        visible(By.cssSelector("#uncovered li"));
        visible(By.id("outcome-id")).sendKeys("lo-robot-safety");
        click(By.cssSelector("#outcome-id ~ button, form button[type='submit']"));
        assertThat(visible(By.cssSelector("#covering table tbody tr")).getText()).isNotBlank();
    }

    private void signIn(String username) {
        browser.get("http://127.0.0.1:" + port + "/");
        visible(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys("leerroute-demo");
        click(By.id("sign-in-button"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
    }

    private WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }
}
