package nl.leerroute.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.parser.Parser;
import graphql.validation.Validator;
import nl.leerroute.LeerrouteIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * The web page is served to anonymous visitors by Leerroute itself and loads nothing from the
 * internet: no URL in its files points to another host. The one exception is the SVG namespace name,
 * an identifier that browsers never fetch.
 */
@LeerrouteIntegrationTest
class StaticPageIntegrationTest {

    static final List<String> FILES = List.of("/index.html", "/app.css", "/app.js", "/api.js", "/i18n.js", "/metro.js");
    static final Pattern URL = Pattern.compile("https?://[^\\s'\"`)]+");
    static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    /** A GraphQL document in api.js: a template literal that starts with an operation or a fragment. */
    static final Pattern DOCUMENT = Pattern.compile("`((?:query|mutation|fragment) [^`]*)`");

    @Value("${local.server.port}")
    int port;

    @Autowired
    GraphQlSource graphQlSource;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldServeThePageAtTheRootToAnonymousVisitors() throws Exception {
        HttpResponse<String> root = get("/");
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(root.body()).contains("<html lang=\"nl\">", "<script type=\"module\" src=\"app.js\">", "aria-live");
    }

    @Test
    void shouldServeEveryFileWithItsTypeAndNoExternalUrl() throws Exception {
        for (String file : FILES) {
            HttpResponse<String> response = get(file);
            assertThat(response.statusCode()).as(file).isEqualTo(200);
            String type = response.headers().firstValue("Content-Type").orElse("");
            assertThat(type).as(file).startsWith(file.endsWith(".js") ? "text/javascript"
                    : file.endsWith(".css") ? "text/css" : "text/html");
            Matcher urls = URL.matcher(response.body());
            while (urls.find()) {
                assertThat(urls.group()).as("URL in " + file).isEqualTo(SVG_NAMESPACE);
            }
            assertThat(response.body()).as(file).doesNotContainIgnoringCase("//cdn").doesNotContain("@import url");
        }
    }

    /**
     * Every operation the page (as served) sends is valid against the schema as served (a renamed field breaks
     * this test, not the page in front of a client); the fragment is spliced in as the page does.
     */
    @Test
    void shouldSendOnlyOperationsThatAreValidAgainstTheServedSchema() throws Exception {
        String api = get("/api.js").body();
        List<String> documents = new ArrayList<>();
        String fragment = null;
        Matcher m = DOCUMENT.matcher(api);
        while (m.find()) {
            if (m.group(1).startsWith("fragment")) {
                fragment = m.group(1);
            } else {
                documents.add(m.group(1));
            }
        }
        assertThat(fragment).as("the RouteParts fragment in api.js").isNotNull();
        assertThat(documents).hasSizeGreaterThan(20);
        for (String document : documents) {
            String full = document.replace("${ROUTE_PARTS}", fragment);
            assertThat(full).doesNotContain("${");
            assertThat(new Validator().validateDocument(graphQlSource.schema(), Parser.parse(full), Locale.ENGLISH))
                    .as("validation errors in %s", full.lines().findFirst().orElse(full)).isEmpty();
        }
    }
}
