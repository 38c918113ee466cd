package nl.leerroute.routes.planner;

import static nl.leerroute.routes.planner.Fixtures.TODAY;
import static nl.leerroute.routes.planner.Fixtures.catalogue;
import static nl.leerroute.routes.planner.Fixtures.module;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.leerroute.routes.planner.RoutePlan.Status;

class AlternativesAndDeterminismTest {

    @Test
    void nearCopiesAreNotAlternatives() {
        // best: BIG-A (100 h) + S1 (10 h). Swapping S1 for S2 (11 h) is a near-copy: it keeps 100 of 110 hours.
        // A genuine alternative drops BIG-A: ALT-A (120 h) + S1.
        CatalogueSnapshot c = catalogue(List.of("A", "B"), null, module("BIG-A", 100, 500, "A", 3),
                module("ALT-A", 120, 500, "A", 3), module("S1", 10, 100, "B", 2), module("S2", 11, 100, "B", 2));
        RoutePlan plan = RoutePlanner.plan(c, PersonProfile.of(),
                PlanRequest.builder(TODAY).target("A", 3).target("B", 2).alternatives(2).build());
        assertEquals(Status.OPTIMAL, plan.status());
        assertEquals(List.of("BIG-A", "S1"), plan.best().unitIds().stream().sorted().toList());
        // ALT-A + S2 would be a near-copy of ALT-A + S1 (keeps 120 of 130 hours), so there is no second one
        assertEquals(1, plan.alternatives().size());
        assertEquals(List.of("ALT-A", "S1"), plan.alternatives().get(0).unitIds().stream().sorted().toList());
        assertTrue(plan.alternatives().get(0).optimal());
    }

    @Test
    void sameInputSameRoute() {
        for (long seed = 1; seed <= 200; seed++) {
            RandomInstances.Case c = RandomInstances.generate(seed);
            RoutePlan a = RoutePlanner.plan(c.cat(), c.profile(), c.req());
            RandomInstances.Case again = RandomInstances.generate(seed);
            RoutePlan b = RoutePlanner.plan(again.cat(), again.profile(), again.req());
            assertEquals(a.status(), b.status());
            assertEquals(a.best(), b.best(), "seed " + seed);
            assertEquals(a.alternatives(), b.alternatives());
            assertEquals(a.reasons(), b.reasons());
            assertEquals(a.credits(), b.credits());
        }
    }

    @Test
    void nextStepsAreTheFirstStepsOfTheBestRoute() {
        CatalogueSnapshot c = catalogue(List.of("A", "B", "C"), null, module("M-A", 10, 100, "A", 3),
                module("M-B", 20, 100, "B", 3), module("M-C", 30, 100, "C", 3));
        RoutePlan plan = RoutePlanner.plan(c, PersonProfile.of(),
                PlanRequest.builder(TODAY).target("A", 3).target("B", 3).target("C", 3).build());
        assertEquals(plan.best().steps().subList(0, 2), plan.nextSteps(2));
        assertEquals(TODAY, plan.nextSteps(1).get(0).start());
    }
}
