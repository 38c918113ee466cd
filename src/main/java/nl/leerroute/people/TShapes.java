package nl.leerroute.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.leerroute.catalogue.Competency;
import nl.leerroute.catalogue.FrameworkConcept;
import nl.leerroute.database.GraphReader;
import org.springframework.stereotype.Service;

/** A person's T-shape: breadth over horizontal competencies, depth per domain of vertical ones. */
@Service
public class TShapes {

    public record CompetencyStrength(Competency competency, int creditedOutcomes, int totalOutcomes,
            int highestLevel) {
    }

    public record DomainDepth(FrameworkConcept domain, List<CompetencyStrength> competencies, int highestLevel) {
    }

    public record TShapeProfile(Person person, List<CompetencyStrength> breadth, List<DomainDepth> depth,
            int breadthScore) {
    }

    private final GraphReader graph;
    private final Credits credits;
    private final People people;

    TShapes(GraphReader graph, Credits credits, People people) {
        this.graph = graph;
        this.credits = credits;
        this.people = people;
    }

    @SuppressWarnings("unchecked")
    public TShapeProfile of(String personId, LocalDate today) {
        Person person = people.person(personId)
                .orElseThrow(() -> new IllegalArgumentException("There is no person with id '" + personId + "'"));
        Map<String, Integer> credited = credits.of(personId, today);
        List<CompetencyStrength> breadth = new ArrayList<>();
        Map<String, List<CompetencyStrength>> byDomain = new LinkedHashMap<>();
        Map<String, FrameworkConcept> domains = new LinkedHashMap<>();
        for (Map<String, Object> row : graph.rows("""
                MATCH (c:Competency)<-[:BELONGS_TO]-(o:LearningOutcome) WHERE o.id IN $credited
                WITH DISTINCT c
                MATCH (c)<-[:BELONGS_TO]-(all:LearningOutcome)
                RETURN c {.*} AS c, collect(all.id) AS outcomes,
                       [(c)-[:DEEPENS]->(d:Concept) | d {.*}] AS domains
                ORDER BY c.id
                """, Map.of("credited", List.copyOf(credited.keySet())))) {
            Competency competency = Competency.of((Map<String, Object>) row.get("c"));
            List<String> outcomes = (List<String>) row.get("outcomes");
            int creditedCount = (int) outcomes.stream().filter(credited::containsKey).count();
            int highest = outcomes.stream().mapToInt(o -> credited.getOrDefault(o, 0)).max().orElse(0);
            CompetencyStrength strength = new CompetencyStrength(competency, creditedCount, outcomes.size(), highest);
            if ("HORIZONTAL".equals(competency.tDimension())) {
                breadth.add(strength);
                continue;
            }
            List<Map<String, Object>> deepens = (List<Map<String, Object>>) row.get("domains");
            if (deepens.isEmpty()) {
                byDomain.computeIfAbsent("", k -> new ArrayList<>()).add(strength);
            }
            for (Map<String, Object> d : deepens) {
                FrameworkConcept domain = FrameworkConcept.of(d);
                domains.put(domain.id(), domain);
                byDomain.computeIfAbsent(domain.id(), k -> new ArrayList<>()).add(strength);
            }
        }
        List<DomainDepth> depth = new ArrayList<>();
        byDomain.forEach((id, strengths) -> depth.add(new DomainDepth(domains.get(id), strengths,
                strengths.stream().mapToInt(CompetencyStrength::highestLevel).max().orElse(0))));
        depth.sort(Comparator.comparingInt(DomainDepth::highestLevel).reversed()
                .thenComparing(d -> d.domain() == null ? "~" : d.domain().id()));
        return new TShapeProfile(person, breadth, depth, breadth.size());
    }
}
