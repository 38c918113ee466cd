package nl.leerroute.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    record Result(long importId, long nodes, long relationships) {
    }

    private final Driver driver;
    private final Target target;
    private final BatchHook hook;
    private final int batchSize;
    /** A number, not a UUID text: stored inline with every record, where a 36-character text would cost a record of its own. */
    private final long importId = java.util.concurrent.ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
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
    /** Labels with no node at all before this import: their nodes are created without a MERGE's lookup. */
    private final java.util.Set<String> emptyLabels = new java.util.HashSet<>();

    /**
     * @param driver for the marker and the clean-up statements
     * @param target where the batches go: {@link #embedded} when the database runs in this JVM, else {@link #cypher}
     */
    BulkSeedWriter(Driver driver, Target target, BatchHook hook) {
        this(driver, target, hook, BATCH);
    }

    /** @param batchSize rows per transaction (tests use small batches to write a small seed in many) */
    BulkSeedWriter(Driver driver, Target target, BatchHook hook, int batchSize) {
        this.driver = driver;
        this.target = target;
        this.hook = hook;
        this.batchSize = batchSize;
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
            for (FileSpec spec : seed.files()) {
                labelIfEmpty(session, spec.labels().get(0));
            }
            labelIfEmpty(session, "Region");
            session.run("MERGE (s:SeedImport {id: 'seed'}) SET s.status = 'WRITING', s.contentHash = null, "
                    + "s.importId = $import, s.location = $location, s.startedAt = datetime()",
                    Map.of("import", importId, "location", location)).consume();
        }
        try {
            for (FileSpec spec : seed.files()) {
                if (referencesItself(spec)) {
                    // a row may point to a later row of its own file: all its nodes first, then its relationships
                    Batches nodes = new Batches();
                    seed.replay(spec, nodes.nodesOnly());
                    nodes.flushAll();
                    Batches relationships = new Batches();
                    seed.replay(spec, relationships.relationshipsOnly());
                    relationships.flushAll();
                } else {
                    Batches both = new Batches();
                    seed.replay(spec, both.both());
                    both.flushAll();
                }
                log.info("Bulk seed import {}: {} sent ({} nodes, {} relationships written so far, {} s)", importId,
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

    private void labelIfEmpty(Session session, String label) {
        // a count by label is answered from Neo4j's count store, without a scan
        if (session.run("MATCH (n:`" + label + "`) RETURN count(n) AS c").single().get("c").asLong() == 0) {
            emptyLabels.add(label);
        }
    }

    /** Whether rows of this file may reference other rows of it (a parent institution, a required unit). */
    static boolean referencesItself(FileSpec spec) {
        return spec.columns().stream().anyMatch(c -> c instanceof SeedSchema.Requirements
                || c instanceof SeedSchema.Reference r && r.targets().contains(spec.kind())
                || c instanceof SeedSchema.ReferenceList r && r.targets().contains(spec.kind()));
    }

    private static long seconds(long started) {
        return (System.nanoTime() - started) / 1_000_000_000L;
    }

    /** Records of earlier imports that this one did not write again, in batches of their own. */
    private void removeEarlierSeed() {
        try (Session session = driver.session()) {
            session.run("MATCH ()-[r]->() WHERE r.origin = $origin AND coalesce(r.seedImport, -1) <> $import "
                    + "CALL (r) { DELETE r } IN TRANSACTIONS OF " + batchSize + " ROWS",
                    Map.of("origin", SeedWriter.ORIGIN, "import", importId)).consume();
            session.run("MATCH (n) WHERE n.origin = $origin AND coalesce(n.seedImport, -1) <> $import "
                    + "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF " + batchSize + " ROWS",
                    Map.of("origin", SeedWriter.ORIGIN, "import", importId)).consume();
        }
    }

    private void rollBack(boolean hadSeed) {
        log.warn("Bulk seed import {} failed; removing what it wrote", importId);
        try (Session session = driver.session()) {
            session.run("MATCH ()-[r]->() WHERE r.seedImport = $import "
                    + "CALL (r) { DELETE r } IN TRANSACTIONS OF " + batchSize + " ROWS", Map.of("import", importId))
                    .consume();
            session.run("MATCH (n) WHERE n.seedCreatedBy = $import "
                    + "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF " + batchSize + " ROWS",
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

    private void submit(Group group, List<Map<String, Object>> rows) {
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
                if (group.nodes()) {
                    nodesWritten.addAndGet(target.nodes(group.labels(), group.create(), rows, importId));
                } else {
                    relationshipsWritten.addAndGet(target.relationships(group.labels().get(0), group.labels().get(1),
                            rows));
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

    /** What one batch writes: nodes of these labels (created or merged), or relationships between two labels. */
    private record Group(boolean nodes, List<String> labels, boolean create) {
    }

    /** Rows grouped by what writes them, sent whenever a group is full. */
    private final class Batches {
        private final Map<Group, List<Map<String, Object>>> groups = new HashMap<>();
        private final Map<Group, Integer> weights = new HashMap<>();
        /** per relationship group: the start node of its last row and that row's relationships */
        private final Map<Group, String> lastFrom = new HashMap<>();
        private final Map<Group, List<Map<String, Object>>> lastRels = new HashMap<>();

        /** Relationship groups that are full but wait until the node of the row they belong to was added. */
        private final java.util.Set<Group> full = new java.util.LinkedHashSet<>();
        private boolean deferRelationships;

        private void add(Group group, Map<String, Object> row) {
            groups.computeIfAbsent(group, c -> new ArrayList<>()).add(row);
            if (weights.merge(group, 1, Integer::sum) >= batchSize) {
                full(group);
            }
        }

        private void full(Group group) {
            if (deferRelationships && !group.nodes()) {
                full.add(group);
            } else {
                flush(group);
            }
        }

        /** After a row's node: full relationship groups go, after every node added so far. */
        private void afterNode() {
            if (!full.isEmpty()) {
                List.copyOf(groups.keySet()).stream().filter(Group::nodes).forEach(this::flush);
                full.forEach(this::flush);
                full.clear();
            }
        }

        private void flush(Group group) {
            List<Map<String, Object>> rows = groups.get(group);
            if (rows != null && !rows.isEmpty()) {
                submit(group, List.copyOf(rows));
                rows.clear();
            }
            weights.remove(group);
            lastFrom.remove(group);
            lastRels.remove(group);
        }

        private void addRelationship(Group group, String from, Map<String, Object> rel) {
            if (from.equals(lastFrom.get(group))) {
                lastRels.get(group).add(rel);
                if (weights.merge(group, 1, Integer::sum) >= batchSize) {
                    full(group);
                }
                return;
            }
            List<Map<String, Object>> rels = new ArrayList<>(List.of(rel));
            add(group, Map.of("from", from, "rels", rels));
            if (groups.get(group) != null && !groups.get(group).isEmpty()) {
                lastFrom.put(group, from);
                lastRels.put(group, rels);
            }
        }

        void flushAll() {
            List.copyOf(groups.keySet()).stream().filter(Group::nodes).forEach(this::flush);
            List.copyOf(groups.keySet()).forEach(this::flush);
            groups.clear();
            full.clear();
        }

        /**
         * Nodes and relationships in one pass over a file whose rows reference only earlier files
         * and themselves: a full relationship group waits for the next row's node and then goes
         * after every node group, so each relationship's own node is written before it.
         */
        SeedParser.Sink both() {
            deferRelationships = true;
            SeedParser.Sink nodes = nodesOnly();
            SeedParser.Sink relationships = relationshipsOnly();
            return new SeedParser.Sink() {
                @Override
                public void node(NodeRecord node) {
                    nodes.node(node);
                    afterNode();
                }

                @Override
                public void relationship(RelationshipRecord relationship) {
                    relationships.relationship(relationship);
                }
            };
        }

        SeedParser.Sink nodesOnly() {
            return new SeedParser.Sink() {
                @Override
                public void node(NodeRecord node) {
                    Map<String, Object> properties = new LinkedHashMap<>(node.properties());
                    properties.put("origin", SeedWriter.ORIGIN);
                    properties.put("seedImport", importId);
                    add(new Group(true, node.labels(), emptyLabels.contains(node.labels().get(0))),
                            Map.of("id", node.id(), "properties", properties));
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
                    addRelationship(new Group(false, List.of(r.fromLabel(), r.toLabel()), false), r.fromId(),
                            Map.of("to", r.toId(), "type", r.type(), "properties", properties));
                }
            };
        }
    }

    /** Where batches go: Cypher over the driver (any Neo4j) or the database in this JVM (much faster). */
    interface Target {
        /** Rows {@code {id, properties}}; @return nodes written. */
        long nodes(List<String> labels, boolean create, List<Map<String, Object>> rows, long importId);

        /** Rows {@code {from, rels: [{to, type, properties}]}}; @return relationships created. */
        long relationships(String fromLabel, String toLabel, List<Map<String, Object>> rows);
    }

    /** Batches as UNWIND statements in one transaction each. */
    static Target cypher(Driver driver) {
        return new Target() {
            @Override
            public long nodes(List<String> labels, boolean create, List<Map<String, Object>> rows, long importId) {
                try (Session session = driver.session()) {
                    session.executeWriteWithoutResult(tx -> tx.run(nodeStatement(labels, create),
                            Map.of("rows", rows, "import", importId)).consume());
                }
                return rows.size();
            }

            @Override
            public long relationships(String fromLabel, String toLabel, List<Map<String, Object>> rows) {
                try (Session session = driver.session()) {
                    return session.executeWrite(tx -> tx.run(relationshipStatement(fromLabel, toLabel),
                            Map.of("rows", rows)).consume().counters().relationshipsCreated());
                }
            }
        };
    }

    /**
     * Batches written with the embedded database's own API in one transaction each: the same
     * nodes, properties and relationships as {@link #cypher}, without Bolt and Cypher per row.
     */
    static Target embedded(org.neo4j.graphdb.GraphDatabaseService database) {
        return new Target() {
            @Override
            public long nodes(List<String> labelNames, boolean create, List<Map<String, Object>> rows,
                    long importId) {
                org.neo4j.graphdb.Label[] labels = labelNames.stream().map(org.neo4j.graphdb.Label::label)
                        .toArray(org.neo4j.graphdb.Label[]::new);
                try (org.neo4j.graphdb.Transaction tx = database.beginTx()) {
                    for (Map<String, Object> row : rows) {
                        org.neo4j.graphdb.Node node = create ? null : tx.findNode(labels[0], "id", row.get("id"));
                        if (node == null) {
                            node = tx.createNode(labels);
                            node.setProperty("seedCreatedBy", importId);
                        } else {
                            for (String key : node.getPropertyKeys()) {
                                node.removeProperty(key);
                            }
                            for (org.neo4j.graphdb.Label label : labels) {
                                node.addLabel(label);
                            }
                        }
                        setProperties(node, row.get("properties"));
                    }
                    tx.commit();
                }
                return rows.size();
            }

            @Override
            @SuppressWarnings("unchecked")
            public long relationships(String fromLabel, String toLabel, List<Map<String, Object>> rows) {
                org.neo4j.graphdb.Label from = org.neo4j.graphdb.Label.label(fromLabel);
                org.neo4j.graphdb.Label to = org.neo4j.graphdb.Label.label(toLabel);
                long created = 0;
                try (org.neo4j.graphdb.Transaction tx = database.beginTx()) {
                    for (Map<String, Object> row : rows) {
                        org.neo4j.graphdb.Node start = tx.findNode(from, "id", row.get("from"));
                        if (start == null) {
                            continue; // counted as missing: the writer compares totals
                        }
                        for (Map<String, Object> rel : (List<Map<String, Object>>) row.get("rels")) {
                            org.neo4j.graphdb.Node end = tx.findNode(to, "id", rel.get("to"));
                            if (end == null) {
                                continue;
                            }
                            setProperties(start.createRelationshipTo(end,
                                    org.neo4j.graphdb.RelationshipType.withName((String) rel.get("type"))),
                                    rel.get("properties"));
                            created++;
                        }
                    }
                    tx.commit();
                }
                return created;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static void setProperties(org.neo4j.graphdb.Entity entity, Object properties) {
        ((Map<String, Object>) properties).forEach((key, value) -> entity.setProperty(key, storable(value)));
    }

    /** The embedded API stores arrays where Cypher parameters store lists. */
    static Object storable(Object value) {
        if (!(value instanceof List<?> list)) {
            return value;
        }
        if (list.isEmpty() || list.get(0) instanceof String) {
            return list.toArray(String[]::new);
        }
        if (list.get(0) instanceof java.time.LocalDate) {
            return list.toArray(java.time.LocalDate[]::new);
        }
        if (list.get(0) instanceof Long) {
            return list.stream().mapToLong(Long.class::cast).toArray();
        }
        if (list.get(0) instanceof Double) {
            return list.stream().mapToDouble(Double.class::cast).toArray();
        }
        throw new IllegalArgumentException("cannot store a list of " + list.get(0).getClass());
    }

    /**
     * One statement per label combination, so that Neo4j plans each once and seeks the id index.
     * A label that had no node before the import needs no lookup: CREATE (the uniqueness constraint
     * still refuses a repeated id).
     */
    static String nodeStatement(List<String> labels, boolean create) {
        String extra = labels.stream().skip(1).map(l -> ":`" + l + "`").collect(Collectors.joining());
        String label = "`" + labels.get(0) + "`";
        return (create ? "UNWIND $rows AS row CREATE (n:" + label + ") SET n = row.properties, "
                + "n.seedCreatedBy = $import"
                : "UNWIND $rows AS row MERGE (n:" + label + " {id: row.id}) "
                + "ON CREATE SET n = row.properties, n.seedCreatedBy = $import ON MATCH SET n = row.properties")
                + (extra.isEmpty() ? "" : " SET n" + extra);
    }

    /** Relationships grouped by their start node, which is looked up once for all of them. */
    static String relationshipStatement(String fromLabel, String toLabel) {
        return "UNWIND $rows AS row MATCH (a:`" + fromLabel + "` {id: row.from}) UNWIND row.rels AS rel "
                + "MATCH (b:`" + toLabel + "` {id: rel.to}) CREATE (a)-[r:$(rel.type)]->(b) SET r = rel.properties";
    }
}
