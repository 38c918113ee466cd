package nl.leerroute.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import nl.leerroute.LeerrouteIntegrationTest;
import nl.leerroute.database.CatalogueRevision;
import nl.leerroute.routes.planner.CatalogueSnapshot;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Replicas share one Neo4j: a catalogue change made by another instance reaches this one's planner through
 * the catalogue revision, and a change made here gives the others a new revision to see.
 */
@LeerrouteIntegrationTest
class CatalogueRevisionIntegrationTest {

    static final String UNIT = "u-hanze-iot-1";

    @Autowired
    CatalogueSnapshots snapshots;

    @Autowired
    Driver driver;

    @Autowired
    GraphQlTester graphQl;

    private String revision() {
        return driver.executableQuery(CatalogueRevision.READ).execute().records().get(0).get("revision")
                .asString(null);
    }

    /** What another instance's catalogue edit does: the change and a new revision in one transaction. */
    private void changeHoursElsewhere(int hours) {
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                tx.run("MATCH (u:LearningUnit {id: $id}) SET u.hours = $hours", Map.of("id", UNIT, "hours", hours))
                        .consume();
                tx.run(CatalogueRevision.BUMP).consume();
            });
        }
    }

    @Test
    void shouldRebuildWhenAnotherInstanceChangedTheCatalogue() {
        int hours = snapshots.current().unit(UNIT).hours();
        try {
            changeHoursElsewhere(hours + 7);
            snapshots.refreshIfChanged();
            assertThat(snapshots.current().unit(UNIT).hours()).isEqualTo(hours + 7);
        } finally {
            changeHoursElsewhere(hours);
            snapshots.refreshIfChanged();
        }
        assertThat(snapshots.current().unit(UNIT).hours()).isEqualTo(hours);
    }

    @Test
    void shouldKeepTheSnapshotWhileTheRevisionIsUnchanged() {
        CatalogueSnapshot before = snapshots.current();
        try (var session = driver.session()) {
            // a change without a revision is not a catalogue change this instance can know of
            session.executeWriteWithoutResult(tx -> tx.run("MATCH (u:LearningUnit {id: $id}) SET u.hours = u.hours",
                    Map.of("id", UNIT)).consume());
        }
        snapshots.refreshIfChanged();
        assertThat(snapshots.current()).isSameAs(before);
    }

    @Test
    void shouldGiveEveryCatalogueEditANewRevisionAndNoneToARefusedOne() {
        snapshots.current();
        String before = revision();
        int hours = snapshots.current().unit(UNIT).hours();
        double ec = driver.executableQuery("MATCH (u:LearningUnit {id: $id}) RETURN u.ec AS ec")
                .withParameters(Map.of("id", UNIT)).execute().records().get(0).get("ec").asDouble();

        update(Map.of("id", UNIT, "hours", -1)).path("updateLearningUnit.errors").entityList(Object.class).hasSizeGreaterThan(0);
        assertThat(revision()).isEqualTo(before);

        update(Map.of("id", UNIT, "hours", hours, "ec", ec)).path("updateLearningUnit.errors").entityList(Object.class)
                .hasSize(0);
        String after = revision();
        assertThat(after).isNotNull().isNotEqualTo(before);

        CatalogueSnapshot rebuilt = snapshots.current();
        snapshots.refreshIfChanged();
        assertThat(snapshots.current()).as("this instance rebuilt already, from the new revision").isSameAs(rebuilt);
    }

    private GraphQlTester.Response update(Map<String, Object> input) {
        return graphQl.documentName("updateLearningUnit").variable("input", input).execute();
    }
}
