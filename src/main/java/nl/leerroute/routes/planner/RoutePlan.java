package nl.leerroute.routes.planner;

import java.time.LocalDate;
import java.util.List;

import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeLevel;
import nl.leerroute.routes.planner.CatalogueSnapshot.UnitKind;

/**
 * The planner's answer.
 *
 * @param status see {@link Status}
 * @param best the best route found (null when INFEASIBLE or UNKNOWN)
 * @param credits credited outcomes relevant to this request (targets and entry requirements of the best
 *        route), each with the evidence behind it
 * @param lowerBoundHours proven lower bound on the study hours of any valid route (equal to the best route's
 *        hours when OPTIMAL)
 * @param gap (best hours - lower bound) / best hours; 0 when OPTIMAL
 * @param reasons why it is INFEASIBLE: one entry per unreachable outcome (or one for the targets together
 *        when only their combination fails the budget or deadline)
 * @param alternatives genuinely different routes, see {@link RoutePlanner} for the rule
 * @param searchNodes branch-and-bound nodes used for the best route (diagnostics)
 */
public record RoutePlan(Status status, Route best, List<Credit> credits, long lowerBoundHours, double gap,
        List<Infeasibility> reasons, List<Route> alternatives, long searchNodes) {

    public enum Status {
        /** The best route is proven optimal for the lexicographic objective. */
        OPTIMAL,
        /** A limit stopped the search: a valid route, with a proven lower bound and gap. */
        FEASIBLE,
        /** Proven: no route meets the targets under the constraints; see {@link #reasons()}. */
        INFEASIBLE,
        /** A limit stopped the search before any route was found; nothing was proven. */
        UNKNOWN
    }

    /** What next: the first {@code n} steps of the best route (empty when there is no route). */
    public List<Step> nextSteps(int n) {
        if (best == null) {
            return List.of();
        }
        return best.steps().subList(0, Math.min(n, best.steps().size()));
    }

    /**
     * A route: steps in the order they are taken.
     *
     * @param optimal true when proven best (for an alternative: best among routes satisfying the difference rule
     *        against the routes before it)
     * @param scheduleExact false only when the route was too long to sequence exactly (more than 16 units with
     *        fixed start moments); its finish date is then that of a good but unproven order
     */
    public record Route(List<Step> steps, Totals totals, boolean optimal, boolean scheduleExact) {
        public List<String> unitIds() {
            return steps.stream().map(Step::unitId).toList();
        }
    }

    /**
     * @param costCents the catalogue price of the route (gross)
     * @param basisCostCents the cost the budget and the cost objective used: gross, or net of the funding the
     *        request's cost basis counts (exact, route caps applied)
     */
    public record Totals(long hours, long costCents, int units, LocalDate finish, long basisCostCents) {
    }

    /**
     * One step of a route.
     *
     * @param newlyCovers outcomes at the levels this step raises above what credits and earlier steps give
     * @param pulledInBy why the step is in the route: the targets it is first to cover and the entry
     *        requirements of later steps it is first to meet
     * @param funding what each scheme pays for this step, route caps used up in step order
     */
    public record Step(String unitId, UnitKind kind, LocalDate start, LocalDate finish, int hours, long costCents,
            List<OutcomeLevel> newlyCovers, List<PulledInBy> pulledInBy, List<Funding.Share> funding) {
    }

    public record PulledInBy(Kind kind, String outcomeId, int level, String targetLabel, String forUnitId) {
        public enum Kind {
            /** covers a target outcome at its level. */
            TARGET,
            /** meets an entry requirement of a later step (forUnitId); outcomeId null for a unit alternative. */
            ENTRY_REQUIREMENT
        }

        public String describe() {
            if (kind == Kind.TARGET) {
                return "target " + outcomeId + "@" + level + (targetLabel == null ? "" : " (" + targetLabel + ")");
            }
            return "entry requirement of " + forUnitId
                    + (outcomeId == null ? "" : ": " + outcomeId + "@" + level);
        }
    }

    /**
     * A credited outcome.
     *
     * @param level the level the person is credited at (highest current validated assertion)
     * @param neededLevel the level the request needs (target level or entry-requirement level)
     * @param evidenceIds every current validated evidence item asserting it at {@code neededLevel} or higher
     * @param usedFor "target" (with its label) or "entry requirement of UNIT"
     */
    public record Credit(String outcomeId, int level, int neededLevel, List<String> evidenceIds, String usedFor) {
    }

    public enum ReasonCode {
        /** Nothing in the catalogue teaches the outcome at that level. */
        NOT_TAUGHT,
        /** Units teach it, but every one is excluded by a constraint (listed in the text). */
        ALL_EXCLUDED,
        /** Allowed units teach it, but their entry requirements can never be met (cycle or unreachable). */
        PREREQUISITES_UNREACHABLE,
        /** Reachable, but not within the budget; {@code shortByCents} says by how much. */
        BUDGET_TOO_TIGHT,
        /** Reachable, but not by the deadline; {@code lateByDays} says by how much. */
        DEADLINE_TOO_TIGHT,
        /** Reachable, but no order lets every unit start on one of its start moments. */
        START_MOMENTS_MISSED
    }

    /**
     * Why a route cannot be made.
     *
     * @param outcomeId null when the targets only fail together (budget or deadline)
     * @param unitIds units involved (the excluded teachers, the blocked teachers)
     */
    public record Infeasibility(String outcomeId, int level, ReasonCode code, String textEn, String textNl,
            List<String> unitIds, Long shortByCents, Long lateByDays) {
    }
}
