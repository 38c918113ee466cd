package nl.leerroute.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;

import nl.leerroute.database.GraphReader;
import nl.leerroute.database.Props;
import org.neo4j.driver.Driver;
import org.springframework.stereotype.Service;

/**
 * Who read or changed another person's data: an {@code AccessLogEntry} per person, operation and
 * request, {@code ABOUT} the person, with the account, its role, the purpose and the consent used,
 * and never the data itself.
 */
@Service
public class AccessLog {

    public enum Action { READ, CHANGE }

    /** One entry as the person sees it. */
    public record Entry(String id, String at, String accountId, String accountName, String role, String operation,
            String action, String purpose, String consentId) {

        static Entry of(Map<String, Object> n) {
            return new Entry(Props.str(n, "id"), Props.str(n, "at"), Props.str(n, "accountId"),
                    Props.str(n, "accountName"), Props.str(n, "role"), Props.str(n, "operation"),
                    Props.str(n, "action"), Props.str(n, "purpose"), Props.str(n, "consentId"));
        }
    }

    /** Most entries committed in one transaction. */
    static final int BATCH = 500;

    /** How long a request waits for its entry to be committed before it fails (the entry may still follow). */
    static final java.time.Duration WAIT = java.time.Duration.ofSeconds(30);

    /** An entry on its way to the database, and whether it got there. */
    private record Pending(String personId, Map<String, Object> entry, CompletableFuture<Void> written) {
    }

    /** Tells the writer to stop once everything queued before it is written. */
    private static final Pending STOP = new Pending(null, Map.of(), new CompletableFuture<>());

    private final Driver driver;
    private final GraphReader graph;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final AtomicLong transactions = new AtomicLong();
    private volatile boolean closing;

    AccessLog(Driver driver, GraphReader graph) {
        this.driver = driver;
        this.graph = graph;
        this.writer = new Thread(this::write, "access-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Writes the entry and returns once it is committed; throws if it could not be, so that no answer
     * goes out whose read is not in the log. Entries of concurrent requests share one transaction
     * (group commit on a writer thread): one commit, not one per read, is what made logging expensive.
     */
    void record(Caller caller, String personId, String operation, Action action, Access.Grant grant) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("id", "access-" + UUID.randomUUID());
        entry.put("accountId", caller.accountId());
        entry.put("accountName", caller.name());
        entry.put("role", caller.mainRole());
        entry.put("operation", operation);
        entry.put("action", action.name());
        entry.put("purpose", grant.purpose());
        entry.put("consentId", grant.consentId());
        entry.put("origin", "api");
        Pending pending = new Pending(personId, entry, new CompletableFuture<>());
        if (closing) {
            throw new IllegalStateException("The access log is closed: " + operation + " cannot be logged");
        }
        queue.add(pending);
        try {
            pending.written().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing the access log of " + operation, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The access log of " + operation + " could not be written",
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The access log of " + operation + " was not written within " + WAIT, e);
        }
    }

    /** Write transactions the log has committed: fewer than entries when requests came together. */
    long transactions() {
        return transactions.get();
    }

    private void write() {
        List<Pending> batch = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // only close() stops the writer, and only after what was queued before it
            }
            queue.drainTo(batch, BATCH - 1);
            stop = batch.remove(STOP);
            if (!batch.isEmpty()) {
                try {
                    commit(batch);
                    batch.forEach(p -> p.written().complete(null));
                } catch (RuntimeException | Error e) {
                    batch.forEach(p -> p.written().completeExceptionally(e));
                }
            }
            batch.clear();
        }
        // queued after close(): refused rather than left waiting
        queue.drainTo(batch);
        batch.forEach(p -> p.written().completeExceptionally(new IllegalStateException("The access log is closed")));
    }

    private void commit(List<Pending> batch) {
        List<Map<String, Object>> rows = batch.stream()
                .map(p -> Map.<String, Object>of("person", p.personId(), "entry", p.entry())).toList();
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("""
                    UNWIND $rows AS row
                    MATCH (p:Person {id: row.person})
                    CREATE (e:AccessLogEntry)-[:ABOUT]->(p) SET e = row.entry, e.at = toString(datetime())
                    """, Map.of("rows", rows)).consume());
        }
        transactions.incrementAndGet();
    }

    /** Writes what is queued, then stops; before the driver closes, since this bean depends on it. */
    @PreDestroy
    void close() throws InterruptedException {
        closing = true;
        queue.add(STOP);
        writer.join(WAIT.toMillis());
    }

    /** The entries about a person, newest first. */
    public List<Entry> about(String personId) {
        return graph.list("MATCH (n:AccessLogEntry)-[:ABOUT]->(:Person {id: $id}) RETURN n {.*} AS n "
                + "ORDER BY n.at DESC, n.id", Map.of("id", personId), Entry::of);
    }
}
