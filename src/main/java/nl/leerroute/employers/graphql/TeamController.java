package nl.leerroute.employers.graphql;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.leerroute.access.Access;
import nl.leerroute.access.Caller;
import nl.leerroute.access.Role;
import nl.leerroute.catalogue.Catalogue;
import nl.leerroute.catalogue.FrameworkConcept;
import nl.leerroute.catalogue.Institution;
import nl.leerroute.employers.TeamGaps;
import nl.leerroute.employers.TeamGaps.Gap;
import nl.leerroute.employers.TeamGaps.GoalNeed;
import nl.leerroute.employers.TeamGaps.Plan;
import nl.leerroute.employers.Teams;
import nl.leerroute.employers.Teams.ConsentResult;
import nl.leerroute.employers.Teams.EmployerConsent;
import nl.leerroute.employers.Teams.Member;
import nl.leerroute.employers.Teams.Result;
import nl.leerroute.employers.Teams.Team;
import nl.leerroute.routes.planner.PlanRequest.Constraints;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Teams, their gap and plan for employers, and employees' consents to their employer. The operation rules
 * already refused other callers; each method still takes the firm from the caller, never from an argument.
 */
@Controller
class TeamController {

    private static final String CALLER = Caller.CONTEXT_KEY;

    record CreateTeamInput(String name, List<String> memberIds, List<String> transformationIds,
            String maturityLevelId) {
    }

    record UpdateTeamInput(String id, String name, List<String> memberIds, List<String> transformationIds,
            String maturityLevelId) {
    }

    record TeamPlanConstraints(Double budgetEur, Integer hoursPerWeek, LocalDate deadline, List<String> modes,
            List<String> places, List<String> languages) {
    }

    record GrantEmployerConsentInput(String employerId, List<String> shares, String purpose, LocalDate until) {
    }

    record WithdrawEmployerConsentInput(String consentId) {
    }

    private final Access access;
    private final Teams teams;
    private final TeamGaps gaps;
    private final Catalogue catalogue;

    TeamController(Access access, Teams teams, TeamGaps gaps, Catalogue catalogue) {
        this.access = access;
        this.teams = teams;
        this.gaps = gaps;
        this.catalogue = catalogue;
    }

    @QueryMapping
    List<GoalNeed> transformationNeeds(@Argument List<String> transformationIds, @Argument String maturityLevelId) {
        return gaps.needs(transformationIds, maturityLevelId);
    }

    @QueryMapping
    List<Member> myEmployees(@ContextValue(name = CALLER, required = false) Caller caller) {
        return teams.employees(access.requireEmployerFirm(known(caller), "myEmployees"));
    }

    @QueryMapping
    List<Team> myTeams(@ContextValue(name = CALLER, required = false) Caller caller) {
        return teams.teams(access.requireEmployerFirm(known(caller), "myTeams"));
    }

    @QueryMapping
    Team team(@ContextValue(name = CALLER, required = false) Caller caller, @Argument String id) {
        return teamOf(known(caller), id, "team");
    }

    @QueryMapping
    Gap teamGap(@ContextValue(name = CALLER, required = false) Caller caller, @Argument String teamId) {
        Team team = teamOf(known(caller), teamId, "teamGap");
        logReads(known(caller), team, "teamGap");
        return gaps.gap(team);
    }

    @QueryMapping
    Plan teamPlan(@ContextValue(name = CALLER, required = false) Caller caller, @Argument String teamId,
            @Argument TeamPlanConstraints constraints) {
        Team team = teamOf(known(caller), teamId, "teamPlan");
        logReads(known(caller), team, "teamPlan");
        TeamPlanConstraints c = constraints == null
                ? new TeamPlanConstraints(null, null, null, null, null, null) : constraints;
        if (c.budgetEur() != null && c.budgetEur() < 0) {
            throw new IllegalArgumentException("budgetEur must be zero or more, got " + c.budgetEur());
        }
        Long budget = c.budgetEur() == null ? null : Math.round(c.budgetEur() * 100);
        return gaps.plan(team, budget, new Constraints(null, c.hoursPerWeek(), c.deadline(), set(c.modes()),
                set(c.places()), set(c.languages()), null, null));
    }

    @MutationMapping
    Result createTeam(@ContextValue(name = CALLER, required = false) Caller caller, @Argument CreateTeamInput input) {
        return teams.create(access.requireEmployerFirm(known(caller), "createTeam"), new Teams.Change(input.name(),
                input.memberIds(), input.transformationIds(), input.maturityLevelId()));
    }

    @MutationMapping
    Result updateTeam(@ContextValue(name = CALLER, required = false) Caller caller, @Argument UpdateTeamInput input) {
        return teams.update(firmFor(known(caller), input.id(), "updateTeam"), input.id(), new Teams.Change(
                input.name(), input.memberIds(), input.transformationIds(), input.maturityLevelId()));
    }

    @QueryMapping
    List<EmployerConsent> myEmployerConsents(@ContextValue(name = CALLER, required = false) Caller caller) {
        return teams.consentsOf(access.requireOwnPerson(known(caller), "myEmployerConsents"));
    }

    @MutationMapping
    ConsentResult grantEmployerConsent(@ContextValue(name = CALLER, required = false) Caller caller,
            @Argument GrantEmployerConsentInput input) {
        return teams.grant(access.requireOwnPerson(known(caller), "grantEmployerConsent"), input.employerId(),
                input.shares(), input.purpose(), input.until(), LocalDate.now());
    }

    @MutationMapping
    ConsentResult withdrawEmployerConsent(@ContextValue(name = CALLER, required = false) Caller caller,
            @Argument WithdrawEmployerConsentInput input) {
        return teams.withdraw(access.requireOwnPerson(known(caller), "withdrawEmployerConsent"), input.consentId(),
                LocalDate.now());
    }

    @BatchMapping(typeName = "Team", field = "transformations")
    Map<Team, List<FrameworkConcept>> transformations(List<Team> list) {
        Map<String, FrameworkConcept> concepts = concepts("TRANSFORMATION");
        Map<Team, List<FrameworkConcept>> result = new LinkedHashMap<>();
        list.forEach(t -> result.put(t, t.transformationIds().stream().map(concepts::get).toList()));
        return result;
    }

    @BatchMapping(typeName = "Team", field = "maturityLevel")
    Map<Team, FrameworkConcept> maturityLevel(List<Team> list) {
        Map<String, FrameworkConcept> concepts = concepts("MATURITY_LEVEL");
        Map<Team, FrameworkConcept> result = new LinkedHashMap<>();
        list.forEach(t -> result.put(t, concepts.get(t.maturityLevelId())));
        return result;
    }

    @BatchMapping(typeName = "EmployerConsent", field = "employer")
    Map<EmployerConsent, Institution> employer(List<EmployerConsent> list) {
        return catalogue.institutionOf(list, EmployerConsent::id, "EmployerConsent", "TO_EMPLOYER");
    }

    @SchemaMapping(typeName = "EmployerConsent", field = "status")
    String status(EmployerConsent consent) {
        return consent.status(LocalDate.now());
    }

    private Map<String, FrameworkConcept> concepts(String scheme) {
        Map<String, FrameworkConcept> concepts = new LinkedHashMap<>();
        catalogue.frameworkConcepts(scheme).forEach(c -> concepts.put(c.id(), c));
        return concepts;
    }

    /** The team, for its firm's employer or an admin; the rules refused everyone else already. */
    private Team teamOf(Caller caller, String teamId, String operation) {
        access.requireTeamOfFirm(caller, teamId, operation);
        String firm = firmFor(caller, teamId, operation);
        return teams.team(firm, teamId).orElseThrow(() -> new IllegalArgumentException("There is no team with id '"
                + teamId + "'"));
    }

    private String firmFor(Caller caller, String teamId, String operation) {
        return caller.has(Role.ADMIN) ? teams.firmOf(teamId) : access.requireEmployerFirm(caller, operation);
    }

    private void logReads(Caller caller, Team team, String operation) {
        team.members().forEach(m -> access.recordEmployerRead(caller, m.personId(), operation));
    }

    private static java.util.Set<String> set(List<String> values) {
        return values == null ? null : java.util.Set.copyOf(values);
    }

    private static Caller known(Caller caller) {
        return caller == null ? Caller.ANONYMOUS : caller;
    }
}
