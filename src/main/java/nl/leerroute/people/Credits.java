package nl.leerroute.people;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import nl.leerroute.database.GraphReader;
import org.springframework.stereotype.Service;

/** The outcome levels a person is credited at today: current validated evidence only. */
@Service
public class Credits {

    private final GraphReader graph;

    Credits(GraphReader graph) {
        this.graph = graph;
    }

    /** outcome id -> highest credited level; same rule as the planner's crediting. */
    public Map<String, Integer> of(String personId, LocalDate today) {
        Map<String, Integer> credited = new LinkedHashMap<>();
        graph.rows("""
                MATCH (:Person {id: $id})-[:HAS_EVIDENCE]->(e:Evidence {status: 'VALIDATED'})-[a:ASSERTS]->(o)
                WHERE e.to IS NULL OR (e.to <= $today AND (o.shelfLifeYears IS NULL
                      OR e.to + duration({years: o.shelfLifeYears}) > $today))
                RETURN o.id AS outcome, max(a.level) AS level ORDER BY outcome
                """, Map.of("id", personId, "today", today))
                .forEach(r -> credited.put((String) r.get("outcome"), ((Number) r.get("level")).intValue()));
        return credited;
    }
}
