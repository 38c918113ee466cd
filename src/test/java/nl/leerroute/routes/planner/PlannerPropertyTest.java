package nl.leerroute.routes.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.leerroute.routes.planner.RoutePlan.Route;
import nl.leerroute.routes.planner.RoutePlan.Status;

/** The planner against brute force on seeded random small instances. */
class PlannerPropertyTest {

    static final int INSTANCES = 3000;

    @Test
    void sameOptimumAsBruteForceAndEveryRouteValid() {
        check(RandomInstances::generate, "property test", 0);
    }

    /** Funding with route caps makes cost non-additive: the planner must still match brute force exactly. */
    @Test
    void sameOptimumAsBruteForceWithNetCostAndRouteCaps() {
        check(RandomInstances::generateWithFunding, "property test with funding", INSTANCES / 20);
    }

    private static void check(java.util.function.LongFunction<RandomInstances.Case> generator, String name,
            int minCapsBinding) {
        int optimal = 0;
        int capsBinding = 0;
        int infeasible = 0;
        int alternativesChecked = 0;
        java.util.Map<RoutePlan.ReasonCode, Integer> reasons = new java.util.TreeMap<>();
        for (long seed = 1; seed <= INSTANCES; seed++) {
            RandomInstances.Case c = generator.apply(seed);
            String ctx = "seed " + seed;
            RoutePlan plan = RoutePlanner.plan(c.cat(), c.profile(), c.req());
            BruteForce bf = new BruteForce(c.cat(), c.profile(), c.req());
            BruteForce.Best best = bf.best(List.of());
            if (best == null) {
                assertEquals(Status.INFEASIBLE, plan.status(), ctx);
                assertNull(plan.best(), ctx);
                assertFalse(plan.reasons().isEmpty(), ctx + ": infeasible without a reason");
                infeasible++;
                plan.reasons().forEach(x -> reasons.merge(x.code(), 1, Integer::sum));
                continue;
            }
            assertEquals(Status.OPTIMAL, plan.status(), ctx + " " + plan.reasons());
            Route r = plan.best();
            assertNotNull(r, ctx);
            RouteValidator.assertValid(bf, r, ctx);
            assertEquals(best.hours(), r.totals().hours(), ctx + ": hours");
            assertEquals(best.cost(), r.totals().basisCostCents(), ctx + ": cost");
            assertEquals(best.count(), r.totals().units(), ctx + ": units");
            if (best.count() > 0) {
                assertEquals(best.finishDay(), r.totals().finish().toEpochDay(), ctx + ": finish");
            }
            assertEquals(best.sortedIds(), RouteValidator.sortedIds(r), ctx + ": canonical route");
            capsBinding += bf.capsBind(r.unitIds()) ? 1 : 0;
            assertEquals(best.hours(), plan.lowerBoundHours(), ctx + ": bound");
            optimal++;
            if (best.count() == 0) {
                assertTrue(plan.alternatives().isEmpty(), ctx + ": nothing to learn, yet alternatives");
                continue;
            }
            // alternatives: each valid, each the brute-force best under the difference rule
            List<List<String>> earlier = new ArrayList<>();
            earlier.add(r.unitIds());
            for (Route alt : plan.alternatives()) {
                BruteForce.Best b = bf.best(earlier);
                assertNotNull(b, ctx + ": planner found an alternative brute force does not");
                RouteValidator.assertValid(bf, alt, ctx + " alternative");
                assertTrue(bf.differentEnough(alt.unitIds(), earlier), ctx + ": near-copy alternative");
                assertEquals(b.sortedIds(), RouteValidator.sortedIds(alt), ctx + ": alternative");
                assertTrue(alt.optimal(), ctx);
                earlier.add(alt.unitIds());
                alternativesChecked++;
            }
            if (plan.alternatives().size() < c.req().alternatives() && best.count() > 0) {
                assertNull(bf.best(earlier), ctx + ": brute force has another alternative");
            }
        }
        System.out.printf(name + ": %d instances, %d optimal (%d with a binding route cap), %d infeasible, "
                + "%d alternatives; reasons %s%n", INSTANCES, optimal, capsBinding, infeasible, alternativesChecked,
                reasons);
        assertTrue(capsBinding >= minCapsBinding, "too few routes where a route cap binds: " + capsBinding);
        assertTrue(optimal > INSTANCES / 4, "too few feasible instances to mean much");
        assertTrue(infeasible > INSTANCES / 20, "too few infeasible instances to mean much");
    }
}
