package nl.leerroute.seed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import nl.leerroute.database.CatalogueRevision;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Validates a seed directory completely, then writes it to the graph: in one transaction when it
 * is small (the shipped seed), in batches ({@link BulkSeedWriter}) when it is too large for one
 * transaction or replaces a seed that was.
 */
@Service
public class SeedImporter {

    private static final Logger log = LoggerFactory.getLogger(SeedImporter.class);

    private final Driver driver;
    private final ApplicationEventPublisher events;
    private final org.springframework.beans.factory.ObjectProvider<nl.leerroute.database.EmbeddedNeo4jServer> embedded;

    SeedImporter(Driver driver, ApplicationEventPublisher events,
            org.springframework.beans.factory.ObjectProvider<nl.leerroute.database.EmbeddedNeo4jServer> embedded) {
        this.driver = driver;
        this.events = events;
        this.embedded = embedded;
    }

    /** Seeds whose files together are larger than this are written in batches. */
    static final long BULK_FILE_BYTES = 8L << 20;
    /** A graph holding a seed of more nodes than this is replaced in batches too. */
    static final long BULK_NODES = 200_000;

    /** The size of a seed's files together (0 for files that are missing). */
    static long filesBytes(Path directory) {
        long bytes = 0;
        for (SeedSchema.FileSpec spec : SeedSchema.FILES) {
            bytes += directory.resolve(spec.file()).toFile().length();
        }
        return bytes;
    }

    private static boolean bulk(Path directory, org.neo4j.driver.Session session) {
        long bytes = filesBytes(directory);
        long held = session.run("OPTIONAL MATCH (s:SeedImport {id: 'seed'}) RETURN coalesce(s.nodes, 0) AS nodes")
                .single().get("nodes").asLong();
        return bytes > BULK_FILE_BYTES || held > BULK_NODES;
    }

    /** What an import did. */
    public record ImportResult(boolean written, String contentHash, int nodes, int relationships, Duration took) {
    }

    /** Published after a seed was written, so caches of the catalogue can be rebuilt. */
    public record SeedImported(String contentHash) {
    }

    /**
     * @param force write even when the graph already holds a seed with the same content hash
     * @throws InvalidSeedException before anything is written, listing every problem
     */
    public ImportResult importSeed(Path directory, boolean force) {
        long started = System.nanoTime();
        try (var session = driver.session()) {
            if (!force) {
                String hash = SeedParser.contentHash(directory);
                String current = session.executeRead(tx -> tx.run(
                        "OPTIONAL MATCH (s:SeedImport {id: 'seed'}) RETURN s.contentHash AS hash").single()
                        .get("hash").asString(null));
                if (hash.equals(current)) {
                    log.info("Seed in {} is already in the graph (hash {}), not importing", directory,
                            hash.substring(0, 12));
                    return new ImportResult(false, hash, 0, 0, Duration.ofNanos(System.nanoTime() - started));
                }
            }
            if (bulk(directory, session)) {
                SeedParser.Validated seed = SeedParser.validateStreaming(directory);
                nl.leerroute.database.EmbeddedNeo4jServer server = embedded.getIfAvailable();
                BulkSeedWriter.Target target = server == null ? BulkSeedWriter.cypher(driver)
                        : BulkSeedWriter.embedded(server.database());
                BulkSeedWriter.Result result = new BulkSeedWriter(driver, target, batch -> { })
                        .write(seed, directory.toAbsolutePath().normalize().toString());
                // after the batches, not in them: a replica that rebuilt half-way through rebuilds once more
                session.executeWriteWithoutResult(tx -> tx.run(CatalogueRevision.BUMP).consume());
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                log.info("Imported seed from {} in batches: {} nodes, {} relationships in {} s", directory,
                        result.nodes(), result.relationships(), took.toSeconds());
                events.publishEvent(new SeedImported(seed.contentHash()));
                return new ImportResult(true, seed.contentHash(), Math.toIntExact(result.nodes()),
                        Math.toIntExact(result.relationships()), took);
            }
            ParsedSeed seed = SeedParser.parse(directory);
            session.executeWriteWithoutResult(tx -> {
                SeedWriter.write(tx, seed);
                tx.run(CatalogueRevision.BUMP).consume();
                tx.run("MERGE (s:SeedImport {id: 'seed'}) SET s.contentHash = $hash, s.location = $location, "
                        + "s.importedAt = datetime(), s.status = 'COMPLETE', s.nodes = $nodes",
                        Map.of("hash", seed.contentHash(), "location",
                        directory.toAbsolutePath().normalize().toString(), "nodes", seed.nodes().size())).consume();
            });
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            log.info("Imported seed from {}: {} nodes, {} relationships in {} ms", directory, seed.nodes().size(),
                    seed.relationships().size(), took.toMillis());
            events.publishEvent(new SeedImported(seed.contentHash()));
            return new ImportResult(true, seed.contentHash(), seed.nodes().size(), seed.relationships().size(),
                    took);
        }
    }
}
