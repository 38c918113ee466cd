package nl.leerroute.skillslabs;

import static nl.leerroute.database.Props.integer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import nl.leerroute.catalogue.Competency;
import nl.leerroute.catalogue.FrameworkConcept;
import nl.leerroute.catalogue.Institution;
import nl.leerroute.catalogue.LearningOutcome;
import nl.leerroute.catalogue.LearningUnit;
import nl.leerroute.catalogue.Leveled.OutcomeAtLevel;
import nl.leerroute.catalogue.Place;
import nl.leerroute.database.GraphReader;
import org.springframework.stereotype.Service;

/** Reads skillslabs, their profile and their relations from Neo4j; relations batched per list of skillslabs. */
@Service
public class Skillslabs {

    private final GraphReader graph;

    Skillslabs(GraphReader graph) {
        this.graph = graph;
    }

    /** Every condition given must hold; text conditions ignore case. */
    public record Filter(String province, String place, String fieldlabId, String competencyId, String outcomeId,
            String learns, String workFormId, List<AspectCondition> aspects) {
    }

    public record AspectCondition(LearningFactoryModel.Aspect aspect, String contains) {
    }

    public List<Skillslab> skillslabs(Filter filter) {
        Filter f = filter == null ? new Filter(null, null, null, null, null, null, null, null) : filter;
        Map<String, Object> params = new HashMap<>();
        params.put("province", f.province());
        params.put("place", f.place());
        params.put("fieldlab", f.fieldlabId());
        params.put("competency", f.competencyId());
        params.put("outcome", f.outcomeId());
        params.put("learns", f.learns() == null || f.learns().isBlank() ? null
                : f.learns().strip().toLowerCase(Locale.ROOT));
        params.put("workForm", f.workFormId());
        List<Skillslab> found = graph.list("""
                MATCH (s:Skillslab)-[:IN_PLACE]->(pl:Place)
                WHERE ($place IS NULL OR pl.name = $place)
                  AND ($province IS NULL OR pl.province = $province)
                  AND ($fieldlab IS NULL OR EXISTS { (s)-[:HOSTED_BY]->(:Institution {id: $fieldlab}) })
                  AND ($workForm IS NULL OR EXISTS { (s)-[:USES_WORK_FORM]->(:Concept {id: $workForm}) })
                  AND ($outcome IS NULL
                       OR EXISTS { (s)-[:OFFERS]->(:LearningUnit)-[:YIELDS]->(:LearningOutcome {id: $outcome}) })
                  AND ($competency IS NULL OR EXISTS { (s)-[:DEVELOPS]->(:Competency {id: $competency}) }
                       OR EXISTS { (s)-[:OFFERS]->(:LearningUnit)-[:YIELDS]->(:LearningOutcome)
                                   -[:BELONGS_TO]->(:Competency {id: $competency}) })
                  AND ($learns IS NULL OR EXISTS {
                       MATCH (s)-[:OFFERS]->(:LearningUnit)-[:YIELDS]->(o:LearningOutcome)-[:BELONGS_TO]->(c:Competency)
                       WHERE toLower(o.titleNl) CONTAINS $learns OR toLower(o.titleEn) CONTAINS $learns
                          OR toLower(c.nameNl) CONTAINS $learns OR toLower(c.nameEn) CONTAINS $learns })
                RETURN s {.*} AS n ORDER BY s.id
                """, params, Skillslab::of);
        if (f.aspects() == null || f.aspects().isEmpty()) {
            return found;
        }
        return found.stream().filter(s -> f.aspects().stream().allMatch(c -> {
            String value = s.aspects().get(c.aspect().name());
            return value != null && value.toLowerCase(Locale.ROOT).contains(c.contains().toLowerCase(Locale.ROOT));
        })).toList();
    }

    public Optional<Skillslab> skillslab(String id) {
        return graph.one("MATCH (s:Skillslab {id: $id}) RETURN s {.*} AS n", Map.of("id", id), Skillslab::of);
    }

    public Map<Skillslab, Institution> fieldlabs(List<Skillslab> labs) {
        return graph.childOf(labs, Skillslab::id, "MATCH (p:Skillslab)-[:HOSTED_BY]->(n:Institution) "
                + "WHERE p.id IN $ids RETURN p.id AS key, n {.*} AS n", Institution::of);
    }

    public Map<Skillslab, Place> places(List<Skillslab> labs) {
        return graph.childOf(labs, Skillslab::id, "MATCH (p:Skillslab)-[:IN_PLACE]->(n:Place) "
                + "WHERE p.id IN $ids RETURN p.id AS key, n {.*} AS n", Place::of);
    }

    public Map<Skillslab, List<LearningUnit>> assignments(List<Skillslab> labs) {
        return graph.childrenOf(labs, Skillslab::id, "MATCH (p:Skillslab)-[:OFFERS]->(n:LearningUnit) "
                + "WHERE p.id IN $ids RETURN p.id AS key, n {.*} AS n ORDER BY n.id", (n, r) -> LearningUnit.of(n));
    }

    /** The outcomes the assignments yield, each once at the highest level. */
    public Map<Skillslab, List<OutcomeAtLevel>> outcomes(List<Skillslab> labs) {
        return graph.childrenOf(labs, Skillslab::id, """
                MATCH (p:Skillslab)-[:OFFERS]->(:LearningUnit)-[y:YIELDS]->(n:LearningOutcome) WHERE p.id IN $ids
                WITH p, n, max(y.level) AS level
                RETURN p.id AS key, n {.*} AS n, {level: level} AS rel ORDER BY n.id
                """, (n, r) -> new OutcomeAtLevel(LearningOutcome.of(n), integer(r, "level")));
    }

    public Map<Skillslab, List<Competency>> competencies(List<Skillslab> labs) {
        return graph.childrenOf(labs, Skillslab::id, "MATCH (p:Skillslab)-[:DEVELOPS]->(n:Competency) "
                + "WHERE p.id IN $ids RETURN p.id AS key, n {.*} AS n ORDER BY n.id", (n, r) -> Competency.of(n));
    }

    public Map<Skillslab, List<FrameworkConcept>> workForms(List<Skillslab> labs) {
        return graph.childrenOf(labs, Skillslab::id, "MATCH (p:Skillslab)-[:USES_WORK_FORM]->(n:Concept) "
                + "WHERE p.id IN $ids RETURN p.id AS key, n {.*} AS n ORDER BY n.ordinal",
                (n, r) -> FrameworkConcept.of(n));
    }

    public record DimensionProfile(FrameworkConcept dimension, List<AspectValue> aspects) {
    }

    /** @param aspect null for the didactic concept's competencies and work forms */
    public record AspectValue(LearningFactoryModel.Aspect aspect, String nameNl, String nameEn, String value) {
    }

    /** Each skillslab's six dimensions with their aspects; three queries for any number of skillslabs. */
    public Map<Skillslab, List<DimensionProfile>> profiles(List<Skillslab> labs) {
        Map<String, FrameworkConcept> dimensions = new HashMap<>();
        graph.list("MATCH (n:Concept {scheme: 'LEARNING_FACTORY_DIMENSION'}) RETURN n {.*} AS n", Map.of(),
                FrameworkConcept::of).forEach(c -> dimensions.put(c.id(), c));
        Map<Skillslab, List<Competency>> competencies = competencies(labs);
        Map<Skillslab, List<FrameworkConcept>> workForms = workForms(labs);
        Map<Skillslab, List<DimensionProfile>> out = new LinkedHashMap<>();
        for (Skillslab lab : labs) {
            List<DimensionProfile> profile = new ArrayList<>();
            for (String dimension : LearningFactoryModel.DIMENSIONS) {
                List<AspectValue> values = new ArrayList<>();
                for (LearningFactoryModel.Aspect a : LearningFactoryModel.Aspect.values()) {
                    if (a.dimension().equals(dimension)) {
                        values.add(new AspectValue(a, a.nameNl(), a.nameEn(), lab.aspects().get(a.name())));
                    }
                }
                if (dimension.equals("lf-didactic-concept")) {
                    values.add(0, new AspectValue(null, "Competenties", "Competencies", String.join("; ",
                            competencies.get(lab).stream().map(Competency::nameEn).toList())));
                    values.add(2, new AspectValue(null, "Werkvormen", "Work forms", String.join("; ",
                            workForms.get(lab).stream().map(FrameworkConcept::nameEn).toList())));
                }
                profile.add(new DimensionProfile(dimensions.get(dimension), List.copyOf(values)));
            }
            out.put(lab, List.copyOf(profile));
        }
        return out;
    }
}
