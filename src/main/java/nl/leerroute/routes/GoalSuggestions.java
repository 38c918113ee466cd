package nl.leerroute.routes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import nl.leerroute.catalogue.Catalogue;
import nl.leerroute.catalogue.Certificate;
import nl.leerroute.catalogue.Role;
import nl.leerroute.database.GraphReader;
import nl.leerroute.routes.RouteService.PlanCommand;
import nl.leerroute.routes.RouteService.PlanView;
import nl.leerroute.routes.Targets.Goal;
import nl.leerroute.routes.planner.PersonProfile;
import org.springframework.stereotype.Service;

/**
 * Goals a person could aim for next: every role and certificate planned from the person's current
 * profile, ranked by the study hours still needed, then by labour-market tension for the goal's
 * sector in the person's province (UWV figures of the seed).
 */
@Service
public class GoalSuggestions {

    public record GoalSuggestion(Object goal, String status, Integer hoursNeeded, Double costEur,
            Double labourMarketTension, String tensionLabel, String region) {
    }

    private final RouteService routes;
    private final Catalogue catalogue;
    private final GraphReader graph;
    private final Profiles profiles;

    GoalSuggestions(RouteService routes, Catalogue catalogue, GraphReader graph, Profiles profiles) {
        this.routes = routes;
        this.catalogue = catalogue;
        this.graph = graph;
        this.profiles = profiles;
    }

    public List<GoalSuggestion> suggest(String personId, int first, LocalDate today) {
        if (first < 1 || first > 50) {
            throw new IllegalArgumentException("'first' must be between 1 and 50, got " + first);
        }
        List<Map<String, Object>> region = graph.rows("MATCH (p:Person {id: $id}) "
                + "OPTIONAL MATCH (p)-[:LIVES_IN]->(:Place)-[:IN_REGION]->(r:Region) RETURN r.id AS region",
                Map.of("id", personId));
        if (region.isEmpty()) {
            throw new UnknownReferenceException("person", personId);
        }
        String province = (String) region.get(0).get("region");
        // one read of the person's evidence for all goals, not one per goal
        PersonProfile profile = profiles.of(personId);
        List<GoalSuggestion> suggestions = new ArrayList<>();
        for (Role role : catalogue.roles()) {
            Map<String, Object> tension = tension(province, role.sector());
            suggestions.add(suggestion(profile, role, new Goal(null, null, null, null, null, role.id(), null, null),
                    today, tension, province));
        }
        for (Certificate certificate : catalogue.certificates()) {
            suggestions.add(suggestion(profile, certificate, new Goal(null, certificate.id(), null, null, null, null,
                    null, null), today, Map.of(), province));
        }
        suggestions.sort(Comparator.comparing((GoalSuggestion s) -> s.hoursNeeded() == null)
                .thenComparing(s -> s.hoursNeeded() == null ? Integer.MAX_VALUE : s.hoursNeeded())
                .thenComparing(s -> s.labourMarketTension() == null ? 0 : -s.labourMarketTension())
                .thenComparing(s -> s.goal() instanceof Role r ? r.id() : ((Certificate) s.goal()).id()));
        return suggestions.subList(0, Math.min(first, suggestions.size()));
    }

    private Map<String, Object> tension(String province, String sector) {
        if (province == null) {
            return Map.of();
        }
        List<Map<String, Object>> rows = graph.rows("MATCH (f:LabourMarketFigure {province: $province, "
                + "sector: $sector, indicator: 'TENSION'}) RETURN f.value AS value, f.label AS label "
                + "ORDER BY f.period DESC LIMIT 1", Map.of("province", province, "sector", sector));
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    private GoalSuggestion suggestion(PersonProfile profile, Object goal, Goal target, LocalDate today,
            Map<String, Object> tension, String province) {
        PlanView plan;
        try {
            plan = routes.plan(new PlanCommand(null, null, profile, target, null, 0, today));
        } catch (IllegalArgumentException e) {
            return new GoalSuggestion(goal, "INFEASIBLE", null, null, null, null, province);
        }
        Double value = tension.get("value") instanceof Number n ? n.doubleValue() : null;
        return new GoalSuggestion(goal, plan.status().name(),
                plan.best() == null ? null : (int) plan.best().totalHours(),
                plan.best() == null ? null : plan.best().totalCostEur(), value, (String) tension.get("label"),
                province);
    }
}
