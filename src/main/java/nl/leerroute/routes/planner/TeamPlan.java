package nl.leerroute.routes.planner;

import java.util.List;

import nl.leerroute.routes.planner.RoutePlan.Infeasibility;
import nl.leerroute.routes.planner.RoutePlan.Route;
import nl.leerroute.routes.planner.RoutePlan.Status;
import nl.leerroute.routes.planner.TeamRequest.Need;

/**
 * The team planner's answer, with the same status conventions as {@link RoutePlan}.
 *
 * @param status OPTIMAL: proven least total hours (then cost); FEASIBLE: a limit stopped the search (or a
 *        member's route was not proven), {@code lowerBoundHours} is proven; INFEASIBLE: {@code blockers} say
 *        which need cannot be met and why; UNKNOWN: a limit stopped the search before any plan was found
 * @param totalHours sum over members of their route's study hours (each person's own time)
 * @param totalCostCents sum over members of their route's cost (prices are per participant)
 * @param coverage per need: who is credited, who learns it in this plan
 * @param routes per member with something to learn: the outcomes assigned to them and their route
 * @param groups units in the routes of two or more members: one group training can serve them
 * @param blockers why the plan is INFEASIBLE
 * @param nodes assignments tried (diagnostics)
 */
public record TeamPlan(Status status, long totalHours, long totalCostCents, long lowerBoundHours, double gap,
        List<NeedCoverage> coverage, List<MemberRoute> routes, List<GroupUnit> groups, List<Blocker> blockers,
        long nodes) {

    /** A need: members credited with it, and members this plan has learn it (together at least {@code people}). */
    public record NeedCoverage(Need need, List<String> credited, List<String> learners) {
    }

    /**
     * One member's own route: the planner's best route for the needs assigned to them (its steps explain
     * themselves like planRoute's, with the need's label as target label).
     */
    public record MemberRoute(String memberId, List<Need> assigned, Route route) {
    }

    /** A unit several members take: hours count per person, cost per participant. */
    public record GroupUnit(String unitId, List<String> memberIds, int hoursPerPerson, long costCentsPerPerson) {
    }

    public enum BlockerCode {
        /** Fewer members than the need asks for are in the team (or share data), credited or not. */
        TEAM_TOO_SMALL,
        /** Too few members can reach the outcome at all; {@code details} says why for one of them. */
        NOT_REACHABLE,
        /** Plans exist, but none within the budget; {@code shortByCents} says by how much. */
        BUDGET_TOO_TIGHT
    }

    /**
     * Why the team plan cannot be made.
     *
     * @param need null when the needs only fail together (budget)
     * @param details the route planner's reasons for one member who cannot reach it
     */
    public record Blocker(Need need, BlockerCode code, String textEn, String textNl, List<Infeasibility> details,
            Long shortByCents) {
    }
}
