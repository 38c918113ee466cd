package nl.leerroute.seed;

import java.util.ArrayList;
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
 */
final class SeedWriter {

    static final String ORIGIN = "seed";

    private SeedWriter() {
    }

    static void write(TransactionContext tx, ParsedSeed seed) {
        tx.run("MATCH ()-[r]->() WHERE r.origin = $origin DELETE r", Map.of("origin", ORIGIN)).consume();

        Map<List<String>, List<NodeRecord>> byLabels = seed.nodes().stream()
                .collect(Collectors.groupingBy(NodeRecord::labels, LinkedHashMap::new, Collectors.toList()));
        Map<String, List<String>> idsByLabel = new LinkedHashMap<>();
        byLabels.forEach((labels, nodes) -> {
            String label = labels.get(0);
            String extra = labels.stream().skip(1).map(l -> ":" + l).collect(Collectors.joining());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (NodeRecord node : nodes) {
                Map<String, Object> properties = new LinkedHashMap<>(node.properties());
                properties.put("origin", ORIGIN);
                rows.add(Map.of("id", node.id(), "properties", properties));
                idsByLabel.computeIfAbsent(label, l -> new ArrayList<>()).add(node.id());
            }
            tx.run("UNWIND $rows AS row MERGE (n:" + label + " {id: row.id}) SET n = row.properties"
                    + (extra.isEmpty() ? "" : " SET n" + extra), Map.of("rows", rows)).consume();
        });
        idsByLabel.forEach((label, ids) -> tx.run("MATCH (n:" + label + ") WHERE n.origin = $origin "
                + "AND NOT n.id IN $ids DETACH DELETE n", Map.of("origin", ORIGIN, "ids", ids)).consume());

        Map<String, List<RelationshipRecord>> byShape = seed.relationships().stream()
                .collect(Collectors.groupingBy(r -> r.fromLabel() + "|" + r.type() + "|" + r.toLabel(),
                        LinkedHashMap::new, Collectors.toList()));
        byShape.forEach((shape, relationships) -> {
            RelationshipRecord first = relationships.get(0);
            List<Map<String, Object>> rows = relationships.stream()
                    .map(r -> Map.<String, Object>of("from", r.fromId(), "to", r.toId(), "properties",
                            r.properties()))
                    .toList();
            tx.run("UNWIND $rows AS row MATCH (a:" + first.fromLabel() + " {id: row.from}) "
                    + "MATCH (b:" + first.toLabel() + " {id: row.to}) "
                    + "CREATE (a)-[r:" + first.type() + "]->(b) SET r = row.properties, r.origin = $origin",
                    Map.of("rows", rows, "origin", ORIGIN)).consume();
        });
    }
}
