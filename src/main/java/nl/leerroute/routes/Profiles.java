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

    /**
     * A person's profile for the planner, read with the records a plan shows and the properties funding
     * needs, in one query.
     *
     * @param evidence the person's evidence (not rejected) by id
     * @param properties the person's own properties
     */
    public record Read(PersonProfile profile, Map<String, nl.leerroute.people.Evidence> evidence,
            Map<String, Object> properties) {
    }

    /** @throws UnknownReferenceException when no such person exists */
    public PersonProfile of(String personId) {
        return read(personId).profile();
    }

    /** @throws UnknownReferenceException when no such person exists */
    @SuppressWarnings("unchecked")
    public Read read(String personId) {
        // the person's properties once, not once per evidence row
        List<Map<String, Object>> rows = graph.rows("""
                MATCH (p:Person {id: $id})
                RETURN p {.*} AS person, COLLECT {
                  MATCH (p)-[:HAS_EVIDENCE]->(e:Evidence) WHERE e.status <> 'REJECTED'
                  OPTIONAL MATCH (e)-[:OF_UNIT]->(u:LearningUnit)
                  RETURN {n: e {.*}, unit: u.id,
                          asserts: [(e)-[a:ASSERTS]->(o:LearningOutcome) | {outcome: o.id, level: a.level}]}
                  ORDER BY e.id
                } AS evidence
                """, Map.of("id", personId));
        if (rows.isEmpty()) {
            throw new UnknownReferenceException("person", personId);
        }
        List<Evidence> evidence = new ArrayList<>();
        Map<String, nl.leerroute.people.Evidence> records = new java.util.LinkedHashMap<>();
        List<Map<String, Object>> items = new ArrayList<>((List<Map<String, Object>>) rows.get(0).get("evidence"));
        items.sort(java.util.Comparator.comparing(item -> (String) ((Map<String, Object>) item.get("n")).get("id")));
        for (Map<String, Object> item : items) {
            nl.leerroute.people.Evidence record = nl.leerroute.people.Evidence.of((Map<String, Object>) item.get("n"));
            records.put(record.id(), record);
            evidence.add(evidenceOf(record, item));
        }
        return new Read(new PersonProfile(evidence), java.util.Collections.unmodifiableMap(records),
                (Map<String, Object>) rows.get(0).get("person"));
    }

    /**
     * One evidence item as the query in {@link #read} returns it ({@code n}: the node's properties, {@code unit},
     * {@code asserts}), as the planner reads it; public so that tools that read a seed without a database (the
     * planner scale benchmark) build exactly the same profile.
     */
    @SuppressWarnings("unchecked")
    public static Evidence evidenceOf(nl.leerroute.people.Evidence record, Map<String, Object> item) {
        List<OutcomeLevel> asserts = ((List<Map<String, Object>>) item.get("asserts")).stream()
                .map(a -> new OutcomeLevel((String) a.get("outcome"), ((Number) a.get("level")).intValue()))
                .sorted(java.util.Comparator.comparing(OutcomeLevel::outcomeId))
                .toList();
        return new Evidence(record.id(), record.title(), EvidenceStatus.valueOf(record.status()),
                (LocalDate) ((Map<String, Object>) item.get("n")).get("to"), asserts, (String) item.get("unit"));
    }
}
