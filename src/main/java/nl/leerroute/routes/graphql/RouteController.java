package nl.leerroute.routes.graphql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import nl.leerroute.people.People;
import nl.leerroute.people.Person;
import nl.leerroute.routes.Profiles;
import nl.leerroute.routes.RouteService;
import nl.leerroute.routes.RouteService.PlanCommand;
import nl.leerroute.routes.RouteService.PlanView;
import nl.leerroute.routes.RouteService.StepView;
import nl.leerroute.routes.Targets.Goal;
import nl.leerroute.routes.Targets.OutcomeGoal;
import nl.leerroute.routes.UnknownReferenceException;
import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeLevel;
import nl.leerroute.routes.planner.Funding;
import nl.leerroute.routes.planner.PersonProfile;
import nl.leerroute.routes.planner.PersonProfile.Evidence;
import nl.leerroute.routes.planner.PersonProfile.EvidenceStatus;
import nl.leerroute.routes.planner.PlanRequest.Constraints;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Route planning for workers and advisors: translates GraphQL input and calls {@link RouteService}. */
@Controller
class RouteController {

    record OutcomeLevelInput(String outcomeId, int level) {
    }

    record EvidenceInput(String title, String status, LocalDate obtained, List<OutcomeLevelInput> asserts) {
    }

    record TargetInput(List<OutcomeLevelInput> outcomes, String certificateId, String programmeId, String croho,
            String institutionId, String roleId, String competencyId, Integer competencyLevel) {
    }

    record ConstraintsInput(Double budgetEur, Integer hoursPerWeek, LocalDate deadline, List<String> modes,
            List<String> places, List<String> languages, List<String> excludedProviderIds,
            List<String> excludedUnitIds) {
    }

    record PlanRouteInput(String label, String personId, List<EvidenceInput> profile, TargetInput target,
            ConstraintsInput constraints, Integer alternatives, LocalDate startDate, String budgetApplies) {
    }

    /** The first steps towards one goal (a Role, Certificate or Programme record). */
    record NextSteps(Object goal, String status, List<StepView> steps, String explanationNl, String explanationEn) {
    }

    private final RouteService routes;
    private final People people;
    private final Profiles profiles;

    RouteController(RouteService routes, People people, Profiles profiles) {
        this.routes = routes;
        this.people = people;
        this.profiles = profiles;
    }

    @QueryMapping
    PlanView planRoute(@Argument PlanRouteInput input) {
        return routes.plan(command(input));
    }

    @QueryMapping
    List<PlanView> compareRoutes(@Argument List<PlanRouteInput> inputs) {
        return routes.compare(inputs.stream().map(RouteController::command).toList());
    }

    @QueryMapping
    List<NextSteps> nextSteps(@Argument String personId, @Argument int first) {
        if (first < 1 || first > 20) {
            throw new IllegalArgumentException("'first' must be between 1 and 20, got " + first);
        }
        Person person = people.person(personId).orElseThrow(() -> new UnknownReferenceException("person", personId));
        List<NextSteps> result = new ArrayList<>();
        PersonProfile profile = profiles.of(personId);
        for (Object goal : people.goalsOf(List.of(person)).get(person)) {
            Goal target = goalOf(goal);
            PlanView plan = routes.plan(new PlanCommand(null, null, profile, target, null, 0, null));
            List<StepView> steps = plan.best() == null ? List.of()
                    : plan.best().steps().subList(0, Math.min(first, plan.best().steps().size()));
            result.add(new NextSteps(goal, plan.status().name(), steps, plan.explanationNl(), plan.explanationEn()));
        }
        return result;
    }

    private static Goal goalOf(Object goal) {
        if (goal instanceof nl.leerroute.catalogue.Role role) {
            return new Goal(null, null, null, null, null, role.id(), null, null);
        }
        if (goal instanceof nl.leerroute.catalogue.Certificate certificate) {
            return new Goal(null, certificate.id(), null, null, null, null, null, null);
        }
        return new Goal(null, null, ((nl.leerroute.catalogue.Programme) goal).id(), null, null, null, null, null);
    }

    static PlanCommand command(PlanRouteInput input) {
        PersonProfile profile = null;
        if (input.profile() != null) {
            List<Evidence> evidence = new ArrayList<>();
            for (int i = 0; i < input.profile().size(); i++) {
                EvidenceInput item = input.profile().get(i);
                if (item.status().equals("REJECTED")) {
                    continue; // a rejected claim neither credits nor makes an assessment possible
                }
                evidence.add(new Evidence("profile-" + (i + 1), item.title(), EvidenceStatus.valueOf(item.status()),
                        item.obtained(), item.asserts().stream()
                                .map(a -> new OutcomeLevel(a.outcomeId(), a.level())).toList()));
            }
            profile = new PersonProfile(evidence);
        }
        TargetInput t = input.target();
        Goal goal = new Goal(t.outcomes() == null ? null
                : t.outcomes().stream().map(o -> new OutcomeGoal(o.outcomeId(), o.level())).toList(),
                t.certificateId(), t.programmeId(), t.croho(), t.institutionId(), t.roleId(), t.competencyId(),
                t.competencyLevel());
        return new PlanCommand(input.label(), input.personId(), profile, goal, constraints(input.constraints()),
                input.alternatives() == null ? 0 : input.alternatives(), input.startDate(),
                input.budgetApplies() == null ? Funding.CostBasis.GROSS
                        : Funding.CostBasis.valueOf(input.budgetApplies()));
    }

    private static Constraints constraints(ConstraintsInput c) {
        if (c == null) {
            return Constraints.none();
        }
        Long budgetCents = null;
        if (c.budgetEur() != null) {
            if (c.budgetEur() < 0) {
                throw new IllegalArgumentException("budgetEur must be zero or more, got " + c.budgetEur());
            }
            budgetCents = Math.round(c.budgetEur() * 100);
        }
        if (c.hoursPerWeek() != null && (c.hoursPerWeek() < 1 || c.hoursPerWeek() > 80)) {
            throw new IllegalArgumentException("hoursPerWeek must be between 1 and 80, got " + c.hoursPerWeek());
        }
        return new Constraints(budgetCents, c.hoursPerWeek(), c.deadline(), set(c.modes()), set(c.places()),
                set(c.languages()), set(c.excludedProviderIds()), set(c.excludedUnitIds()));
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : new HashSet<>(values);
    }
}
