package nl.leerroute.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import nl.leerroute.database.EmbeddedNeo4jServer;
import nl.leerroute.database.GraphSchema;
import nl.leerroute.scale.Machine;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * Generates the synthetic seeds (if absent) and imports each into a fresh embedded database
 * under {@code target/scale/}, printing generation, validation and write times with the machine
 * load. Not part of {@code mvn verify}; run (README, "Scale and speed"):
 * <pre>
 * mvn -q -B test-compile exec:java -Dexec.mainClass=nl.leerroute.seed.ImportBenchmark -Dexec.classpathScope=test \
 *     -Dexec.args="0.01,0.1,1"
 * </pre>
 * Properties: {@code -Dbench.path=offline} (default: Neo4j's offline importer into a new database,
 * {@link OfflineSeedImport}), {@code embedded} (transactional batches through the embedded API) or
 * {@code cypher} (transactional batches through Bolt and Cypher), {@code -Dbench.offHeap=<bytes>} (the
 * offline importer's memory), {@code -Dbench.verbose=true} (the offline importer's progress),
 * {@code -Dbench.pageCache=2g} (page cache of the database), {@code -Dbench.keep=true} keeps the
 * databases (the serving benchmark reuses them as {@code target/scale/db-<scale>}).
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static Path seedDirectory(String scale) {
        return Path.of("target/scale/seed-" + scale);
    }

    public static Path databaseDirectory(String scale) {
        return Path.of("target/scale/db-" + scale);
    }

    public static void main(String[] args) {
        List<String> scales = List.of((args.length > 0 ? args[0] : "0.01").split(","));
        String pageCache = System.getProperty("bench.pageCache", "1g");
        System.out.println("Import benchmark: " + Machine.describe() + ", page cache " + pageCache);
        for (String scale : scales) {
            run(scale, pageCache);
        }
    }

    private static void run(String scale, String pageCache) {
        Path seed = seedDirectory(scale);
        SyntheticSeed.Size size = SyntheticSeed.Size.scaled(Double.parseDouble(scale));
        long started = System.nanoTime();
        if (!Files.exists(seed.resolve("manifest.properties"))) {
            SyntheticSeed.generate(seed, size, 20261201L);
            System.out.printf("scale %s: generated %s in %.1f s (%s)%n", scale, size, seconds(started),
                    Machine.load());
        }
        Path database = databaseDirectory(scale);
        delete(database);
        String path = System.getProperty("bench.path", "offline");
        if (path.equals("offline")) {
            offline(scale, seed, database, pageCache);
        } else {
            transactional(scale, seed, database, pageCache, path.equals("cypher"));
        }
        if (!Boolean.getBoolean("bench.keep")) {
            delete(database);
        }
    }

    /** A first load: validation, Neo4j's offline importer, then the start that creates the schema. */
    private static void offline(String scale, Path seed, Path database, String pageCache) {
        double cpuBefore = Machine.cpuSeconds();
        long validating = System.nanoTime();
        SeedParser.Validated validated = validate(scale, seed);
        double validation = seconds(validating);
        long writing = System.nanoTime();
        OfflineSeedImport.Result result = OfflineSeedImport.load(validated, seed.toAbsolutePath().toString(), database,
                Long.getLong("bench.offHeap", 4L << 30), Boolean.getBoolean("bench.verbose") ? System.out : null);
        double write = seconds(writing);
        System.out.printf("scale %s: offline import wrote %,d nodes, %,d relationships in %.1f s (%s)%n", scale,
                result.nodes(), result.relationships(), write, Machine.load());
        long starting = System.nanoTime();
        double schema;
        long nodes;
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(database, 0, pageCache);
                Driver driver = GraphDatabase.driver(server.boltUri())) {
            double start = seconds(starting);
            long indexing = System.nanoTime();
            new GraphSchema(driver).ensure();
            schema = seconds(indexing);
            nodes = driver.executableQuery("MATCH (n) RETURN count(n) AS c").execute().records().get(0).get("c")
                    .asLong();
            System.out.printf("scale %s: database started in %.1f s, indexes and constraints built in %.1f s; "
                    + "%,d nodes in the graph (%s)%n", scale, start, schema, nodes, Machine.load());
            write += seconds(starting);
        }
        double cpu = Machine.cpuSeconds() - cpuBefore;
        System.out.printf("scale %s: IMPORT (offline) %.1f s (validate %.1f s + import, start and schema %.1f s; "
                + "%.0f CPU s) for %,d nodes and %,d relationships = %,.0f records/s; live heap after import %d MB; "
                + "store %d MB (%s)%n", scale, validation + write, validation, write, cpu, result.nodes(),
                result.relationships(), (result.nodes() + result.relationships()) / (validation + write),
                Machine.liveHeapMb(), megabytes(database), Machine.load());
    }

    /** Transactional batches into a running database (a replaced seed, or an external Neo4j). */
    private static void transactional(String scale, Path seed, Path database, String pageCache, boolean cypher) {
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(database, 0, pageCache);
                Driver driver = GraphDatabase.driver(server.boltUri())) {
            new GraphSchema(driver).ensure();
            double cpuBefore = Machine.cpuSeconds();
            long validating = System.nanoTime();
            SeedParser.Validated validated = validate(scale, seed);
            double validation = seconds(validating);
            long writing = System.nanoTime();
            BulkSeedWriter.Result result = new BulkSeedWriter(driver,
                    cypher ? BulkSeedWriter.cypher(driver) : BulkSeedWriter.embedded(server.database()), batch -> { })
                    .write(validated, seed.toAbsolutePath().toString());
            double write = seconds(writing);
            double cpu = Machine.cpuSeconds() - cpuBefore;
            System.out.printf("scale %s: IMPORT (%s) %.1f s (validate %.1f s + write %.1f s; %.0f CPU s) for %,d nodes "
                    + "and %,d relationships = %,.0f records/s written; live heap after import %d MB; store %d MB (%s)%n",
                    scale, cypher ? "Bolt" : "embedded API", validation + write, validation, write, cpu, result.nodes(),
                    result.relationships(), (result.nodes() + result.relationships()) / write, Machine.liveHeapMb(),
                    megabytes(database), Machine.load());
        }
    }

    private static SeedParser.Validated validate(String scale, Path seed) {
        long validating = System.nanoTime();
        SeedParser.Validated validated = SeedParser.validateStreaming(seed);
        System.out.printf("scale %s: validated %,d nodes, %,d relationships in %.1f s (%s)%n", scale,
                validated.nodes(), validated.relationships(), seconds(validating), Machine.load());
        return validated;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static long megabytes(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() >> 20;
        } catch (IOException e) {
            return -1;
        }
    }

    public static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
