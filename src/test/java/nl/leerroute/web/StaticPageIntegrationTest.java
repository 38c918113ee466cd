package nl.leerroute.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.leerroute.LeerrouteIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

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

    @Value("${local.server.port}")
    int port;

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
}
