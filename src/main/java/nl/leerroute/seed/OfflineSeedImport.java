package nl.leerroute.seed;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import nl.leerroute.seed.ParsedSeed.NodeRecord;
import nl.leerroute.seed.ParsedSeed.RelationshipRecord;
import nl.leerroute.seed.SeedSchema.FileSpec;
import org.neo4j.internal.batchimport.DefaultAdditionalIds;
import org.neo4j.batchimport.api.BatchImporter;
import org.neo4j.batchimport.api.Configuration;
import org.neo4j.batchimport.api.InputIterable;
import org.neo4j.batchimport.api.InputIterator;
import org.neo4j.batchimport.api.Monitor;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.batchimport.api.input.Group;
import org.neo4j.batchimport.api.input.IdType;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.batchimport.api.input.InputChunk;
import org.neo4j.batchimport.api.input.InputEntityVisitor;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.internal.batchimport.input.Groups;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.fs.FileSystemAbstraction;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.layout.Neo4jLayout;
import org.neo4j.io.pagecache.context.CursorContextFactory;
import org.neo4j.io.pagecache.tracing.PageCacheTracer;
import org.neo4j.kernel.impl.index.schema.IndexImporterFactoryImpl;
import org.neo4j.kernel.impl.scheduler.JobSchedulerFactory;
import org.neo4j.kernel.impl.transaction.log.files.TransactionLogInitializer;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.logging.internal.SimpleLogService;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.scheduler.JobScheduler;
import org.neo4j.storageengine.api.StorageEngineFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first load of a national-size seed into an embedded database that does not exist yet, with
 * Neo4j's own offline importer (the engine of {@code neo4j-admin database import full}) fed directly
 * by {@link SeedParser}: no intermediate files, and none of the transactional path's per-record
 * costs (transaction state, locks, online index updates), which make a
 * {@link BulkSeedWriter} import of 48 million records take half an hour on two cores.
 *
 * <p>Only a database that was never created can be loaded this way, so this runs before the
 * database management service starts. The seed is validated completely first
 * ({@link SeedParser#validateStreaming}: a bad row is refused naming file, line and field, and
 * nothing is written). The store is written under a temporary database name and moved into place
 * only when complete, so a failure, or a JVM killed half-way, leaves no database behind: the next
 * start finds none and loads again. The graph is the one the other import paths write (same
 * labels, properties, {@code origin}, import ids, and a {@code COMPLETE} {@code SeedImport} marker
 * with the content hash); indexes and constraints are created by {@link nl.leerroute.database.GraphSchema}
 * when the database starts.
 */
public final class OfflineSeedImport {

    private static final Logger log = LoggerFactory.getLogger(OfflineSeedImport.class);

    /** Records per chunk handed to the importer's threads. */
    private static final int CHUNK = 4_096;
    private static final int CHUNKS_IN_FLIGHT = 16;
    private static final String STAGING = "seed-import-staging";

    /** What was loaded. */
    public record Result(long importId, long nodes, long relationships, String contentHash) {
    }

    private OfflineSeedImport() {
    }

    /** Whether the embedded database with its data under {@code neo4jHome} was ever created. */
    public static boolean databaseExists(Path neo4jHome) {
        Neo4jLayout layout = Neo4jLayout.of(neo4jHome.toAbsolutePath());
        return Files.exists(layout.databaseLayout(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).databaseDirectory());
    }

    /**
     * Validates the seed in {@code seedDirectory} and loads it as the default database under
     * {@code neo4jHome}, which must not hold one yet.
     *
     * @param offHeapBytes memory the importer may use outside the heap (its id mapper and caches)
     * @param progress     where the importer prints its stages, or null for nowhere
     * @throws InvalidSeedException before anything is written, listing every problem
     */
    public static Result load(Path seedDirectory, Path neo4jHome, long offHeapBytes, PrintStream progress) {
        return load(SeedParser.validateStreaming(seedDirectory), seedDirectory.toAbsolutePath().normalize().toString(),
                neo4jHome, offHeapBytes, progress);
    }

    static Result load(SeedParser.Validated seed, String location, Path neo4jHome, long offHeapBytes,
            PrintStream progress) {
        if (databaseExists(neo4jHome)) {
            throw new IllegalStateException("The database in " + neo4jHome + " exists already; the offline import "
                    + "only creates a new one");
        }
        long started = System.nanoTime();
        long importId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, neo4jHome.toAbsolutePath()).build();
        Neo4jLayout neo4jLayout = Neo4jLayout.of(config);
        StorageEngineFactory engine = StorageEngineFactory.selectStorageEngine(config);
        DatabaseLayout staging = engine.databaseLayout(neo4jLayout, STAGING);
        DatabaseLayout target = engine.databaseLayout(neo4jLayout, GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        PrintStream out = progress != null ? progress : new PrintStream(OutputStream.nullOutputStream());
        try (FileSystemAbstraction fs = new DefaultFileSystemAbstraction();
                JobScheduler scheduler = JobSchedulerFactory.createInitialisedScheduler()) {
            deleteStaging(fs, staging);
            Configuration importConfig = new Configuration() {
                @Override
                public long maxOffHeapMemory() {
                    return offHeapBytes;
                }
            };
            BatchImporter importer = engine.batchImporter(staging, fs, PageCacheTracer.NULL, importConfig,
                    new SimpleLogService(NullLogProvider.getInstance()), out, false, DefaultAdditionalIds.EMPTY, config,
                    Monitor.NO_MONITOR, scheduler, Collector.STRICT, TransactionLogInitializer.getLogFilesInitializer(),
                    new IndexImporterFactoryImpl(), EmptyMemoryTracker.INSTANCE,
                    CursorContextFactory.NULL_CONTEXT_FACTORY);
            SeedInput input = new SeedInput(seed, location, importId);
            try {
                importer.doImport(input.asInput());
                Files.createDirectories(target.databaseDirectory().getParent());
                Files.createDirectories(target.getTransactionLogsDirectory().getParent());
                // transaction logs first: a database directory without them would not start
                Files.move(staging.getTransactionLogsDirectory(), target.getTransactionLogsDirectory(),
                        StandardCopyOption.ATOMIC_MOVE);
                Files.move(staging.databaseDirectory(), target.databaseDirectory(), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                deleteStaging(fs, staging);
                deleteStaging(fs, target);
                if (e instanceof InvalidSeedException invalid) {
                    throw invalid;
                }
                throw new IllegalStateException("The offline seed import into " + neo4jHome + " failed; no database "
                        + "was created: " + e.getMessage(), e);
            }
            log.info("Offline seed import {}: {} nodes, {} relationships in {} s", importId, input.nodes,
                    input.relationships, (System.nanoTime() - started) / 1_000_000_000L);
            if (input.nodes != seed.nodes() + 1 || input.relationships != seed.relationships()) {
                throw new IllegalStateException("the offline import read " + input.nodes + " nodes and "
                        + input.relationships + " relationships, the seed has " + (seed.nodes() + 1) + " (with its "
                        + "marker) and " + seed.relationships());
            }
            return new Result(importId, seed.nodes(), seed.relationships(), seed.contentHash());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    private static void deleteStaging(FileSystemAbstraction fs, DatabaseLayout layout) {
        try {
            fs.deleteRecursively(layout.databaseDirectory());
            fs.deleteRecursively(layout.getTransactionLogsDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + layout.databaseDirectory(), e);
        }
    }

    /**
     * The seed as the importer's input: one id space per primary label (ids are unique per file),
     * records converted by the parser on a thread of their own and handed over in chunks.
     */
    private static final class SeedInput {
        private final SeedParser.Validated seed;
        private final String location;
        private final long importId;
        private final Groups groups = new Groups();
        private volatile long nodes;
        private volatile long relationships;

        SeedInput(SeedParser.Validated seed, String location, long importId) {
            this.seed = seed;
            this.location = location;
            this.importId = importId;
            // every id space exists before the import starts: the importer sizes its id mapper by them
            seed.files().forEach(spec -> groups.getOrCreate(spec.labels().get(0)));
            groups.getOrCreate("Region");
            groups.getOrCreate("SeedImport");
        }

        Input asInput() {
            long nodeCount = seed.nodes() + 1;
            Input.Estimates estimates = Input.knownEstimates(nodeCount, seed.relationships(), nodeCount * 8,
                    seed.relationships() * 3, nodeCount * 8 * 16, seed.relationships() * 3 * 8, nodeCount);
            return Input.input(() -> new ChunkedIterator<NodeRecord>(this::produceNodes, this::visitNode),
                    () -> new ChunkedIterator<RelationshipRecord>(this::produceRelationships, this::visitRelationship),
                    IdType.STRING, estimates, groups);
        }

        /** Synchronized: the parser converts one file at a time, whatever the importer asks. */
        private synchronized void produceNodes(Consumer<NodeRecord> out) {
            long[] count = {0};
            SeedParser.Sink sink = new SeedParser.Sink() {
                @Override
                public void node(NodeRecord node) {
                    count[0]++;
                    out.accept(node);
                }

                @Override
                public void relationship(RelationshipRecord relationship) {
                }
            };
            for (FileSpec spec : seed.files()) {
                seed.replay(spec, sink);
            }
            seed.replayRegions(sink);
            Map<String, Object> marker = new LinkedHashMap<>();
            marker.put("id", "seed");
            marker.put("status", "COMPLETE");
            marker.put("contentHash", seed.contentHash());
            marker.put("location", location);
            marker.put("importId", importId);
            marker.put("nodes", seed.nodes());
            marker.put("relationships", seed.relationships());
            marker.put("importedAt", ZonedDateTime.now());
            out.accept(new NodeRecord(List.of("SeedImport"), "seed", marker));
            nodes = count[0] + 1;
        }

        private synchronized void produceRelationships(Consumer<RelationshipRecord> out) {
            long[] count = {0};
            SeedParser.Sink sink = new SeedParser.Sink() {
                @Override
                public void node(NodeRecord node) {
                }

                @Override
                public void relationship(RelationshipRecord relationship) {
                    count[0]++;
                    out.accept(relationship);
                }
            };
            for (FileSpec spec : seed.files()) {
                seed.replay(spec, sink);
            }
            seed.replayRegions(sink);
            relationships = count[0];
        }

        private void visitNode(NodeRecord node, InputEntityVisitor visitor) throws IOException {
            visitor.id(node.id(), group(node.labels().get(0)));
            visitor.labels(node.labels().toArray(String[]::new));
            node.properties().forEach((key, value) -> visitor.property(key, BulkSeedWriter.storable(value)));
            if (!"SeedImport".equals(node.labels().get(0))) {
                visitor.property("origin", SeedWriter.ORIGIN);
                visitor.property("seedImport", importId);
                visitor.property("seedCreatedBy", importId);
            }
            visitor.endOfEntity();
        }

        private void visitRelationship(RelationshipRecord r, InputEntityVisitor visitor) throws IOException {
            visitor.startId(r.fromId(), group(r.fromLabel()));
            visitor.endId(r.toId(), group(r.toLabel()));
            visitor.type(r.type());
            r.properties().forEach((key, value) -> visitor.property(key, BulkSeedWriter.storable(value)));
            visitor.property("origin", SeedWriter.ORIGIN);
            visitor.property("seedImport", importId);
            visitor.endOfEntity();
        }

        private Group group(String label) {
            return groups.get(label);
        }
    }

    /** Writes one record to the importer's visitor. */
    private interface RecordVisitor<T> {
        void visit(T record, InputEntityVisitor visitor) throws IOException;
    }

    /**
     * Hands the importer's threads chunks of records that one producer thread converts. The
     * producer's failure (a file changed since validation, say) ends the import with that failure.
     */
    private static final class ChunkedIterator<T> implements InputIterator {
        private static final List<Object> END = List.of();

        private final BlockingQueue<List<?>> queue = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
        private final RecordVisitor<T> visitor;
        private final Thread producer;
        private volatile Throwable failure;
        private boolean ended;

        ChunkedIterator(Consumer<Consumer<T>> produce, RecordVisitor<T> visitor) {
            this.visitor = visitor;
            this.producer = new Thread(() -> {
                List<T> chunk = new ArrayList<>(CHUNK);
                try {
                    produce.accept(record -> {
                        chunk.add(record);
                        if (chunk.size() == CHUNK) {
                            put(List.copyOf(chunk));
                            chunk.clear();
                        }
                    });
                    if (!chunk.isEmpty()) {
                        put(List.copyOf(chunk));
                    }
                    put(END);
                } catch (Throwable e) {
                    failure = e;
                    // the importer may have stopped taking chunks: make room for the end
                    queue.clear();
                    queue.offer(END);
                }
            }, "seed-offline-import-reader");
            producer.setDaemon(true);
            producer.start();
        }

        private void put(List<?> chunk) {
            try {
                queue.put(chunk);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while importing", e);
            }
        }

        @Override
        public InputChunk newChunk() {
            return new RecordChunk<>(visitor);
        }

        @Override
        @SuppressWarnings("unchecked")
        public synchronized boolean next(InputChunk chunk) throws IOException {
            if (ended) {
                return false;
            }
            List<?> records;
            try {
                records = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while importing", e);
            }
            if (records == END) {
                ended = true;
                if (failure != null) {
                    if (failure instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IOException(failure);
                }
                return false;
            }
            ((RecordChunk<T>) chunk).records = (List<T>) records;
            ((RecordChunk<T>) chunk).next = 0;
            return true;
        }

        @Override
        public void close() {
            producer.interrupt();
        }
    }

    private static final class RecordChunk<T> implements InputChunk {
        private final RecordVisitor<T> visitor;
        private List<T> records = List.of();
        private int next;

        RecordChunk(RecordVisitor<T> visitor) {
            this.visitor = visitor;
        }

        @Override
        public boolean next(InputEntityVisitor entityVisitor) throws IOException {
            if (next >= records.size()) {
                return false;
            }
            visitor.visit(records.get(next++), entityVisitor);
            return true;
        }

        @Override
        public void close() {
        }
    }
}
