package nl.leerroute.routes;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.leerroute.database.GraphReader;
import nl.leerroute.database.Props;
import nl.leerroute.graphql.InvalidValue;
import nl.leerroute.routes.RouteService.PlanCommand;
import nl.leerroute.routes.RouteService.PlanView;
import org.neo4j.driver.Driver;
import org.springframework.stereotype.Service;

/** Plans a person chose to keep: the route as shown, with the request that produced it. */
@Service
public class SavedPlans {

    public record SavedPlan(String id, String name, String savedAt, String status, Integer totalHours,
            Double totalCostEur, LocalDate finish, List<String> unitIds, String requestJson) {

        static SavedPlan of(Map<String, Object> n) {
            return new SavedPlan(Props.str(n, "id"), Props.str(n, "name"), Props.str(n, "savedAt"),
                    Props.str(n, "status"), Props.integer(n, "totalHours"), Props.decimal(n, "totalCostEur"),
                    Props.date(n, "finish"), n.get("unitIds") instanceof List<?> l
                            ? l.stream().map(String::valueOf).toList() : List.of(), Props.str(n, "requestJson"));
        }
    }

    public record SaveResult(SavedPlan savedPlan, List<InvalidValue> errors) {
    }

    private final RouteService routes;
    private final Driver driver;
    private final GraphReader graph;

    SavedPlans(RouteService routes, Driver driver, GraphReader graph) {
        this.routes = routes;
        this.driver = driver;
        this.graph = graph;
    }

    public SaveResult save(PlanCommand command, String name, String requestJson) {
        if (command.personId() == null) {
            return new SaveResult(null, List.of(new InvalidValue("plan.personId",
                    "only a person's plan can be saved; an anonymous profile has nowhere to keep it")));
        }
        if (name == null || name.isBlank()) {
            return new SaveResult(null, List.of(new InvalidValue("name", "is required")));
        }
        PlanView plan;
        try {
            plan = routes.plan(command);
        } catch (IllegalArgumentException e) {
            return new SaveResult(null, List.of(new InvalidValue("plan", e.getMessage())));
        }
        String id = "plan-" + UUID.randomUUID();
        Map<String, Object> properties = new HashMap<>();
        properties.put("id", id);
        properties.put("name", name.strip());
        properties.put("status", plan.status().name());
        properties.put("requestJson", requestJson);
        properties.put("origin", "api");
        List<String> unitIds = List.of();
        if (plan.best() != null) {
            properties.put("totalHours", plan.best().totalHours());
            properties.put("totalCostEur", plan.best().totalCostEur());
            properties.put("finish", plan.best().finish());
            unitIds = plan.best().steps().stream().map(s -> s.learningUnit().id()).toList();
        }
        properties.put("unitIds", unitIds);
        List<String> units = unitIds;
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("""
                    MATCH (p:Person {id: $person})
                    CREATE (p)-[:SAVED_PLAN]->(s:SavedPlan) SET s = $properties, s.savedAt = toString(datetime())
                    WITH s UNWIND range(0, size($units) - 1) AS i
                    MATCH (u:LearningUnit {id: $units[i]}) CREATE (s)-[:INCLUDES {position: i}]->(u)
                    """, Map.of("person", command.personId(), "properties", properties, "units", units)).consume());
        }
        return new SaveResult(graph.one("MATCH (n:SavedPlan {id: $id}) RETURN n {.*} AS n", Map.of("id", id),
                SavedPlan::of).orElseThrow(), List.of());
    }

    public List<SavedPlan> saved(String personId) {
        return graph.list("MATCH (:Person {id: $id})-[:SAVED_PLAN]->(n:SavedPlan) RETURN n {.*} AS n "
                + "ORDER BY n.savedAt DESC, n.id", Map.of("id", personId), SavedPlan::of);
    }
}
