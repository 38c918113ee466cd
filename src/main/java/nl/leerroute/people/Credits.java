package nl.leerroute.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** One current validated evidence item asserting an outcome, at the level it asserts. */
    public record Assertion(String evidenceId, String title, LocalDate validatedOn, String validatedBy,
            String validationMethod, int level) {
    }

    /** outcome id -> highest credited level; same rule as the planner's crediting. */
    public Map<String, Integer> of(String personId, LocalDate today) {
        Map<String, Integer> credited = new LinkedHashMap<>();
        assertions(personId, today).forEach((outcome, assertions) -> credited.put(outcome,
                assertions.stream().mapToInt(Assertion::level).max().orElseThrow()));
        return credited;
    }

    /** outcome id -> the current validated evidence that credits it, so that every credit can name its evidence. */
    public Map<String, List<Assertion>> assertions(String personId, LocalDate today) {
        Map<String, List<Assertion>> byOutcome = new LinkedHashMap<>();
        graph.rows("""
                MATCH (:Person {id: $id})-[:HAS_EVIDENCE]->(e:Evidence {status: 'VALIDATED'})-[a:ASSERTS]->(o)
                WHERE e.to IS NULL OR (e.to <= $today AND (o.shelfLifeYears IS NULL
                      OR e.to + duration({years: o.shelfLifeYears}) > $today))
                RETURN o.id AS outcome, e.id AS evidence, e.title AS title, e.validatedOn AS validatedOn,
                       e.validatedBy AS validatedBy, e.validationMethod AS method, a.level AS level
                ORDER BY outcome, level DESC, evidence
                """, Map.of("id", personId, "today", today))
                .forEach(r -> byOutcome.computeIfAbsent((String) r.get("outcome"), o -> new ArrayList<>())
                        .add(new Assertion((String) r.get("evidence"), (String) r.get("title"),
                                (LocalDate) r.get("validatedOn"), (String) r.get("validatedBy"),
                                (String) r.get("method"), ((Number) r.get("level")).intValue())));
        return byOutcome;
    }
}
