package nl.leerroute.routes.graphql;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nl.leerroute.catalogue.Catalogue;
import nl.leerroute.catalogue.LearningUnit;
import nl.leerroute.routes.GoalSuggestions;
import nl.leerroute.routes.GoalSuggestions.GoalSuggestion;
import nl.leerroute.routes.SavedPlans;
import nl.leerroute.routes.SavedPlans.SaveResult;
import nl.leerroute.routes.SavedPlans.SavedPlan;
import nl.leerroute.routes.graphql.RouteController.PlanRouteInput;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import tools.jackson.databind.json.JsonMapper;

/** Goal suggestions and saved plans. */
@Controller
class GoalController {

    record SavePlanInput(PlanRouteInput plan, String name) {
    }

    record UpdatePlanInput(String planId, int expectedVersion, String name, PlanRouteInput plan) {
    }

    private final GoalSuggestions suggestions;
    private final SavedPlans savedPlans;
    private final Catalogue catalogue;
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    GoalController(GoalSuggestions suggestions, SavedPlans savedPlans, Catalogue catalogue) {
        this.suggestions = suggestions;
        this.savedPlans = savedPlans;
        this.catalogue = catalogue;
    }

    @QueryMapping
    List<GoalSuggestion> suggestGoals(@Argument String personId, @Argument int first) {
        return suggestions.suggest(personId, first, LocalDate.now());
    }

    @QueryMapping
    List<SavedPlan> savedPlans(@Argument String personId) {
        return savedPlans.saved(personId);
    }

    @MutationMapping
    SaveResult savePlan(@Argument SavePlanInput input) {
        return savedPlans.save(RouteController.command(input.plan()), input.name(),
                json.writeValueAsString(input.plan()));
    }

    @MutationMapping
    SaveResult updatePlan(@Argument UpdatePlanInput input) {
        PlanRouteInput plan = input.plan();
        return savedPlans.update(input.planId(), input.expectedVersion(), input.name(),
                plan == null ? null : RouteController.command(plan), plan == null ? null : json.writeValueAsString(plan));
    }

    @BatchMapping(typeName = "SavedPlan", field = "learningUnits")
    Map<SavedPlan, List<LearningUnit>> learningUnits(List<SavedPlan> plans) {
        Set<String> ids = new LinkedHashSet<>();
        plans.forEach(p -> ids.addAll(p.unitIds()));
        Map<String, LearningUnit> units = catalogue.unitsById(ids);
        return plans.stream().collect(Collectors.toMap(p -> p, p -> p.unitIds().stream().map(units::get).toList(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
