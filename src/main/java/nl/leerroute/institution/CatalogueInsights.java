package nl.leerroute.institution;

import static nl.leerroute.database.Props.integer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.leerroute.catalogue.Certificate;
import nl.leerroute.catalogue.LearningOutcome;
import nl.leerroute.catalogue.LearningUnit;
import nl.leerroute.catalogue.Leveled.UnitAtLevel;
import nl.leerroute.catalogue.Programme;
import nl.leerroute.catalogue.Requirer;
import nl.leerroute.catalogue.Role;
import nl.leerroute.database.GraphReader;
import nl.leerroute.institution.UncoveredOutcome.RequiredAt;
import nl.leerroute.institution.UnitOverlap.LevelRange;
import nl.leerroute.institution.UnitOverlap.SharedOutcome;
import nl.leerroute.routes.UnknownReferenceException;
import org.springframework.stereotype.Service;

/** What an institution wants to know about the catalogue: who teaches an outcome, the gaps, the overlaps. */
@Service
public class CatalogueInsights {

    static final int MAX_FIRST = 1000;

    private final GraphReader graph;

    CatalogueInsights(GraphReader graph) {
        this.graph = graph;
    }

    /**
     * Units yielding the outcome at {@code minLevel} or higher (null: the outcome's eqfLevel),
     * highest level first, then fewest hours, lowest cost, id.
     */
    public List<UnitAtLevel> modulesCoveringOutcome(String outcomeId, Integer minLevel) {
        if (minLevel != null && (minLevel < 1 || minLevel > 8)) {
            throw new IllegalArgumentException("'minLevel' must be an EQF level 1-8, got " + minLevel);
        }
        List<Map<String, Object>> outcome = graph.rows("MATCH (o:LearningOutcome {id: $id}) RETURN o.eqfLevel AS level",
                Map.of("id", outcomeId));
        if (outcome.isEmpty()) {
            throw new UnknownReferenceException("learning outcome", outcomeId);
        }
        int level = minLevel != null ? minLevel : integer(outcome.get(0), "level");
        List<UnitAtLevel> units = new ArrayList<>();
        for (Map<String, Object> row : graph.rows("""
                MATCH (n:LearningUnit)-[y:YIELDS]->(:LearningOutcome {id: $id})
                WHERE y.level >= $level
                RETURN n {.*} AS n, y.level AS level
                ORDER BY level DESC, n.hours, n.costEur, n.id
                """, Map.of("id", outcomeId, "level", level))) {
            units.add(new UnitAtLevel(LearningUnit.of(map(row.get("n"))), integer(row, "level")));
        }
        return units;
    }

    /**
     * Outcomes that roles, certificates or programmes require above the highest level any unit
     * yields them at; largest gap first, then outcome id.
     */
    public List<UncoveredOutcome> uncoveredOutcomes(int first) {
        if (first < 1 || first > MAX_FIRST) {
            throw new IllegalArgumentException("'first' must be between 1 and " + MAX_FIRST + ", got " + first);
        }
        List<UncoveredOutcome> result = new ArrayList<>();
        for (Map<String, Object> row : graph.rows("""
                MATCH (q)-[r:REQUIRES]->(o:LearningOutcome)
                WHERE q:Role OR q:Certificate OR q:Programme
                WITH o, collect({q: q, level: r.level}) AS requirements, max(r.level) AS required
                OPTIONAL MATCH (:LearningUnit)-[y:YIELDS]->(o)
                WITH o, requirements, required, coalesce(max(y.level), 0) AS taught
                WHERE required > taught
                RETURN o {.*} AS n, required, taught,
                       [x IN requirements WHERE x.level > taught
                        | {n: properties(x.q), labels: labels(x.q), level: x.level}] AS requiredBy
                ORDER BY required - taught DESC, o.id
                LIMIT $first
                """, Map.of("first", first))) {
            List<RequiredAt> requiredBy = new ArrayList<>();
            for (Object item : (List<?>) row.get("requiredBy")) {
                Map<String, Object> requirement = map(item);
                requiredBy.add(new RequiredAt(requirer(map(requirement.get("n")), (List<?>) requirement.get("labels")),
                        integer(requirement, "level")));
            }
            requiredBy.sort(java.util.Comparator.comparing(RequiredAt::level).reversed()
                    .thenComparing(r -> r.requirer().id()));
            result.add(new UncoveredOutcome(LearningOutcome.of(map(row.get("n"))), integer(row, "required"),
                    integer(row, "taught"), requiredBy));
        }
        return result;
    }

    /**
     * The institution's units paired with every other unit teaching an outcome at overlapping
     * levels. A unit teaches an outcome from one above the highest level its entry requirements name
     * for it (0 when none) up to the level it yields. Assessments certify and are left out.
     */
    public List<UnitOverlap> catalogueOverlap(String institutionId) {
        if (graph.rows("MATCH (i:Institution {id: $id}) RETURN i.id AS id", Map.of("id", institutionId)).isEmpty()) {
            throw new UnknownReferenceException("institution", institutionId);
        }
        List<UnitOverlap> overlaps = new ArrayList<>();
        for (Map<String, Object> row : graph.rows("""
                MATCH (i:Institution {id: $id})<-[:PROVIDED_BY]-(u:LearningUnit)-[yu:YIELDS]->(o:LearningOutcome)
                      <-[yv:YIELDS]-(v:LearningUnit)
                WHERE u <> v AND u.kind <> 'ASSESSMENT' AND v.kind <> 'ASSESSMENT'
                WITH i, u, v, o, yu.level AS uTo, yv.level AS vTo,
                     1 + reduce(m = 0, l IN [(u)-[r:REQUIRES_ENTRY]->(o) | r.level]
                                | CASE WHEN l > m THEN l ELSE m END) AS uFrom,
                     1 + reduce(m = 0, l IN [(v)-[r:REQUIRES_ENTRY]->(o) | r.level]
                                | CASE WHEN l > m THEN l ELSE m END) AS vFrom
                WHERE CASE WHEN uFrom > vFrom THEN uFrom ELSE vFrom END <= CASE WHEN uTo < vTo THEN uTo ELSE vTo END
                WITH i, u, v, o, uFrom, uTo, vFrom, vTo ORDER BY o.id
                WITH i, u, v, collect({o: o {.*}, uFrom: uFrom, uTo: uTo, vFrom: vFrom, vTo: vTo}) AS shared
                RETURN u {.*} AS unit, v {.*} AS other, EXISTS { (v)-[:PROVIDED_BY]->(i) } AS sameProvider, shared
                ORDER BY u.id, v.id
                """, Map.of("id", institutionId))) {
            List<SharedOutcome> shared = new ArrayList<>();
            for (Object item : (List<?>) row.get("shared")) {
                Map<String, Object> s = map(item);
                shared.add(new SharedOutcome(LearningOutcome.of(map(s.get("o"))),
                        new LevelRange(integer(s, "uFrom"), integer(s, "uTo")),
                        new LevelRange(integer(s, "vFrom"), integer(s, "vTo"))));
            }
            overlaps.add(new UnitOverlap(LearningUnit.of(map(row.get("unit"))), LearningUnit.of(map(row.get("other"))),
                    Boolean.TRUE.equals(row.get("sameProvider")), shared));
        }
        return overlaps;
    }

    private static Requirer requirer(Map<String, Object> n, List<?> labels) {
        if (labels.contains("Role")) {
            return Role.of(n);
        }
        return labels.contains("Certificate") ? Certificate.of(n) : Programme.of(n);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new HashMap<>();
    }
}
