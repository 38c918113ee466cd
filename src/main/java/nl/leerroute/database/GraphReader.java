package nl.leerroute.database;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Read helpers over {@link Neo4jClient} for Cypher that returns nodes as property maps
 * ({@code RETURN n {.*} AS n}), so that each feature maps them into its own records.
 */
@Component
public class GraphReader {

    private final Neo4jClient client;
    private final AtomicLong queries = new AtomicLong();

    GraphReader(Neo4jClient client) {
        this.client = client;
    }

    /** Queries run so far: lets tests prove that a response's query count does not grow with its lists. */
    public long queryCount() {
        return queries.get();
    }

    private Neo4jClient.UnboundRunnableSpec query(String cypher) {
        queries.incrementAndGet();
        return client.query(cypher);
    }

    /** Rows of a query returning a column {@code n}, mapped. */
    public <T> List<T> list(String cypher, Map<String, Object> parameters, Function<Map<String, Object>, T> mapper) {
        return query(cypher).bindAll(parameters).fetch().all().stream()
                .map(row -> mapper.apply(properties(row.get("n"))))
                .toList();
    }

    public <T> Optional<T> one(String cypher, Map<String, Object> parameters, Function<Map<String, Object>, T> mapper) {
        return list(cypher, parameters, mapper).stream().findFirst();
    }

    public List<Map<String, Object>> rows(String cypher, Map<String, Object> parameters) {
        return List.copyOf(query(cypher).bindAll(parameters).fetch().all());
    }

    /**
     * Children of many parents in one query (for {@code @BatchMapping}). The query receives the
     * parents' ids as {@code $ids} and returns {@code key} (a parent id), {@code n} (the child's
     * properties) and optionally {@code rel} (the relationship's properties).
     */
    public <P, T> Map<P, List<T>> childrenOf(Collection<P> parents, Function<P, String> idOf, String cypher,
            BiFunction<Map<String, Object>, Map<String, Object>, T> mapper) {
        Map<String, List<T>> byId = new LinkedHashMap<>();
        for (Map<String, Object> row : query(cypher)
                .bind(parents.stream().map(idOf).distinct().toList()).to("ids").fetch().all()) {
            byId.computeIfAbsent((String) row.get("key"), k -> new java.util.ArrayList<>())
                    .add(mapper.apply(properties(row.get("n")), properties(row.get("rel"))));
        }
        Map<P, List<T>> result = new LinkedHashMap<>();
        for (P parent : parents) {
            result.put(parent, byId.getOrDefault(idOf.apply(parent), List.of()));
        }
        return result;
    }

    /** Like {@link #childrenOf} for a single child per parent; parents without one are left out. */
    public <P, T> Map<P, T> childOf(Collection<P> parents, Function<P, String> idOf, String cypher,
            Function<Map<String, Object>, T> mapper) {
        Map<P, T> result = new LinkedHashMap<>();
        childrenOf(parents, idOf, cypher, (n, rel) -> mapper.apply(n)).forEach((parent, children) -> {
            if (!children.isEmpty()) {
                result.put(parent, children.get(0));
            }
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
