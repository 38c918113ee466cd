package nl.leerroute.routes.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.leerroute.routes.planner.CatalogueSnapshot.Alternative;
import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeAlternative;
import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeLevel;
import nl.leerroute.routes.planner.CatalogueSnapshot.RequirementGroup;
import nl.leerroute.routes.planner.CatalogueSnapshot.Unit;
import nl.leerroute.routes.planner.CatalogueSnapshot.UnitAlternative;
import nl.leerroute.routes.planner.RoutePlan.Route;
import nl.leerroute.routes.planner.RoutePlan.Step;

/** Checks a returned route against the semantics, using the brute force's independent credit computation. */
final class RouteValidator {

    static void assertValid(BruteForce bf, Route route, String ctx) {
        Set<String> allowed = new HashSet<>();
        bf.cand.forEach(u -> allowed.add(u.id()));
        Map<String, Integer> level = new java.util.HashMap<>(bf.credit);
        Set<String> done = new HashSet<>(bf.completed);
        long t = bf.start;
        long hours = 0;
        long cost = 0;
        Set<String> seen = new HashSet<>();
        for (Step s : route.steps()) {
            Unit u = bf.cat.unit(s.unitId());
            assertTrue(allowed.contains(u.id()), ctx + ": unit not allowed " + u.id());
            assertTrue(seen.add(u.id()), ctx + ": unit twice " + u.id());
            for (RequirementGroup g : u.requires()) {
                boolean met = false;
                for (Alternative a : g.anyOf()) {
                    if (a instanceof OutcomeAlternative oa) {
                        met |= level.getOrDefault(oa.outcomeId(), 0) >= oa.minLevel();
                    } else {
                        met |= done.contains(((UnitAlternative) a).unitId());
                    }
                }
                assertTrue(met, ctx + ": requirement " + g + " of " + u.id() + " not met in order");
            }
            long start = s.start().toEpochDay();
            assertTrue(start >= t, ctx + ": overlapping steps at " + u.id());
            assertTrue(u.startMoments().isEmpty() || u.startMoments().contains(s.start()),
                    ctx + ": " + u.id() + " starts off its start moments");
            assertEquals(start + bf.durDays(u), s.finish().toEpochDay(), ctx + ": duration of " + u.id());
            t = s.finish().toEpochDay();
            for (OutcomeLevel y : u.yields()) {
                level.merge(y.outcomeId(), y.level(), Math::max);
            }
            done.add(u.id());
            hours += u.hours();
            cost += u.costCents();
            assertFalse(s.pulledInBy().isEmpty(), ctx + ": step without a reason " + u.id());
        }
        for (Map.Entry<String, Integer> m : bf.missing.entrySet()) {
            assertTrue(level.getOrDefault(m.getKey(), 0) >= m.getValue(), ctx + ": target not covered " + m);
        }
        var c = bf.req.constraints();
        long basisCost = bf.cost(route.unitIds());
        assertEquals(basisCost, route.totals().basisCostCents(), ctx + ": cost under the request's cost basis");
        if (c.budgetCents() != null) {
            assertTrue(basisCost <= c.budgetCents(), ctx + ": over budget");
        }
        assertFunding(bf, route, ctx);
        if (c.deadline() != null && !route.steps().isEmpty()) {
            assertFalse(route.totals().finish().isAfter(c.deadline()), ctx + ": past deadline");
        }
        assertEquals(hours, route.totals().hours(), ctx + ": total hours");
        assertEquals(cost, route.totals().costCents(), ctx + ": total cost");
        assertEquals(route.steps().size(), route.totals().units(), ctx + ": unit count");
        if (!route.steps().isEmpty()) {
            assertEquals(t, route.totals().finish().toEpochDay(), ctx + ": finish");
        }
    }

    /**
     * Per-step shares: no step gets more from a scheme than the scheme's amount for it, no scheme more than its
     * route cap, and what the route's steps receive from each scheme is min(cap, sum of its amounts).
     */
    static void assertFunding(BruteForce bf, Route route, String ctx) {
        for (Funding.Scheme scheme : bf.req.funding().schemes()) {
            long sum = 0;
            long shown = 0;
            for (Step s : route.steps()) {
                long amount = scheme.amountsCents().getOrDefault(s.unitId(), 0L);
                sum += amount;
                long share = s.funding().stream().filter(f -> f.schemeId().equals(scheme.id()))
                        .mapToLong(Funding.Share::cents).sum();
                assertTrue(share <= amount, ctx + ": " + scheme.id() + " pays " + s.unitId() + " beyond its amount");
                shown += share;
            }
            long expected = scheme.routeCapCents() == null ? sum : Math.min(scheme.routeCapCents(), sum);
            if (scheme.kind() == Funding.Kind.LOAN) {
                assertTrue(shown <= expected, ctx + ": loan " + scheme.id() + " lends beyond its amounts or cap");
            } else {
                assertEquals(expected, shown, ctx + ": shares of " + scheme.id());
            }
        }
        for (Step s : route.steps()) {
            long funded = s.funding().stream().filter(f -> f.kind() != Funding.Kind.LOAN)
                    .mapToLong(Funding.Share::cents).sum();
            long lent = s.funding().stream().filter(f -> f.kind() == Funding.Kind.LOAN)
                    .mapToLong(Funding.Share::cents).sum();
            assertTrue(funded <= s.costCents(), ctx + ": " + s.unitId() + " funded beyond its price");
            assertTrue(lent <= s.costCents() - funded, ctx + ": " + s.unitId() + " lent beyond what is left");
        }
    }

    static List<String> sortedIds(Route r) {
        return r.unitIds().stream().sorted().toList();
    }
}
