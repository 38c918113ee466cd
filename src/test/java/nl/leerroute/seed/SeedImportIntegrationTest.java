package nl.leerroute.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import nl.leerroute.GraphSnapshot;
import nl.leerroute.LeerrouteIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

@LeerrouteIntegrationTest
class SeedImportIntegrationTest {

    @Autowired
    SeedImporter importer;

    @Autowired
    Driver driver;

    @TempDir
    Path directory;

    @AfterEach
    void restoreShippedSeed() {
        importer.importSeed(SeedFixtures.SHIPPED, false);
    }

    private long count(String cypher) {
        return driver.executableQuery(cypher).execute().records().get(0).get(0).asLong();
    }

    @Test
    void shouldHaveImportedTheShippedSeedAtStartUp() {
        ParsedSeed seed = SeedParser.parse(SeedFixtures.SHIPPED);
        assertThat(count("MATCH (n) WHERE n.origin = 'seed' RETURN count(n)")).isEqualTo(seed.nodes().size());
        assertThat(count("MATCH ()-[r]->() WHERE r.origin = 'seed' RETURN count(r)"))
                .isEqualTo(seed.relationships().size());
        assertThat(driver.executableQuery("MATCH (s:SeedImport) RETURN s.contentHash AS h").execute().records()
                .get(0).get("h").asString()).isEqualTo(seed.contentHash());
    }

    @Test
    void shouldYieldTheSameGraphWhenTheSeedIsImportedAgain() {
        List<String> before = GraphSnapshot.of(driver);
        SeedImporter.ImportResult result = importer.importSeed(SeedFixtures.SHIPPED, true);
        assertThat(result.written()).isTrue();
        assertThat(GraphSnapshot.of(driver)).containsExactlyElementsOf(before);
    }

    @Test
    void shouldSkipASeedThatIsAlreadyInTheGraph() {
        assertThat(importer.importSeed(SeedFixtures.SHIPPED, false).written()).isFalse();
    }

    @Test
    void shouldLeaveTheGraphUnchangedWhenAFileIsBroken() {
        List<String> before = GraphSnapshot.of(driver);
        SeedFixtures.copyOfShippedSeed(directory);
        SeedFixtures.replaceCell(directory, "outcomes.csv", 2, "title_en", "A title that must not be written");
        SeedFixtures.replaceCell(directory, "units.csv", 2, "hours", "lots");

        assertThatThrownBy(() -> importer.importSeed(directory, true))
                .isInstanceOf(InvalidSeedException.class)
                .hasMessageContaining("units.csv:2: field 'hours': 'lots' is not a whole number")
                .hasMessageContaining("nothing was written");
        assertThat(GraphSnapshot.of(driver)).containsExactlyElementsOf(before);
    }

    @Test
    void shouldApplyEditsAndRemoveRecordsDroppedFromTheSeed() {
        SeedFixtures.copyOfShippedSeed(directory);
        String outcome = SeedFixtures.parseSimple(SeedFixtures.lines(directory, "outcomes.csv").get(1)).get(0);
        SeedFixtures.replaceCell(directory, "outcomes.csv", 2, "title_en", "Edited by an institution");
        List<String> people = SeedFixtures.lines(directory, "people.csv");
        String droppedPerson = SeedFixtures.parseSimple(people.get(people.size() - 1)).get(0);
        SeedFixtures.write(directory, "evidence.csv", SeedFixtures.lines(directory, "evidence.csv").stream()
                .filter(l -> !l.contains("," + droppedPerson + ",")).toList());
        SeedFixtures.write(directory, "people.csv", people.subList(0, people.size() - 1));

        importer.importSeed(directory, false);

        assertThat(driver.executableQuery("MATCH (o:LearningOutcome {id: $id}) RETURN o.titleEn AS t")
                .withParameters(java.util.Map.of("id", outcome)).execute().records().get(0).get("t").asString())
                .isEqualTo("Edited by an institution");
        assertThat(count("MATCH (p:Person {id: '" + droppedPerson + "'}) RETURN count(p)")).isZero();
    }

    @Test
    void shouldKeepDataThatDidNotComeFromTheSeed() {
        driver.executableQuery("CREATE (:Person {id: 'created-through-the-api', name: 'Api Person'})").execute();
        try {
            importer.importSeed(SeedFixtures.SHIPPED, true);
            assertThat(count("MATCH (p:Person {id: 'created-through-the-api'}) RETURN count(p)")).isEqualTo(1);
        } finally {
            driver.executableQuery("MATCH (p:Person {id: 'created-through-the-api'}) DELETE p").execute();
        }
    }
}
