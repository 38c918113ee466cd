package nl.leerroute.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import nl.leerroute.seed.ParsedSeed.NodeRecord;
import nl.leerroute.seed.ParsedSeed.RelationshipRecord;
import nl.leerroute.seed.SeedSchema.FileSpec;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a validated seed too large for one transaction (a national catalogue with a million
 * people) in batches of {@link #BATCH} rows, one transaction each.
 *
 * <p>What a reader can see, precisely: the seed was validated completely before this writer runs,
 * so a refused seed never gets here. While it writes, the {@code SeedImport} marker says
 * {@code status: 'WRITING'} and holds no content hash, so a start-up never mistakes a half-written
 * graph for this seed. Every node and relationship written carries {@code seedImport} (this
 * import's id); nodes it created also carry {@code seedCreatedBy}. Records of an earlier seed are
 * removed only after everything new is written. If a write fails, what this import created is
 * removed again (its relationships and the nodes it created); nodes that both seeds hold keep the
 * properties already written, so the marker then says {@code status: 'FAILED'} (no hash) and the
 * next import or start writes the seed again. On a graph that held no seed before, a failed
 * import leaves nothing behind.
 */
final class BulkSeedWriter {

    private static final Logger log = LoggerFactory.getLogger(BulkSeedWriter.class);

    static final int BATCH = 20_000;
    private static final int BATCHES_IN_FLIGHT = 3;

    /** Lets a test make a write fail half-way (called before each batch is written). */
    interface BatchHook {
        void beforeBatch(long batchNumber);
    }

    record Result(String importId, long nodes, long relationships) {
    }

    private final Driver driver;
    private final BatchHook hook;
    private final String importId = UUID.randomUUID().toString();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "seed-bulk-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final Semaphore inFlight = new Semaphore(BATCHES_IN_FLIGHT);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong nodesWritten = new AtomicLong();
    private final AtomicLong relationshipsWritten = new AtomicLong();
    private final List<Future<?>> pending = new ArrayList<>();

    BulkSeedWriter(Driver driver, BatchHook hook) {
        this.driver = driver;
        this.hook = hook;
    }

    /**
     * @throws RuntimeException the first write failure, after this import's writes were removed
     */
    Result write(SeedParser.Validated seed, String location) {
        long started = System.nanoTime();
        boolean hadSeed;
        try (Session session = driver.session()) {
            // seed data without a marker counts too (a one-transaction import writes both at once, but be safe)
            hadSeed = session.run("OPTIONAL MATCH (s:SeedImport {id: 'seed'}) RETURN s IS NOT NULL OR "
                    + "EXISTS { MATCH (n) WHERE n.origin = $origin } AS present", Map.of("origin", SeedWriter.ORIGIN))
                    .single().get("present").asBoolean();
            session.run("MERGE (s:SeedImport {id: 'seed'}) SET s.status = 'WRITING', s.contentHash = null, "
                    + "s.importId = $import, s.location = $location, s.startedAt = datetime()",
                    Map.of("import", importId, "location", location)).consume();
        }
        try {
            for (FileSpec spec : seed.files()) {
                Batches nodes = new Batches();
                seed.replay(spec, nodes.nodesOnly());
                nodes.flushAll();
                Batches relationships = new Batches();
                seed.replay(spec, relationships.relationshipsOnly());
                relationships.flushAll();
                log.info("Bulk seed import {}: {} written ({} nodes, {} relationships so far, {} s)", importId,
                        spec.file(), nodesWritten.get(), relationshipsWritten.get(), seconds(started));
            }
            Batches regions = new Batches();
            seed.replayRegions(regions.nodesOnly());
            regions.flushAll();
            Batches regionLinks = new Batches();
            seed.replayRegions(regionLinks.relationshipsOnly());
            regionLinks.flushAll();
            awaitWrites();
            if (relationshipsWritten.get() != seed.relationships() || nodesWritten.get() != seed.nodes()) {
                throw new IllegalStateException("wrote " + nodesWritten.get() + " nodes and "
                        + relationshipsWritten.get() + " relationships, the seed has " + seed.nodes() + " and "
                        + seed.relationships());
            }
        } catch (RuntimeException e) {
            writer.shutdownNow();
            rollBack(hadSeed);
            throw e;
        } finally {
            writer.shutdown();
        }
        if (hadSeed) {
            removeEarlierSeed();
        }
        try (Session session = driver.session()) {
            session.run("MATCH (s:SeedImport {id: 'seed'}) SET s.status = 'COMPLETE', s.contentHash = $hash, "
                    + "s.nodes = $nodes, s.relationships = $relationships, s.importedAt = datetime()",
                    Map.of("hash", seed.contentHash(), "nodes", nodesWritten.get(), "relationships",
                            relationshipsWritten.get())).consume();
        }
        log.info("Bulk seed import {} done: {} nodes, {} relationships in {} s", importId, nodesWritten.get(),
                relationshipsWritten.get(), seconds(started));
        return new Result(importId, nodesWritten.get(), relationshipsWritten.get());
    }

    private static long seconds(long started) {
        return (System.nanoTime() - started) / 1_000_000_000L;
    }

    /** Records of earlier imports that this one did not write again, in batches of their own. */
    private void removeEarlierSeed() {
        try (Session session = driver.session()) {
            session.run("MATCH ()-[r]->() WHERE r.origin = $origin AND coalesce(r.seedImport, '') <> $import "
                    + "CALL (r) { DELETE r } IN TRANSACTIONS OF " + BATCH + " ROWS",
                    Map.of("origin", SeedWriter.ORIGIN, "import", importId)).consume();
            session.run("MATCH (n) WHERE n.origin = $origin AND coalesce(n.seedImport, '') <> $import "
                    + "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF " + BATCH + " ROWS",
                    Map.of("origin", SeedWriter.ORIGIN, "import", importId)).consume();
        }
    }

    private void rollBack(boolean hadSeed) {
        log.warn("Bulk seed import {} failed; removing what it wrote", importId);
        try (Session session = driver.session()) {
            session.run("MATCH ()-[r]->() WHERE r.seedImport = $import "
                    + "CALL (r) { DELETE r } IN TRANSACTIONS OF " + BATCH + " ROWS", Map.of("import", importId))
                    .consume();
            session.run("MATCH (n) WHERE n.seedCreatedBy = $import "
                    + "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF " + BATCH + " ROWS",
                    Map.of("import", importId)).consume();
            if (hadSeed) {
                session.run("MATCH (s:SeedImport {id: 'seed'}) SET s.status = 'FAILED'").consume();
            } else {
                session.run("MATCH (s:SeedImport {id: 'seed'}) DELETE s").consume();
            }
        } catch (RuntimeException e) {
            log.error("Bulk seed import {}: removing its writes failed too; the marker says WRITING, so the next "
                    + "import writes the seed again", importId, e);
        }
    }

    private void submit(String cypher, List<Map<String, Object>> rows, boolean nodes) {
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        }
        long number = batches.incrementAndGet();
        pending.add(writer.submit(() -> {
            try {
                if (failure.get() != null) {
                    return;
                }
                hook.beforeBatch(number);
                try (Session session = driver.session()) {
                    var counters = session.executeWrite(tx -> tx.run(cypher,
                            Map.of("rows", rows, "import", importId)).consume().counters());
                    if (nodes) {
                        nodesWritten.addAndGet(rows.size());
                    } else {
                        relationshipsWritten.addAndGet(counters.relationshipsCreated());
                    }
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                inFlight.release();
            }
        }));
        pending.removeIf(Future::isDone);
    }

    private void awaitWrites() {
        for (Future<?> future : List.copyOf(pending)) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while importing", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
    }

    /** Rows grouped by the statement that writes them, sent whenever a group is full. */
    private final class Batches {
        private final Map<String, List<Map<String, Object>>> groups = new HashMap<>();
        private final Map<String, Boolean> kinds = new HashMap<>();

        private void add(String cypher, Map<String, Object> row, boolean nodes) {
            List<Map<String, Object>> rows = groups.computeIfAbsent(cypher, c -> new ArrayList<>());
            kinds.put(cypher, nodes);
            rows.add(row);
            if (rows.size() >= BATCH) {
                submit(cypher, List.copyOf(rows), nodes);
                rows.clear();
            }
        }

        void flushAll() {
            groups.forEach((cypher, rows) -> {
                if (!rows.isEmpty()) {
                    submit(cypher, List.copyOf(rows), kinds.get(cypher));
                }
            });
            groups.clear();
        }

        SeedParser.Sink nodesOnly() {
            return new SeedParser.Sink() {
                @Override
                public void node(NodeRecord node) {
                    Map<String, Object> properties = new LinkedHashMap<>(node.properties());
                    properties.put("origin", SeedWriter.ORIGIN);
                    properties.put("seedImport", importId);
                    add(nodeStatement(node.labels()), Map.of("id", node.id(), "properties", properties), true);
                }

                @Override
                public void relationship(RelationshipRecord relationship) {
                }
            };
        }

        SeedParser.Sink relationshipsOnly() {
            return new SeedParser.Sink() {
                @Override
                public void node(NodeRecord node) {
                }

                @Override
                public void relationship(RelationshipRecord r) {
                    Map<String, Object> properties = new LinkedHashMap<>(r.properties());
                    properties.put("origin", SeedWriter.ORIGIN);
                    properties.put("seedImport", importId);
                    add(relationshipStatement(r.fromLabel(), r.toLabel()), Map.of("from", r.fromId(), "to", r.toId(),
                            "type", r.type(), "properties", properties), false);
                }
            };
        }
    }

    /** One statement per label combination, so that Neo4j plans each once and seeks the id index. */
    static String nodeStatement(List<String> labels) {
        String extra = labels.stream().skip(1).map(l -> ":`" + l + "`").collect(Collectors.joining());
        return "UNWIND $rows AS row MERGE (n:`" + labels.get(0) + "` {id: row.id}) "
                + "ON CREATE SET n = row.properties, n.seedCreatedBy = $import ON MATCH SET n = row.properties"
                + (extra.isEmpty() ? "" : " SET n" + extra);
    }

    static String relationshipStatement(String fromLabel, String toLabel) {
        return "UNWIND $rows AS row MATCH (a:`" + fromLabel + "` {id: row.from}) MATCH (b:`" + toLabel
                + "` {id: row.to}) CREATE (a)-[r:$(row.type)]->(b) SET r = row.properties";
    }
}
