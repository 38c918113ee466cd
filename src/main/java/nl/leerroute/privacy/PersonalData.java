package nl.leerroute.privacy;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Service;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's data is the Person node and the nodes that are only theirs: evidence, saved plans,
 * consents they granted, the accounts that are them, and the access-log entries about them. Export
 * returns all of it with every relationship of these nodes (to the catalogue as references);
 * erasure deletes all of it in one transaction. Catalogue records and advisors' accounts stay.
 */
@Service
public class PersonalData {

    /** The person and the nodes that are only theirs, as {@code owned}. */
    static final String OWNED = """
            MATCH (p:Person {id: $id})
            OPTIONAL MATCH (p)-[:HAS_EVIDENCE|SAVED_PLAN|GRANTED|HAS_EMPLOYMENT]->(mine)
            OPTIONAL MATCH (about)-[:IS|ABOUT]->(p) WHERE about:Account OR about:AccessLogEntry
            WITH p, collect(DISTINCT mine) + collect(DISTINCT about) AS theirs
            WITH [p] + theirs AS owned
            """;

    /** Never exported: a credential, not information about the person. */
    static final String PASSWORD_HASH = "passwordHash";

    public record Erasure(String personId, int removedNodes) {
    }

    private final Driver driver;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    PersonalData(Driver driver) {
        this.driver = driver;
    }

    /**
     * Everything linked to the person as JSON: {@code person} (its properties), {@code nodes} (the
     * nodes only theirs, with labels and properties) and {@code relationships} (every relationship
     * of the person and of those nodes: from, type, to as {@code Label:id}, and properties).
     */
    public String export(String personId) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                List<Record> nodes = tx.run(OWNED + """
                        UNWIND owned AS n
                        RETURN labels(n) AS labels, properties(n) AS properties, n:Person AS isPerson
                        ORDER BY labels(n)[0], n.id
                        """, Map.of("id", personId)).list();
                if (nodes.isEmpty()) {
                    throw new IllegalArgumentException("there is no person with id '" + personId + "'");
                }
                List<Record> relationships = tx.run(OWNED + """
                        UNWIND owned AS n
                        MATCH (n)-[r]-(other)
                        WITH DISTINCT r
                        RETURN labels(startNode(r))[0] + ':' + startNode(r).id AS from, type(r) AS type,
                               labels(endNode(r))[0] + ':' + endNode(r).id AS to, properties(r) AS properties
                        ORDER BY from, type, to
                        """, Map.of("id", personId)).list();
                Map<String, Object> export = new LinkedHashMap<>();
                List<Map<String, Object>> owned = new ArrayList<>();
                for (Record node : nodes) {
                    Map<String, Object> properties = plain(node.get("properties").asMap());
                    properties.remove(PASSWORD_HASH);
                    if (node.get("isPerson").asBoolean()) {
                        export.put("person", properties);
                    } else {
                        owned.add(Map.of("labels", node.get("labels").asList(), "properties", properties));
                    }
                }
                export.put("nodes", owned);
                export.put("relationships", relationships.stream().map(r -> Map.of("from", r.get("from").asString(),
                        "type", r.get("type").asString(), "to", r.get("to").asString(),
                        "properties", plain(r.get("properties").asMap()))).toList());
                return json.writeValueAsString(export);
            });
        }
    }

    /** Deletes the person and every node only theirs, in one transaction. */
    public Erasure erase(String personId) {
        try (var session = driver.session()) {
            int removed = session.executeWrite(tx -> tx.run(OWNED + """
                    UNWIND owned AS n
                    DETACH DELETE n
                    RETURN count(*) AS removed
                    """, Map.of("id", personId)).single().get("removed").asInt());
            return new Erasure(removed == 0 ? null : personId, removed);
        }
    }

    /** Dates and times as ISO-8601 text, properties sorted by name. */
    private static Map<String, Object> plain(Map<String, Object> properties) {
        Map<String, Object> result = new TreeMap<>();
        properties.forEach((key, value) -> result.put(key, value instanceof TemporalAccessor ? value.toString()
                : value));
        return result;
    }
}
