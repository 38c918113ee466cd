package nl.leerroute.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import nl.leerroute.LeerrouteIntegrationTest;
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
