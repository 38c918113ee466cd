package nl.leerroute.routes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.leerroute.database.GraphReader;
import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeLevel;
import nl.leerroute.routes.planner.PersonProfile;
import nl.leerroute.routes.planner.PersonProfile.Evidence;
import nl.leerroute.routes.planner.PersonProfile.EvidenceStatus;
import org.springframework.stereotype.Service;

/** Reads a person's prior learning from the graph, per request, as the planner's profile. */
@Service
public class Profiles {

    private final GraphReader graph;

    Profiles(GraphReader graph) {
        this.graph = graph;
    }

    /** @throws UnknownReferenceException when no such person exists */
    @SuppressWarnings("unchecked")
    public PersonProfile of(String personId) {
        List<Map<String, Object>> rows = graph.rows("""
                MATCH (p:Person {id: $id})
                OPTIONAL MATCH (p)-[:HAS_EVIDENCE]->(e:Evidence) WHERE e.status <> 'REJECTED'
                OPTIONAL MATCH (e)-[:OF_UNIT]->(u:LearningUnit)
                RETURN p.id AS person, e.id AS id, e.title AS title, e.status AS status, e.to AS obtained,
                       u.id AS unit,
                       [(e)-[a:ASSERTS]->(o:LearningOutcome) | {outcome: o.id, level: a.level}] AS asserts
                ORDER BY e.id
                """, Map.of("id", personId));
        if (rows.isEmpty()) {
            throw new UnknownReferenceException("person", personId);
        }
        List<Evidence> evidence = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (row.get("id") == null) {
                continue;
            }
            List<OutcomeLevel> asserts = ((List<Map<String, Object>>) row.get("asserts")).stream()
                    .map(a -> new OutcomeLevel((String) a.get("outcome"), ((Number) a.get("level")).intValue()))
                    .sorted(java.util.Comparator.comparing(OutcomeLevel::outcomeId))
                    .toList();
            evidence.add(new Evidence((String) row.get("id"), (String) row.get("title"),
                    EvidenceStatus.valueOf((String) row.get("status")), (LocalDate) row.get("obtained"), asserts,
                    (String) row.get("unit")));
        }
        return new PersonProfile(evidence);
    }
}
