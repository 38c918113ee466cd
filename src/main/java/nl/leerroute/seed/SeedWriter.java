package nl.leerroute.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nl.leerroute.seed.ParsedSeed.NodeRecord;
import nl.leerroute.seed.ParsedSeed.RelationshipRecord;
import org.neo4j.driver.TransactionContext;

/**
 * Writes a validated seed in one transaction so that a failure leaves the graph as it was.
 * Seed-owned nodes and relationships carry {@code origin = 'seed'}: they are replaced wholesale,
 * which makes a re-import yield the same graph, while data created through the API is kept.
 * Few distinct statements on purpose: on a cold JVM each costs a query plan of 100-250 ms.
 */
final class SeedWriter {

    static final String ORIGIN = "seed";

    private SeedWriter() {
    }

    static void write(TransactionContext tx, ParsedSeed seed) {
        tx.run("MATCH ()-[r]->() WHERE r.origin = $origin DELETE r", Map.of("origin", ORIGIN)).consume();

        // label:id -> element id, so that relationships need no label-specific statement
        Map<String, String> elementIds = new HashMap<>();
        Map<List<String>, List<NodeRecord>> byLabels = seed.nodes().stream()
                .collect(Collectors.groupingBy(NodeRecord::labels, LinkedHashMap::new, Collectors.toList()));
        byLabels.forEach((labels, nodes) -> {
            String label = labels.get(0);
            String extra = labels.stream().skip(1).map(l -> ":" + l).collect(Collectors.joining());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (NodeRecord node : nodes) {
                Map<String, Object> properties = new LinkedHashMap<>(node.properties());
                properties.put("origin", ORIGIN);
                rows.add(Map.of("id", node.id(), "properties", properties));
            }
            tx.run("UNWIND $rows AS row MERGE (n:" + label + " {id: row.id}) SET n = row.properties"
                    + (extra.isEmpty() ? "" : " SET n" + extra) + " RETURN row.id AS id, elementId(n) AS element",
                    Map.of("rows", rows)).list().forEach(r -> elementIds.put(label + ":" + r.get("id").asString(),
                            r.get("element").asString()));
        });
        tx.run("MATCH (n) WHERE n.origin = $origin AND NOT elementId(n) IN $kept DETACH DELETE n",
                Map.of("origin", ORIGIN, "kept", List.copyOf(elementIds.values()))).consume();

        List<Map<String, Object>> rows = new ArrayList<>();
        for (RelationshipRecord r : seed.relationships()) {
            rows.add(Map.of("from", elementIds.get(r.fromLabel() + ":" + r.fromId()),
                    "to", elementIds.get(r.toLabel() + ":" + r.toId()), "type", r.type(),
                    "properties", r.properties()));
        }
        tx.run("UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.from MATCH (b) WHERE elementId(b) = row.to "
                + "CREATE (a)-[r:$(row.type)]->(b) SET r = row.properties, r.origin = $origin",
                Map.of("rows", rows, "origin", ORIGIN)).consume();
    }
}
