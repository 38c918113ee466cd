package nl.leerroute.people;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.leerroute.catalogue.Certificate;
import nl.leerroute.catalogue.Programme;
import nl.leerroute.catalogue.Role;
import nl.leerroute.database.GraphReader;
import org.springframework.stereotype.Service;

/** Reads people and their prior learning from Neo4j. */
@Service
public class People {

    private final GraphReader graph;

    People(GraphReader graph) {
        this.graph = graph;
    }

    public List<Person> people(int offset, int limit) {
        return graph.list("MATCH (n:Person) RETURN n {.*} AS n ORDER BY n.name, n.id SKIP $offset LIMIT $limit",
                Map.of("offset", offset, "limit", limit), Person::of);
    }

    /** A page of the people whose ids are given, ordered like {@link #people}. */
    public List<Person> peopleAmong(Collection<String> ids, int offset, int limit) {
        return graph.list("MATCH (n:Person) WHERE n.id IN $ids RETURN n {.*} AS n ORDER BY n.name, n.id "
                + "SKIP $offset LIMIT $limit", Map.of("ids", List.copyOf(ids), "offset", offset, "limit", limit),
                Person::of);
    }

    public Optional<Person> person(String id) {
        return graph.one("MATCH (n:Person {id: $id}) RETURN n {.*} AS n", Map.of("id", id), Person::of);
    }

    public Optional<Evidence> evidence(String id) {
        return graph.one("MATCH (n:Evidence {id: $id}) RETURN n {.*} AS n", Map.of("id", id), Evidence::of);
    }

    public Map<String, Evidence> evidenceById(Collection<String> ids) {
        Map<String, Evidence> result = new LinkedHashMap<>();
        graph.list("MATCH (n:Evidence) WHERE n.id IN $ids RETURN n {.*} AS n ORDER BY n.id",
                Map.of("ids", List.copyOf(ids)), Evidence::of).forEach(e -> result.put(e.id(), e));
        return result;
    }

    public Map<Person, List<Evidence>> evidenceOf(Collection<Person> people) {
        return graph.childrenOf(people, Person::id, "MATCH (p:Person)-[:HAS_EVIDENCE]->(n:Evidence) "
                + "WHERE p.id IN $ids RETURN p.id AS key, n {.*} AS n ORDER BY n.to DESC, n.id",
                (n, r) -> Evidence.of(n));
    }

    /** Each person's goals: Role, Certificate or Programme records. */
    public Map<Person, List<Object>> goalsOf(Collection<Person> people) {
        return graph.childrenOf(people, Person::id, "MATCH (p:Person)-[:HAS_GOAL]->(n) WHERE p.id IN $ids "
                + "RETURN p.id AS key, n {.*} AS n, {label: head([l IN labels(n) WHERE l IN "
                + "['Role', 'Certificate', 'Programme']])} AS rel ORDER BY n.id",
                (n, rel) -> switch (String.valueOf(rel.get("label"))) {
                    case "Role" -> Role.of(n);
                    case "Certificate" -> Certificate.of(n);
                    default -> Programme.of(n);
                });
    }

    public Map<Evidence, Object> sourceOf(Collection<Evidence> evidence, String relationship) {
        Map<Evidence, Object> result = new LinkedHashMap<>();
        graph.childrenOf(evidence, Evidence::id, "MATCH (p:Evidence)-[:" + relationship + "]->(n) WHERE p.id IN $ids "
                + "RETURN p.id AS key, n {.*} AS n", (n, r) -> n).forEach((item, sources) -> {
                    if (!sources.isEmpty()) {
                        result.put(item, sources.get(0));
                    }
                });
        return result;
    }
}
