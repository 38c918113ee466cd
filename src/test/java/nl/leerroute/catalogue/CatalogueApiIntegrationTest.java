package nl.leerroute.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import nl.leerroute.LeerrouteIntegrationTest;
import nl.leerroute.database.GraphReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The read API on the embedded database, plus the HTTP endpoints a person uses. */
@LeerrouteIntegrationTest
class CatalogueApiIntegrationTest extends CatalogueApiContract {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @Test
    void shouldServeGraphQlOverHttpOnLoopback() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/graphql")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ programmes(croho: \\\"30020\\\") { id } }\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"programmes\"").contains("30020").doesNotContain("errors");
    }

    @Autowired
    GraphReader graph;

    private long queriesFor(int units) {
        long before = graph.queryCount();
        graphQl.documentName("deepUnits").variable("first", units).execute()
                .path("learningUnits.edges").entityList(Object.class).hasSize(units);
        return graph.queryCount() - before;
    }

    @Test
    void shouldNotRunMoreQueriesForALongerList() {
        long forFive = queriesFor(5);
        long forFifty = queriesFor(50);
        long forHundred = queriesFor(100);
        // one query per field per level; a short list may lack a container kind (minor, programme, line)
        // and so skip that kind's own batch
        assertThat(forHundred).isEqualTo(forFifty);
        assertThat(forFifty).isBetween(forFive, forFive + 3).isLessThan(20);
    }

    @Test
    void shouldServeGraphiQl() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/graphiql")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsIgnoringCase("graphiql");
    }

    @Test
    void shouldReportReadinessOnTheHealthEndpoint() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/health/readiness")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("UP");
    }
}
