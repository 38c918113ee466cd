package nl.leerroute.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

import nl.leerroute.LeerrouteIntegrationTest;
import nl.leerroute.routes.planner.CatalogueSnapshot;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/** What is kept per catalogue snapshot is dropped with it: a rebuilt catalogue is planned with at once. */
@LeerrouteIntegrationTest
class CatalogueCachesIntegrationTest {

    static final String ROLE = "role-smart-maintenance-technician";

    @Autowired
    CatalogueSnapshots snapshots;

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Driver driver;

    @Test
    void shouldKeepADerivedValueOnlyForTheSnapshotItWasComputedFor() {
        AtomicInteger computed = new AtomicInteger();
        Object first = snapshots.derived("test-key", s -> "value " + computed.incrementAndGet());
        assertThat((Object) snapshots.derived("test-key", s -> "value " + computed.incrementAndGet())).isEqualTo(first);
        assertThat(computed).hasValue(1);
        snapshots.rebuild();
        assertThat((Object) snapshots.derived("test-key", s -> "value " + computed.incrementAndGet()))
                .isEqualTo("value 2");
    }

    @Test
    void shouldKeepNothingWhenTheComputationFails() {
        AtomicInteger computed = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            try {
                snapshots.derived("failing-key", s -> {
                    computed.incrementAndGet();
                    throw new UnknownReferenceException("role", "nope");
                });
            } catch (UnknownReferenceException expected) {
                // the caller sees the failure every time
            }
        }
        assertThat(computed).hasValue(2);
    }

    @Test
    void shouldComputeAValueOnceWhenManyRequestsAskForItAtOnce() throws Exception {
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        Function<CatalogueSnapshot, String> slow = s -> {
            int n = computed.incrementAndGet();
            try {
                if (n == 1) {
                    release.await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "value " + n;
        };
        ConcurrentLinkedQueue<Object> answers = new ConcurrentLinkedQueue<>();
        Thread firstAsker = new Thread(() -> answers.add(snapshots.derived("concurrent-key", slow)));
        firstAsker.start();
        awaitComputing(computed);
        Thread[] others = IntStream.range(0, 7)
                .mapToObj(i -> new Thread(() -> answers.add(snapshots.derived("concurrent-key", slow))))
                .toArray(Thread[]::new);
        Arrays.stream(others).forEach(Thread::start);
        awaitWaitingOrDone(others);
        release.countDown();
        firstAsker.join();
        for (Thread t : others) {
            t.join();
        }
        assertThat(computed).hasValue(1);
        assertThat(answers).hasSize(8).containsOnly("value 1");
    }

    @Test
    void shouldGiveEveryoneWaitingTheFailureOfTheComputationTheyWaitedFor() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger computed = new AtomicInteger();
        Function<CatalogueSnapshot, String> failing = s -> {
            computed.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownReferenceException("role", "nope");
        };
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Runnable ask = () -> {
            try {
                snapshots.derived("failing-together", failing);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        };
        Thread first = new Thread(ask);
        first.start();
        awaitComputing(computed);
        Thread second = new Thread(ask);
        second.start();
        awaitWaitingOrDone(second);
        release.countDown();
        first.join();
        second.join();
        assertThat(failures).hasSize(2).allMatch(e -> e instanceof UnknownReferenceException);
        assertThat(computed).hasValue(1);
        assertThat((Object) snapshots.derived("failing-together", s -> "computed again")).isEqualTo("computed again");
    }

    private static void awaitComputing(AtomicInteger computed) {
        while (computed.get() == 0) {
            Thread.onSpinWait();
        }
    }

    /** Each thread either waits (for the computation under way) or, had it computed again itself, has finished. */
    private static void awaitWaitingOrDone(Thread... threads) {
        while (Arrays.stream(threads).anyMatch(t -> t.getState() != Thread.State.WAITING
                && t.getState() != Thread.State.TERMINATED)) {
            Thread.onSpinWait();
        }
    }

    private List<String> targetsOfRole() {
        return graphQl.document("{ planRoute(input: {profile: [], target: {roleId: \"" + ROLE + "\"}, "
                + "startDate: \"2027-01-04\"}) { targets { outcome { id } } } }").execute()
                .path("planRoute.targets[*].outcome.id").entityList(String.class).get();
    }

    @Test
    void shouldPlanTowardsARoleAsTheRebuiltCatalogueDescribesIt() {
        List<String> before = targetsOfRole();
        String added = driver.executableQuery("""
                MATCH (r:Role {id: $role}), (o:LearningOutcome) WHERE NOT (r)-[:REQUIRES]->(o)
                WITH r, o ORDER BY o.id LIMIT 1
                CREATE (r)-[:REQUIRES {level: 1, cacheTest: true}]->(o) RETURN o.id AS id
                """).withParameters(Map.of("role", ROLE)).execute().records().get(0).get("id").asString();
        try {
            snapshots.rebuild();
            assertThat(targetsOfRole()).contains(added).hasSize(before.size() + 1);
        } finally {
            driver.executableQuery("MATCH ()-[r:REQUIRES {cacheTest: true}]->() DELETE r").execute();
            snapshots.rebuild();
        }
        assertThat(targetsOfRole()).containsExactlyInAnyOrderElementsOf(before);
    }
}
