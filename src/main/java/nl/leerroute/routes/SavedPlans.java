package nl.leerroute.routes;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.leerroute.database.GraphReader;
import nl.leerroute.database.Props;
import nl.leerroute.graphql.FieldError;
import nl.leerroute.graphql.InvalidValue;
import nl.leerroute.graphql.VersionConflict;
import nl.leerroute.routes.RouteService.PlanCommand;
import nl.leerroute.routes.RouteService.PlanView;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Transaction;
import org.springframework.stereotype.Service;

/**
 * Plans a person chose to keep: the route as shown, with the request that produced it. Each plan
 * has a version, starting at 1 and raised by every update; an update names the version it read and
 * is refused with a {@link VersionConflict} when another update came first (optimistic locking), so
 * no update is lost. Every save or update is one transaction.
 */
@Service
public class SavedPlans {

    /** @param version 1 when saved, plus one per update; plans saved before versions existed count as 1 */
    public record SavedPlan(String id, String name, String savedAt, String status, Integer totalHours,
            Double totalCostEur, LocalDate finish, List<String> unitIds, String requestJson, int version) {

        static SavedPlan of(Map<String, Object> n) {
            Integer version = Props.integer(n, "version");
            return new SavedPlan(Props.str(n, "id"), Props.str(n, "name"), Props.str(n, "savedAt"),
                    Props.str(n, "status"), Props.integer(n, "totalHours"), Props.decimal(n, "totalCostEur"),
                    Props.date(n, "finish"), n.get("unitIds") instanceof List<?> l
                            ? l.stream().map(String::valueOf).toList() : List.of(), Props.str(n, "requestJson"),
                    version == null ? 1 : version);
        }
    }

    public record SaveResult(SavedPlan savedPlan, List<FieldError> errors) {

        static SaveResult failed(FieldError error) {
            return new SaveResult(null, List.of(error));
        }
    }

    /** Thrown inside a transaction to roll it back with the error the client gets. */
    private static final class Refused extends RuntimeException {
        private final transient FieldError error;

        Refused(FieldError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
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
            return SaveResult.failed(new InvalidValue("plan.personId",
                    "only a person's plan can be saved; an anonymous profile has nowhere to keep it"));
        }
        if (name == null || name.isBlank()) {
            return SaveResult.failed(new InvalidValue("name", "is required"));
        }
        PlanView plan;
        try {
            plan = routes.plan(command);
        } catch (IllegalArgumentException e) {
            return SaveResult.failed(new InvalidValue("plan", e.getMessage()));
        }
        String id = "plan-" + UUID.randomUUID();
        Map<String, Object> properties = routeProperties(plan, requestJson);
        properties.put("id", id);
        properties.put("name", name.strip());
        properties.put("origin", "api");
        properties.put("version", 1);
        try {
            inTransaction(tx -> {
                tx.run("""
                        MATCH (p:Person {id: $person})
                        CREATE (p)-[:SAVED_PLAN]->(s:SavedPlan) SET s = $properties, s.savedAt = toString(datetime())
                        """, Map.of("person", command.personId(), "properties", properties)).consume();
                includeUnits(tx, id, unitIds(plan));
            });
        } catch (Refused e) {
            return SaveResult.failed(e.error);
        }
        return new SaveResult(find(id), List.of());
    }

    /**
     * Renames a saved plan and/or replaces its route (planned again now from {@code command}), if it
     * is still at {@code expectedVersion}; otherwise answers a {@link VersionConflict} and writes nothing.
     */
    public SaveResult update(String planId, int expectedVersion, String name, PlanCommand command,
            String requestJson) {
        if (name != null && name.isBlank()) {
            return SaveResult.failed(new InvalidValue("name", "must not be blank"));
        }
        String owner = graph.rows("MATCH (p:Person)-[:SAVED_PLAN]->(:SavedPlan {id: $id}) RETURN p.id AS person",
                Map.of("id", planId)).stream().map(r -> (String) r.get("person")).findFirst().orElse(null);
        if (owner == null) {
            return SaveResult.failed(new InvalidValue("planId", "there is no saved plan with id '" + planId + "'"));
        }
        Map<String, Object> changes = new HashMap<>();
        List<String> units = null;
        if (command != null) {
            if (!owner.equals(command.personId())) {
                return SaveResult.failed(new InvalidValue("plan.personId", "must be the plan's own person, '"
                        + owner + "'"));
            }
            PlanView plan;
            try {
                plan = routes.plan(command);
            } catch (IllegalArgumentException e) {
                return SaveResult.failed(new InvalidValue("plan", e.getMessage()));
            }
            changes.putAll(routeProperties(plan, requestJson));
            for (String key : List.of("totalHours", "totalCostEur", "finish")) {
                changes.putIfAbsent(key, null); // a route that became infeasible has none
            }
            units = unitIds(plan);
        }
        if (name != null) {
            changes.put("name", name.strip());
        }
        List<String> newUnits = units;
        try {
            inTransaction(tx -> {
                // Take the plan's write lock before reading its version, so that two updates of the same
                // version cannot both pass the check: the second waits here and then reads the first's.
                tx.run("MATCH (s:SavedPlan {id: $id}) SET s.locked = true", Map.of("id", planId)).consume();
                int current = tx.run("MATCH (s:SavedPlan {id: $id}) RETURN coalesce(s.version, 1) AS version",
                        Map.of("id", planId)).single().get("version").asInt();
                if (current != expectedVersion) {
                    throw new Refused(new VersionConflict("expectedVersion", "the plan is at version " + current
                            + ", not " + expectedVersion + ": someone changed it since you read it; read it again "
                            + "and retry", current));
                }
                tx.run("MATCH (s:SavedPlan {id: $id}) SET s += $changes, s.version = $version REMOVE s.locked",
                        Map.of("id", planId, "changes", changes, "version", current + 1)).consume();
                if (newUnits != null) {
                    tx.run("MATCH (:SavedPlan {id: $id})-[i:INCLUDES]->() DELETE i", Map.of("id", planId)).consume();
                    includeUnits(tx, planId, newUnits);
                }
            });
        } catch (Refused e) {
            return SaveResult.failed(e.error);
        }
        return new SaveResult(find(planId), List.of());
    }

    private SavedPlan find(String id) {
        return graph.one("MATCH (n:SavedPlan {id: $id}) RETURN n {.*} AS n", Map.of("id", id), SavedPlan::of)
                .orElseThrow();
    }

    /** Runs {@code work} in one transaction; commits only if it returns, so a failure half-way leaves no trace. */
    private void inTransaction(java.util.function.Consumer<Transaction> work) {
        try (var session = driver.session(); Transaction tx = session.beginTransaction()) {
            work.accept(tx);
            tx.commit();
        }
    }

    /**
     * Links the plan to its units in route order. A unit the planner chose but the graph no longer has
     * (removed after the planner's snapshot was taken) refuses the whole save.
     */
    private static void includeUnits(Transaction tx, String planId, List<String> units) {
        List<String> linked = tx.run("""
                MATCH (s:SavedPlan {id: $id})
                UNWIND range(0, size($units) - 1) AS i
                MATCH (u:LearningUnit {id: $units[i]}) CREATE (s)-[:INCLUDES {position: i}]->(u)
                RETURN u.id AS id
                """, Map.of("id", planId, "units", units)).list(r -> r.get("id").asString());
        if (linked.size() != units.size()) {
            List<String> missing = units.stream().filter(u -> !linked.contains(u)).toList();
            throw new Refused(new InvalidValue("plan", "the route includes learning unit(s) " + missing
                    + " that no longer exist; plan again"));
        }
    }

    private static Map<String, Object> routeProperties(PlanView plan, String requestJson) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("status", plan.status().name());
        properties.put("requestJson", requestJson);
        if (plan.best() != null) {
            properties.put("totalHours", plan.best().totalHours());
            properties.put("totalCostEur", plan.best().totalCostEur());
            properties.put("finish", plan.best().finish());
        }
        properties.put("unitIds", unitIds(plan));
        return properties;
    }

    private static List<String> unitIds(PlanView plan) {
        return plan.best() == null ? List.of()
                : plan.best().steps().stream().map(RouteService.StepView::learningUnitId).toList();
    }

    public List<SavedPlan> saved(String personId) {
        return graph.list("MATCH (:Person {id: $id})-[:SAVED_PLAN]->(n:SavedPlan) RETURN n {.*} AS n "
                + "ORDER BY n.savedAt DESC, n.id", Map.of("id", personId), SavedPlan::of);
    }
}
