package nl.leerroute.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import nl.leerroute.LeerrouteIntegrationTest;
import nl.leerroute.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Entries of concurrent requests share write transactions (group commit), yet every personal read
 * still has its own entry, committed before the read's answer is given.
 */
@LeerrouteIntegrationTest
class AccessLogGroupCommitIntegrationTest {

    static final String PERSON = "p-marco-dijkstra";
    static final int CLIENTS = 24;

    @Autowired
    AccessLog log;

    @Autowired
    SignedIn signedIn;

    @Autowired
    Driver driver;

    @AfterEach
    void removeWhatTheTestsCreated() {
        driver.executableQuery("MATCH (n:AccessLogEntry) WHERE n.origin = 'api' DETACH DELETE n").execute();
    }

    private List<String> entryIds(String operation) {
        return driver.executableQuery("MATCH (e:AccessLogEntry {operation: $operation})-[:ABOUT]->(:Person {id: $id}) "
                + "RETURN e.id AS id").withParameters(Map.of("operation", operation, "id", PERSON)).execute()
                .records().stream().map(r -> r.get("id").asString()).toList();
    }

    @Test
    void shouldCommitEveryEntryOfConcurrentReadsBeforeEachReturns() throws Exception {
        CyclicBarrier together = new CyclicBarrier(CLIENTS);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Integer>> seen = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                seen.add(pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    log.record(SignedIn.ADMIN, PERSON, "groupCommitTest", AccessLog.Action.READ,
                            new Access.Grant("administration", null));
                    // what record() promises: this request's entry is in the database when it returns
                    return entryIds("groupCommitTest").size();
                }));
            }
            for (Future<Integer> entries : seen) {
                assertThat(entries.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> ids = entryIds("groupCommitTest");
        assertThat(ids).hasSize(CLIENTS);
        assertThat(new HashSet<>(ids)).hasSize(CLIENTS);
    }

    @Test
    void shouldLogEachOfManyConcurrentRouteRequestsOnce() throws Exception {
        var admin = signedIn.as("admin");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                answers.add(pool.submit(() -> admin.document("{ planRoute(input: {personId: \"" + PERSON
                        + "\", target: {roleId: \"role-smart-maintenance-technician\"}, startDate: \"2027-01-04\"}) "
                        + "{ status } }").execute().path("planRoute.status").entity(String.class).get()));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get(120, TimeUnit.SECONDS)).isEqualTo("OPTIMAL");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(entryIds("planRoute")).hasSize(CLIENTS);
    }
}
