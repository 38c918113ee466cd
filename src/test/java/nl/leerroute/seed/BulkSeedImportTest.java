package nl.leerroute.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.leerroute.database.EmbeddedNeo4jServer;
import nl.leerroute.database.GraphSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The batched import on a small generated seed, on its own embedded database (not the shared test
 * database, whose seed other tests rely on): same graph as the one-transaction import, idempotent,
 * a bad row refused before anything is written, a failure half-way leaves nothing of its own.
 */
class BulkSeedImportTest {

    @TempDir
    static Path temp;

    static EmbeddedNeo4jServer server;
    static Driver driver;
    static Path seed;
    static final int BATCH = 500;

    @BeforeAll
    static void start() {
        server = EmbeddedNeo4jServer.start(temp.resolve("db"), 0, "32m");
        driver = GraphDatabase.driver(server.boltUri());
        new GraphSchema(driver).ensure();
        seed = temp.resolve("seed");
        // small, but written in many batches of 500 rows, so that every group spans several transactions
        SyntheticSeed.generate(seed, new SyntheticSeed.Size(40, 20, 200), 11);
    }

    @AfterAll
    static void stop() {
        driver.close();
        server.close();
    }

    @BeforeEach
    void emptyGraph() {
        driver.executableQuery("MATCH (n) DETACH DELETE n").execute();
    }

    private static BulkSeedWriter.Result bulkImport(Path directory) {
        return writer(batch -> { }).write(SeedParser.validateStreaming(directory), "test");
    }

    private static BulkSeedWriter writer(BulkSeedWriter.BatchHook hook) {
        return new BulkSeedWriter(driver, BulkSeedWriter.embedded(server.database()), hook, BATCH);
    }

    private static List<String> graph() {
        return graph(driver);
    }

    /** The graph as sorted lines, without the import bookkeeping (marker, import ids). */
    private static List<String> graph(Driver driver) {
        List<String> lines = new ArrayList<>();
        driver.executableQuery("MATCH (n) WHERE NOT n:SeedImport RETURN labels(n) AS labels, properties(n) AS p")
                .execute().records().forEach(r -> lines.add("node " + r.get("labels").asList() + " "
                        + withoutBookkeeping(r.get("p").asMap())));
        driver.executableQuery("MATCH (a)-[r]->(b) RETURN labels(a)[0] + ':' + a.id AS a, type(r) AS type, "
                + "labels(b)[0] + ':' + b.id AS b, properties(r) AS p").execute().records()
                .forEach(r -> lines.add("rel " + r.get("a").asString() + " -" + r.get("type").asString() + "-> "
                        + r.get("b").asString() + " " + withoutBookkeeping(r.get("p").asMap())));
        lines.sort(null);
        return lines;
    }

    private static Map<String, Object> withoutBookkeeping(Map<String, Object> properties) {
        Map<String, Object> kept = new TreeMap<>(properties);
        kept.remove("seedImport");
        kept.remove("seedCreatedBy");
        return kept;
    }

    private static String marker(String property) {
        return marker(driver, property);
    }

    private static String marker(Driver driver, String property) {
        var records = driver.executableQuery("MATCH (s:SeedImport {id: 'seed'}) RETURN s[$p] AS v")
                .withParameters(Map.of("p", property)).execute().records();
        return records.isEmpty() || records.get(0).get("v").isNull() ? null : records.get(0).get("v").asString();
    }

    @Test
    void shouldWriteTheSameGraphAsTheOneTransactionImportAndReplaceIt() {
        ParsedSeed parsed = SeedParser.parse(seed);
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> SeedWriter.write(tx, parsed));
        }
        List<String> oneTransaction = graph();
        assertThat(oneTransaction).hasSize(parsed.nodes().size() + parsed.relationships().size());

        BulkSeedWriter.Result result = bulkImport(seed);

        assertThat(result.nodes()).isEqualTo(parsed.nodes().size());
        assertThat(result.relationships()).isEqualTo(parsed.relationships().size());
        assertThat(graph()).containsExactlyElementsOf(oneTransaction);
        assertThat(marker("status")).isEqualTo("COMPLETE");
        assertThat(marker("contentHash")).isEqualTo(parsed.contentHash());
    }

    @Test
    void shouldWriteTheSameGraphThroughCypherAsThroughTheEmbeddedApi() {
        bulkImport(seed);
        List<String> embedded = graph();
        emptyGraph();

        BulkSeedWriter.Result result = new BulkSeedWriter(driver, BulkSeedWriter.cypher(driver), batch -> { }, BATCH)
                .write(SeedParser.validateStreaming(seed), "test");

        assertThat(result.relationships()).isEqualTo(embedded.stream().filter(l -> l.startsWith("rel ")).count());
        assertThat(graph()).containsExactlyElementsOf(embedded);
    }

    @Test
    void shouldYieldTheSameGraphWhenImportedAgain() {
        bulkImport(seed);
        List<String> first = graph();
        assertThat(first).isNotEmpty();

        bulkImport(seed);

        assertThat(graph()).containsExactlyElementsOf(first);
    }

    @Test
    void shouldRefuseABadRowNamingFileLineAndFieldBeforeWritingAnything() {
        bulkImport(seed);
        List<String> before = graph();
        Path broken = SeedFixtures.copyOf(seed, temp.resolve("broken"));
        SeedFixtures.replaceCell(broken, "evidence.csv", 1500, "asserts", "lo-999999@3");

        assertThatThrownBy(() -> bulkImport(broken))
                .isInstanceOf(InvalidSeedException.class)
                .hasMessageContaining("evidence.csv:1500: field 'asserts': 'lo-999999' is not an id in outcomes.csv")
                .hasMessageContaining("nothing was written");
        assertThat(graph()).containsExactlyElementsOf(before);
    }

    @Test
    void shouldRemoveItsOwnWritesWhenAWriteFailsHalfWay() {
        RuntimeException failure = new IllegalStateException("disk full (simulated)");
        BulkSeedWriter failing = writer(batch -> {
            if (batch == 8) {
                throw failure;
            }
        });

        assertThatThrownBy(() -> failing.write(SeedParser.validateStreaming(seed), "test")).isSameAs(failure);

        assertThat(graph()).isEmpty();
        assertThat(marker("status")).isNull();
    }

    @Test
    void shouldKeepTheEarlierSeedsRecordsAndSayFailedWhenReplacingItFailsHalfWay() {
        bulkImport(seed);
        List<String> before = graph();
        Path edited = SeedFixtures.copyOf(seed, temp.resolve("edited"));
        SeedFixtures.replaceCell(edited, "people.csv", 2, "name", "Edited Name");
        BulkSeedWriter failing = writer(batch -> {
            if (batch == 12) {
                throw new IllegalStateException("connection lost (simulated)");
            }
        });

        assertThatThrownBy(() -> failing.write(SeedParser.validateStreaming(edited), "test"))
                .hasMessageContaining("simulated");

        // same records and relationships; nodes both seeds hold may already carry new values
        assertThat(graph()).hasSameSizeAs(before);
        assertThat(marker("status")).isEqualTo("FAILED");
        assertThat(marker("contentHash")).isNull();

        bulkImport(edited);
        assertThat(marker("status")).isEqualTo("COMPLETE");
        assertThat(graph()).hasSameSizeAs(before).contains(before.stream()
                .filter(line -> line.contains("Person") && !line.contains("p-0000000")).findFirst().orElseThrow());
        assertThat(driver.executableQuery("MATCH (p:Person {id: 'p-0000000'}) RETURN p.name AS n").execute()
                .records().get(0).get("n").asString()).isEqualTo("Edited Name");
    }

    /** What an offline load into a new database directory under {@code temp} gives, read over Bolt. */
    private static <T> T offlineLoaded(String home, java.util.function.Function<Driver, T> read) {
        return offlineLoaded(seed, home, read);
    }

    private static <T> T offlineLoaded(Path seed, String home, java.util.function.Function<Driver, T> read) {
        Path neo4jHome = temp.resolve(home);
        OfflineSeedImport.load(seed, neo4jHome, 64L << 20, null);
        try (EmbeddedNeo4jServer loaded = EmbeddedNeo4jServer.start(neo4jHome, 0, "32m");
                Driver loadedDriver = GraphDatabase.driver(loaded.boltUri())) {
            new GraphSchema(loadedDriver).ensure();
            return read.apply(loadedDriver);
        }
    }

    @Test
    void shouldLoadTheSameGraphOfflineIntoANewDatabaseWithACompleteMarker() {
        ParsedSeed parsed = SeedParser.parse(seed);
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> SeedWriter.write(tx, parsed));
        }
        List<String> oneTransaction = graph();

        List<Object> offline = offlineLoaded("offline-home", loaded -> List.of(graph(loaded),
                java.util.Arrays.asList(marker(loaded, "status"), marker(loaded, "contentHash"))));

        assertThat(offline.get(0)).isEqualTo(oneTransaction);
        assertThat(offline.get(1)).isEqualTo(List.of("COMPLETE", parsed.contentHash()));
    }

    /** Every first start loads offline, so the shipped seed (files the synthetic one leaves empty) must come out the same. */
    @Test
    void shouldLoadTheShippedSeedOfflineAsTheOneTransactionImportWritesIt() {
        Path shipped = Path.of("graph-seed");
        ParsedSeed parsed = SeedParser.parse(shipped);
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> SeedWriter.write(tx, parsed));
        }
        List<String> oneTransaction = graph();
        assertThat(oneTransaction).hasSize(parsed.nodes().size() + parsed.relationships().size());

        List<String> offline = offlineLoaded(shipped, "offline-shipped", BulkSeedImportTest::graph);

        assertThat(offline).isEqualTo(oneTransaction);
    }

    @Test
    void shouldRefuseABadRowOfflineNamingFileLineAndFieldAndCreateNoDatabase() {
        Path broken = SeedFixtures.copyOf(seed, temp.resolve("broken-offline"));
        SeedFixtures.replaceCell(broken, "evidence.csv", 1500, "asserts", "lo-999999@3");
        Path neo4jHome = temp.resolve("offline-refused");

        assertThatThrownBy(() -> OfflineSeedImport.load(broken, neo4jHome, 64L << 20, null))
                .isInstanceOf(InvalidSeedException.class)
                .hasMessageContaining("evidence.csv:1500: field 'asserts': 'lo-999999' is not an id in outcomes.csv");
        assertThat(OfflineSeedImport.databaseExists(neo4jHome)).isFalse();
    }

    @Test
    void shouldLeaveNoDatabaseWhenTheOfflineLoadFailsHalfWay() throws Exception {
        Path changing = SeedFixtures.copyOf(seed, temp.resolve("changing"));
        SeedParser.Validated validated = SeedParser.validateStreaming(changing);
        // a file that changes after validation makes the replay, i.e. the importer's input, fail
        java.nio.file.Files.writeString(changing.resolve("evidence.csv"), "\n", java.nio.file.StandardOpenOption.APPEND);
        Path neo4jHome = temp.resolve("offline-failed");

        assertThatThrownBy(() -> OfflineSeedImport.load(validated, "test", neo4jHome, 64L << 20, null))
                .hasMessageContaining("evidence.csv").hasMessageContaining("changed while it was being imported");
        assertThat(OfflineSeedImport.databaseExists(neo4jHome)).isFalse();
        assertThat(java.nio.file.Files.exists(neo4jHome.resolve("data/databases/seed-import-staging"))).isFalse();
    }

    @Test
    void shouldLoadOfflineOnlyOnAFirstStartOfALargeEnoughSeed() {
        Path neo4jHome = temp.resolve("first-start");
        SeedProperties enabled = new SeedProperties(true, seed, false, true,
                org.springframework.util.unit.DataSize.ofMegabytes(64));
        SeedProperties disabled = new SeedProperties(true, seed, false, false,
                org.springframework.util.unit.DataSize.ofMegabytes(64));

        assertThat(InitialSeedLoad.loadIfFirstStart(enabled, neo4jHome, Long.MAX_VALUE)).isFalse();
        assertThat(InitialSeedLoad.loadIfFirstStart(disabled, neo4jHome, 0)).isFalse();
        assertThat(OfflineSeedImport.databaseExists(neo4jHome)).isFalse();
        assertThat(InitialSeedLoad.loadIfFirstStart(enabled, neo4jHome, 0)).isTrue();
        assertThat(OfflineSeedImport.databaseExists(neo4jHome)).isTrue();
        assertThat(InitialSeedLoad.loadIfFirstStart(enabled, neo4jHome, 0)).isFalse();
    }

    @Test
    void shouldRefuseAnOfflineLoadIntoAnExistingDatabase() {
        Path neo4jHome = temp.resolve("existing");
        EmbeddedNeo4jServer.start(neo4jHome, 0, "32m").close();

        assertThatThrownBy(() -> OfflineSeedImport.load(seed, neo4jHome, 64L << 20, null))
                .hasMessageContaining("exists already");
    }
}
