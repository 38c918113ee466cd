package nl.leerroute.catalogue;

import static nl.leerroute.database.Props.decimal;
import static nl.leerroute.database.Props.integer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import nl.leerroute.catalogue.Leveled.CatalogueHit;
import nl.leerroute.catalogue.Leveled.OutcomeAtLevel;
import nl.leerroute.catalogue.Leveled.Requirement;
import nl.leerroute.catalogue.Leveled.RequirementGroup;
import nl.leerroute.catalogue.Leveled.UnitAtLevel;
import nl.leerroute.database.GraphReader;
import nl.leerroute.database.GraphSchema;
import org.springframework.stereotype.Service;

/** Reads the catalogue (institutions, programmes, minors, units, outcomes, frameworks) from Neo4j. */
@Service
public class Catalogue {

    private final GraphReader graph;

    Catalogue(GraphReader graph) {
        this.graph = graph;
    }

    private static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put((String) keyValues[i], keyValues[i + 1]);
        }
        return params;
    }

    // --- top-level lists and lookups

    public List<Institution> institutions(String kind) {
        return graph.list("MATCH (n:Institution) WHERE $kind IS NULL OR n.kind = $kind "
                + "RETURN n {.*} AS n ORDER BY n.name", params("kind", kind), Institution::of);
    }

    public Optional<Institution> institution(String id) {
        return graph.one("MATCH (n:Institution {id: $id}) RETURN n {.*} AS n", params("id", id), Institution::of);
    }

    public List<Place> places() {
        return graph.list("MATCH (n:Place) RETURN n {.*} AS n ORDER BY n.name", Map.of(), Place::of);
    }

    public List<Programme> programmes(String croho, String institutionId, String level, String mode,
            Integer appendix) {
        return graph.list("MATCH (n:Programme)-[:OFFERED_BY]->(i:Institution) "
                + "WHERE ($croho IS NULL OR n.croho = $croho) AND ($institution IS NULL OR i.id = $institution) "
                + "AND ($level IS NULL OR n.level = $level) AND ($mode IS NULL OR n.mode = $mode) "
                + "AND ($appendix IS NULL OR n.appendix = $appendix) "
                + "RETURN n {.*} AS n ORDER BY n.croho, n.id",
                params("croho", croho, "institution", institutionId, "level", level, "mode", mode, "appendix", appendix),
                Programme::of);
    }

    public Optional<Programme> programme(String id) {
        return graph.one("MATCH (n:Programme {id: $id}) RETURN n {.*} AS n", params("id", id), Programme::of);
    }

    public List<Minor> minors(String nameContains, String institutionId, String status) {
        return graph.list("MATCH (n:Minor)-[:OFFERED_BY]->(i:Institution) "
                + "WHERE ($name IS NULL OR toLower(n.nameNl) CONTAINS toLower($name) "
                + "     OR toLower(coalesce(n.nameEn, '')) CONTAINS toLower($name)) "
                + "AND ($institution IS NULL OR i.id = $institution) AND ($status IS NULL OR n.status = $status) "
                + "RETURN n {.*} AS n ORDER BY n.nameNl, n.id",
                params("name", nameContains, "institution", institutionId, "status", status), Minor::of);
    }

    public Optional<Minor> minor(String id) {
        return graph.one("MATCH (n:Minor {id: $id}) RETURN n {.*} AS n", params("id", id), Minor::of);
    }

    public List<LearningUnit> learningUnits(String kind, String providerId, String partOfId, int first, int offset) {
        return graph.list("MATCH (n:LearningUnit) "
                + "WHERE ($kind IS NULL OR n.kind = $kind) "
                + "AND ($provider IS NULL OR (n)-[:PROVIDED_BY]->(:Institution {id: $provider})) "
                + "AND ($partOf IS NULL OR EXISTS { (n)-[:PART_OF]->(c) WHERE c.id = $partOf }) "
                + "RETURN n {.*} AS n ORDER BY n.id SKIP $offset LIMIT $first",
                params("kind", kind, "provider", providerId, "partOf", partOfId, "first", first, "offset", offset),
                LearningUnit::of);
    }

    public Optional<LearningUnit> learningUnit(String id) {
        return graph.one("MATCH (n:LearningUnit {id: $id}) RETURN n {.*} AS n", params("id", id), LearningUnit::of);
    }

    public List<LearningOutcome> learningOutcomes(String competencyId, Integer eqfLevel, int first, int offset) {
        return graph.list("MATCH (n:LearningOutcome) "
                + "WHERE ($competency IS NULL OR (n)-[:BELONGS_TO]->(:Competency {id: $competency})) "
                + "AND ($level IS NULL OR n.eqfLevel = $level) "
                + "RETURN n {.*} AS n ORDER BY n.id SKIP $offset LIMIT $first",
                params("competency", competencyId, "level", eqfLevel, "first", first, "offset", offset),
                LearningOutcome::of);
    }

    public Optional<LearningOutcome> learningOutcome(String id) {
        return graph.one("MATCH (n:LearningOutcome {id: $id}) RETURN n {.*} AS n", params("id", id),
                LearningOutcome::of);
    }

    public List<Competency> competencies(String kind, String tDimension) {
        return graph.list("MATCH (n:Competency) WHERE ($kind IS NULL OR n.kind = $kind) "
                + "AND ($dimension IS NULL OR n.tDimension = $dimension) RETURN n {.*} AS n ORDER BY n.id",
                params("kind", kind, "dimension", tDimension), Competency::of);
    }

    public Optional<Competency> competency(String id) {
        return graph.one("MATCH (n:Competency {id: $id}) RETURN n {.*} AS n", params("id", id), Competency::of);
    }

    public List<FrameworkConcept> frameworkConcepts(String scheme) {
        return graph.list("MATCH (n:Concept {scheme: $scheme}) RETURN n {.*} AS n ORDER BY n.ordinal, n.id",
                params("scheme", scheme), FrameworkConcept::of);
    }

    public List<Role> roles() {
        return graph.list("MATCH (n:Role) RETURN n {.*} AS n ORDER BY n.id", Map.of(), Role::of);
    }

    public Optional<Role> role(String id) {
        return graph.one("MATCH (n:Role {id: $id}) RETURN n {.*} AS n", params("id", id), Role::of);
    }

    public List<Certificate> certificates() {
        return graph.list("MATCH (n:Certificate) RETURN n {.*} AS n ORDER BY n.id", Map.of(), Certificate::of);
    }

    public Optional<Certificate> certificate(String id) {
        return graph.one("MATCH (n:Certificate {id: $id}) RETURN n {.*} AS n", params("id", id), Certificate::of);
    }

    public List<LabourMarketFigure> labourMarket(String region) {
        return graph.list("MATCH (n:LabourMarketFigure) WHERE $region IS NULL OR n.province = $region "
                + "RETURN n {.*} AS n ORDER BY n.province, n.sector, n.indicator, n.period",
                params("region", region), LabourMarketFigure::of);
    }

    private static final Pattern LUCENE_OPERATORS = Pattern.compile("\\b(AND|OR|NOT)\\b");

    /**
     * Full-text search with the Dutch analyzer. Lucene syntax in the user's text is escaped so that
     * a stray quote or colon does not become a query error, and Lucene's operator words (AND, OR,
     * NOT, which the analyzer lower-cases anyway) are searched as words.
     */
    public List<CatalogueHit> search(String text, int first) {
        String escaped = text.replaceAll("([+\\-&|!(){}\\[\\]^\"~*?:\\\\/])", "\\\\$1").strip();
        String query = LUCENE_OPERATORS.matcher(escaped).replaceAll(m -> m.group().toLowerCase(Locale.ROOT));
        if (query.isEmpty()) {
            return List.of();
        }
        List<CatalogueHit> hits = new ArrayList<>();
        for (Map<String, Object> row : graph.rows("CALL db.index.fulltext.queryNodes($index, $query) "
                + "YIELD node, score RETURN node {.*} AS n, labels(node) AS labels, score "
                + "ORDER BY score DESC, node.id LIMIT $first",
                params("index", GraphSchema.FULL_TEXT_INDEX, "query", query, "first", first))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> n = (Map<String, Object>) row.get("n");
            List<?> labels = (List<?>) row.get("labels");
            double score = decimal(row, "score");
            if (labels.contains("LearningOutcome")) {
                hits.add(new CatalogueHit(score, LearningOutcome.of(n), null, null));
            } else if (labels.contains("Competency")) {
                hits.add(new CatalogueHit(score, null, Competency.of(n), null));
            } else {
                hits.add(new CatalogueHit(score, null, null, LearningUnit.of(n)));
            }
        }
        return hits;
    }

    public Map<String, LearningUnit> unitsById(Collection<String> ids) {
        Map<String, LearningUnit> units = new LinkedHashMap<>();
        graph.list("MATCH (n:LearningUnit) WHERE n.id IN $ids RETURN n {.*} AS n", params("ids", List.copyOf(ids)),
                LearningUnit::of).forEach(u -> units.put(u.id(), u));
        return units;
    }

    /** Units and outcomes by id, read in one query. */
    public record Records(Map<String, LearningUnit> units, Map<String, LearningOutcome> outcomes) {
    }

    @SuppressWarnings("unchecked")
    public Records unitsAndOutcomesById(Collection<String> unitIds, Collection<String> outcomeIds) {
        Map<String, LearningUnit> units = new LinkedHashMap<>();
        Map<String, LearningOutcome> outcomes = new LinkedHashMap<>();
        for (Map<String, Object> row : graph.rows("""
                CALL () {
                  MATCH (n:LearningUnit) WHERE n.id IN $units RETURN true AS unit, n {.*} AS n
                  UNION ALL
                  MATCH (n:LearningOutcome) WHERE n.id IN $outcomes RETURN false AS unit, n {.*} AS n
                }
                RETURN unit, n
                """, Map.of("units", List.copyOf(unitIds), "outcomes", List.copyOf(outcomeIds)))) {
            Map<String, Object> n = (Map<String, Object>) row.get("n");
            if (Boolean.TRUE.equals(row.get("unit"))) {
                LearningUnit u = LearningUnit.of(n);
                units.put(u.id(), u);
            } else {
                LearningOutcome o = LearningOutcome.of(n);
                outcomes.put(o.id(), o);
            }
        }
        return new Records(units, outcomes);
    }

    public Map<String, LearningOutcome> outcomesById(Collection<String> ids) {
        Map<String, LearningOutcome> outcomes = new LinkedHashMap<>();
        graph.list("MATCH (n:LearningOutcome) WHERE n.id IN $ids RETURN n {.*} AS n",
                params("ids", List.copyOf(ids)), LearningOutcome::of).forEach(o -> outcomes.put(o.id(), o));
        return outcomes;
    }

    // --- relations, batched per list of parents

    public Map<Institution, List<Place>> placesOf(Collection<Institution> institutions) {
        return graph.childrenOf(institutions, Institution::id, "MATCH (p:Institution)-[:LOCATED_IN]->(n:Place) "
                + "WHERE p.id IN $ids RETURN p.id AS key, n {.*} AS n ORDER BY n.name", (n, r) -> Place.of(n));
    }

    public <P> Map<P, Place> placeOf(Collection<P> parents, java.util.function.Function<P, String> id, String label) {
        return graph.childOf(parents, id, "MATCH (p:" + label + ")-[:IN_PLACE|LIVES_IN]->(n:Place) WHERE p.id IN $ids "
                + "RETURN p.id AS key, n {.*} AS n", Place::of);
    }

    public <P> Map<P, Institution> institutionOf(Collection<P> parents, java.util.function.Function<P, String> id,
            String label, String relationship) {
        return graph.childOf(parents, id, "MATCH (p:" + label + ")-[:" + relationship + "]->(n:Institution) "
                + "WHERE p.id IN $ids RETURN p.id AS key, n {.*} AS n", Institution::of);
    }

    public Map<Institution, List<Programme>> programmesOf(Collection<Institution> institutions) {
        return graph.childrenOf(institutions, Institution::id, "MATCH (n:Programme)-[:OFFERED_BY]->(p:Institution) "
                + "WHERE p.id IN $ids RETURN p.id AS key, n {.*} AS n ORDER BY n.croho, n.id",
                (n, r) -> Programme.of(n));
    }

    public Map<Institution, List<Minor>> minorsOf(Collection<Institution> institutions) {
        return graph.childrenOf(institutions, Institution::id, "MATCH (n:Minor)-[:OFFERED_BY]->(p:Institution) "
                + "WHERE p.id IN $ids RETURN p.id AS key, n {.*} AS n ORDER BY n.nameNl", (n, r) -> Minor.of(n));
    }

    public Map<Institution, List<LearningUnit>> unitsProvidedBy(Collection<Institution> institutions) {
        return graph.childrenOf(institutions, Institution::id,
                "MATCH (n:LearningUnit)-[:PROVIDED_BY]->(p:Institution) WHERE p.id IN $ids "
                        + "RETURN p.id AS key, n {.*} AS n ORDER BY n.id", (n, r) -> LearningUnit.of(n));
    }

    /** Units that are part of the given containers (minors, programmes, learning lines), in sequence. */
    public <P> Map<P, List<LearningUnit>> unitsPartOf(Collection<P> parents, java.util.function.Function<P, String> id) {
        return graph.childrenOf(parents, id, "MATCH (n:LearningUnit)-[:PART_OF]->(p) WHERE p.id IN $ids "
                + "RETURN p.id AS key, n {.*} AS n ORDER BY n.sequence, n.id", (n, r) -> LearningUnit.of(n));
    }

    /** Outcomes reached from the parents by {@code relationship} with a {@code level}. */
    public <P> Map<P, List<OutcomeAtLevel>> outcomesAtLevel(Collection<P> parents,
            java.util.function.Function<P, String> id, String label, String relationship) {
        return graph.childrenOf(parents, id, "MATCH (p:" + label + ")-[r:" + relationship + "]->(n:LearningOutcome) "
                + "WHERE p.id IN $ids RETURN p.id AS key, n {.*} AS n, r {.*} AS rel ORDER BY n.id",
                (n, r) -> new OutcomeAtLevel(LearningOutcome.of(n), integer(r, "level")));
    }

    public Map<LearningOutcome, List<UnitAtLevel>> unitsTeaching(Collection<LearningOutcome> outcomes) {
        return graph.childrenOf(outcomes, LearningOutcome::id,
                "MATCH (n:LearningUnit)-[r:YIELDS]->(p:LearningOutcome) WHERE p.id IN $ids "
                        + "RETURN p.id AS key, n {.*} AS n, r {.*} AS rel ORDER BY r.level DESC, n.hours, n.id",
                (n, r) -> new UnitAtLevel(LearningUnit.of(n), integer(r, "level")));
    }

    public Map<LearningOutcome, Competency> competencyOf(Collection<LearningOutcome> outcomes) {
        return graph.childOf(outcomes, LearningOutcome::id, "MATCH (p:LearningOutcome)-[:BELONGS_TO]->(n:Competency) "
                + "WHERE p.id IN $ids RETURN p.id AS key, n {.*} AS n", Competency::of);
    }

    public Map<Competency, List<LearningOutcome>> outcomesOf(Collection<Competency> competencies) {
        return graph.childrenOf(competencies, Competency::id,
                "MATCH (n:LearningOutcome)-[:BELONGS_TO]->(p:Competency) WHERE p.id IN $ids "
                        + "RETURN p.id AS key, n {.*} AS n ORDER BY n.eqfLevel, n.id", (n, r) -> LearningOutcome.of(n));
    }

    /** Framework concepts reached from the parents by {@code relationship}. */
    public <P> Map<P, List<FrameworkConcept>> concepts(Collection<P> parents, java.util.function.Function<P, String> id,
            String label, String relationship) {
        return graph.childrenOf(parents, id, "MATCH (p:" + label + ")-[:" + relationship + "]->(n:Concept) "
                + "WHERE p.id IN $ids RETURN p.id AS key, n {.*} AS n ORDER BY n.scheme, n.ordinal",
                (n, r) -> FrameworkConcept.of(n));
    }

    public <P> Map<P, FrameworkConcept> concept(Collection<P> parents, java.util.function.Function<P, String> id,
            String label, String relationship) {
        Map<P, FrameworkConcept> result = new LinkedHashMap<>();
        concepts(parents, id, label, relationship).forEach((parent, list) -> {
            if (!list.isEmpty()) {
                result.put(parent, list.get(0));
            }
        });
        return result;
    }

    /** The container of each unit: a Minor, Programme or FrameworkConcept (learning line). */
    public Map<LearningUnit, Object> containerOf(Collection<LearningUnit> units) {
        Map<String, Object> byId = new HashMap<>();
        for (Map<String, Object> row : graph.rows("MATCH (p:LearningUnit)-[:PART_OF]->(n) WHERE p.id IN $ids "
                + "RETURN p.id AS key, n {.*} AS n, labels(n) AS labels",
                params("ids", units.stream().map(LearningUnit::id).distinct().toList()))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> n = (Map<String, Object>) row.get("n");
            List<?> labels = (List<?>) row.get("labels");
            Object container = labels.contains("Minor") ? Minor.of(n)
                    : labels.contains("Programme") ? Programme.of(n) : FrameworkConcept.of(n);
            byId.put((String) row.get("key"), container);
        }
        Map<LearningUnit, Object> result = new LinkedHashMap<>();
        units.forEach(u -> {
            if (byId.containsKey(u.id())) {
                result.put(u, byId.get(u.id()));
            }
        });
        return result;
    }

    /** Entry requirements as AND-groups of OR-alternatives. */
    public Map<LearningUnit, List<RequirementGroup>> entryRequirements(Collection<LearningUnit> units) {
        Map<String, TreeMap<Integer, List<Requirement>>> byUnit = new HashMap<>();
        for (Map<String, Object> row : graph.rows("MATCH (p:LearningUnit)-[r:REQUIRES_ENTRY]->(n) WHERE p.id IN $ids "
                + "RETURN p.id AS key, n {.*} AS n, r {.*} AS rel, 'LearningOutcome' IN labels(n) AS isOutcome "
                + "ORDER BY r.group, n.id",
                params("ids", units.stream().map(LearningUnit::id).distinct().toList()))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> n = (Map<String, Object>) row.get("n");
            @SuppressWarnings("unchecked")
            Map<String, Object> rel = (Map<String, Object>) row.get("rel");
            Requirement requirement = Boolean.TRUE.equals(row.get("isOutcome"))
                    ? new Requirement(LearningOutcome.of(n), integer(rel, "level"), null)
                    : new Requirement(null, null, LearningUnit.of(n));
            byUnit.computeIfAbsent((String) row.get("key"), k -> new TreeMap<>())
                    .computeIfAbsent(integer(rel, "group"), g -> new ArrayList<>()).add(requirement);
        }
        Map<LearningUnit, List<RequirementGroup>> result = new LinkedHashMap<>();
        units.forEach(u -> result.put(u, byUnit.getOrDefault(u.id(), new TreeMap<>()).values().stream()
                .map(RequirementGroup::new).toList()));
        return result;
    }
}
