package nl.leerroute.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import nl.leerroute.database.GraphReader;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a whole test class (starting a browser is the slow part), with the
 * page's sign-in, waits, screenshots and the axe-core accessibility check. Needs Debian's chromium
 * and chromium-driver ({@code .ci/run} installs them); {@link #assumeInstalled()} skips, with the
 * reason, where /usr/bin/chromedriver does not exist.
 */
final class Browser implements AutoCloseable {

    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final String CHROMIUM = "/usr/bin/chromium";
    static final Path OUTPUT = Path.of("target", "e2e");
    /** The axe-core WebJar's properties name its version, which is part of the script's path. */
    static final String AXE_POM = "META-INF/maven/org.webjars.npm/axe-core/pom.properties";

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final String root;
    private final GraphReader graph;

    static void assumeInstalled() {
        assumeTrue(CHROMEDRIVER.canExecute(), "/usr/bin/chromedriver not found: install Debian's chromium and "
                + "chromium-driver (.ci/run does) to run the web page's end-to-end tests");
    }

    Browser(int port, GraphReader graph) throws IOException {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1366,768",
                "--user-data-dir=" + Files.createTempDirectory("leerroute-chromium"));
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build(), options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        root = "http://127.0.0.1:" + port + "/";
        this.graph = graph;
    }

    /** Opens the page signed out (the token lives in sessionStorage) and in Dutch. */
    void openSignedOut() {
        driver.get(root);
        driver.executeScript("sessionStorage.clear()");
        driver.get(root);
        visible(By.name("username"));
    }

    void signIn(String username) {
        openSignedOut();
        visible(By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys("leerroute-demo");
        click(By.id("sign-in-button"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void click(By by) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    void type(By by, String text) {
        WebElement element = visible(by);
        element.clear();
        element.sendKeys(text);
    }

    List<String> attributes(String css, String attribute) {
        return driver.findElements(By.cssSelector(css)).stream().map(e -> e.getAttribute(attribute)).toList();
    }

    List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    /** Waits until the status line says something containing `text` (the page announces every result there). */
    void awaitStatus(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), text));
    }

    /** Keeps what the browser shows (1366x768, a laptop screen) as target/e2e/{name}.png. */
    Path screenshot(String name) {
        Path file = OUTPUT.resolve(name + ".png");
        try {
            Files.createDirectories(OUTPUT);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Runs axe-core (WCAG 2.0/2.1 A and AA rules and axe's best practices) on the page as it is and
     * asserts there is no serious or critical violation; the message lists each one with the elements.
     * Moderate and minor findings are printed, so they are seen without failing the build.
     */
    void assertAccessible(String view) {
        driver.executeScript(axeSource());
        Object found = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag',
                    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
                  .then(r => done(r.violations.map(v => v.impact + ' ' + v.id + ' (' + v.help + '): '
                      + v.nodes.map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['critical axe failed: ' + e]));""");
        List<String> violations = ((List<?>) found).stream().map(String::valueOf).toList();
        violations.stream().filter(v -> v.startsWith("moderate") || v.startsWith("minor"))
                .forEach(v -> System.out.println("axe-core on the " + view + ": " + v));
        assertThat(violations).as("serious or critical accessibility violations on the " + view)
                .filteredOn(v -> v.startsWith("serious") || v.startsWith("critical")).isEmpty();
    }

    private static String axeSource() {
        ClassLoader loader = Browser.class.getClassLoader();
        try (InputStream pom = loader.getResourceAsStream(AXE_POM)) {
            assertThat(pom).as(AXE_POM + " on the test classpath (org.webjars.npm:axe-core)").isNotNull();
            Properties properties = new Properties();
            properties.load(pom);
            String path = "META-INF/resources/webjars/axe-core/" + properties.getProperty("version") + "/axe.min.js";
            try (InputStream script = loader.getResourceAsStream(path)) {
                assertThat(script).as(path).isNotNull();
                return new String(script.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The page fires some requests in parallel (lists it loads after sign-in) that may still be running
     * on the server when the browser moves on; later tests count the queries their own requests run, so
     * wait until the server has gone quiet. Synchronisation only: nothing is asserted on time.
     */
    void awaitNoMoreQueries() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
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

    @Override
    public void close() {
        driver.quit();
        awaitNoMoreQueries();
    }
}
