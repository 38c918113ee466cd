package nl.leerroute.web;

import nl.leerroute.LeerrouteIntegrationTest;
import nl.leerroute.SignedIn;
import nl.leerroute.database.GraphReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * What every browser test class shares: the one application context, one headless Chromium for the
 * whole class (a browser start costs seconds), and removal of what a test made through the page
 * once the page's last requests have finished, so the next test starts from the seed.
 */
@LeerrouteIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserIntegrationTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    SignedIn signedIn;

    @Autowired
    Driver neo4j;

    @Autowired
    GraphReader graph;

    Browser browser;

    /** Cypher that deletes the nodes this class's tests create through the page. */
    abstract String cleanUpQuery();

    @BeforeAll
    void startBrowser() throws Exception {
        Browser.assumeInstalled();
        browser = new Browser(port, graph);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void removeWhatTheTestsMade() {
        if (browser != null) {
            browser.awaitNoMoreQueries();
        }
        neo4j.executableQuery(cleanUpQuery()).execute();
    }
}
