package nl.leerroute.access;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    private final Driver driver;
    private final GraphReader graph;

    AccessLog(Driver driver, GraphReader graph) {
        this.driver = driver;
        this.graph = graph;
    }

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
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("""
                    MATCH (p:Person {id: $person})
                    CREATE (e:AccessLogEntry)-[:ABOUT]->(p) SET e = $entry, e.at = toString(datetime())
                    """, Map.of("person", personId, "entry", entry)).consume());
        }
    }

    /** The entries about a person, newest first. */
    public List<Entry> about(String personId) {
        return graph.list("MATCH (n:AccessLogEntry)-[:ABOUT]->(:Person {id: $id}) RETURN n {.*} AS n "
                + "ORDER BY n.at DESC, n.id", Map.of("id", personId), Entry::of);
    }
}
