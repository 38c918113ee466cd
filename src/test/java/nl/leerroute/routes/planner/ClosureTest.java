package nl.leerroute.routes.planner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import nl.leerroute.routes.planner.CatalogueSnapshot.Alternative;
import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeAlternative;
import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeLevel;
import nl.leerroute.routes.planner.CatalogueSnapshot.RequirementGroup;
import nl.leerroute.routes.planner.CatalogueSnapshot.Unit;
import nl.leerroute.routes.planner.CatalogueSnapshot.UnitKind;
import org.junit.jupiter.api.Test;

/**
 * The compiler works on the goal's prerequisite closure only: a catalogue grown with units the goal cannot use
 * (other outcomes, their own prerequisites and cycles) gives the same plan as the brute-force-checked small one
 * (see {@link PlannerPropertyTest}), and none of the added units is compiled.
 */
class ClosureTest {

    private static CatalogueSnapshot grown(CatalogueSnapshot small, Random r) {
        CatalogueSnapshot.Builder b = CatalogueSnapshot.builder();
        small.outcomes().forEach(b::outcome);
        small.units().forEach(b::unit);
        int extra = 20 + r.nextInt(40);
        for (int o = 0; o < extra; o++) {
            b.outcome("X" + o, null);
        }
        for (int u = 0; u < 3 * extra; u++) {
            List<RequirementGroup> groups = new ArrayList<>();
            if (r.nextBoolean()) {
                List<Alternative> alts = new ArrayList<>();
                alts.add(new OutcomeAlternative("X" + r.nextInt(extra), 1 + r.nextInt(3)));
                groups.add(new RequirementGroup(alts));
            }
            List<OutcomeLevel> yields = new ArrayList<>();
            yields.add(new OutcomeLevel("X" + r.nextInt(extra), 1 + r.nextInt(4)));
            // cheap and short, so they would be chosen if the compiler let them in
            b.unit(new Unit("Z" + u, UnitKind.MODULE, 1, 100, 1, "online", null, "nl", "P9", List.of(), yields,
                    groups));
        }
        return b.build();
    }

    @Test
    void unitsOutsideTheGoalsClosureChangeNothing() {
        int routes = 0;
        for (long seed = 1; seed <= 600; seed++) {
            RandomInstances.Case c = RandomInstances.generate(seed);
            CatalogueSnapshot big = grown(c.cat(), new Random(seed));
            String ctx = "seed " + seed;
            RoutePlan small = RoutePlanner.plan(c.cat(), c.profile(), c.req());
            RoutePlan large = RoutePlanner.plan(big, c.profile(), c.req());
            assertEquals(small.status(), large.status(), ctx);
            assertEquals(small.reasons().stream().map(RoutePlan.Infeasibility::code).toList(),
                    large.reasons().stream().map(RoutePlan.Infeasibility::code).toList(), ctx);
            if (small.best() != null) {
                assertEquals(small.best().unitIds(), large.best().unitIds(), ctx);
                assertEquals(small.best().totals(), large.best().totals(), ctx);
                routes++;
            }
            assertEquals(small.alternatives().size(), large.alternatives().size(), ctx);
            Compiler cs = new Compiler(c.cat(), new Crediting(c.cat(), c.profile(), c.req().startDate()), c.req());
            Compiler cl = new Compiler(big, new Crediting(big, c.profile(), c.req().startDate()), c.req());
            String[] ids = java.util.Arrays.stream(cs.closure).mapToObj(u -> c.cat().units().get(u).id())
                    .toArray(String[]::new);
            String[] idsLarge = java.util.Arrays.stream(cl.closure).mapToObj(u -> big.units().get(u).id())
                    .toArray(String[]::new);
            assertArrayEquals(ids, idsLarge, ctx + ": the closure took in units the goal cannot use");
        }
        assertTrue(routes > 100, "too few routes to mean much: " + routes);
    }
}
