package nl.leerroute.routes.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import nl.leerroute.routes.planner.CatalogueSnapshot.Alternative;
import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeLevel;
import nl.leerroute.routes.planner.CatalogueSnapshot.RequirementGroup;
import nl.leerroute.routes.planner.CatalogueSnapshot.Unit;
import nl.leerroute.routes.planner.CatalogueSnapshot.UnitKind;
import nl.leerroute.routes.planner.PlanRequest.Constraints;
import nl.leerroute.routes.planner.PlanRequest.Target;
import org.junit.jupiter.api.Test;

/**
 * The order search of {@link Sequencer} against brute force: on random sets of units with start moments and
 * prerequisites, every permutation (up to 8 units) and an independent dynamic program over the sets done so far
 * (up to 20 units, past the old exact limit of 16), both computed from the catalogue itself.
 */
class InexactScheduleTest {

    private static final LocalDate START = LocalDate.of(2027, 1, 4);

    /** One random catalogue: unit i teaches o{i}; a unit may require outcomes of lower-numbered units. */
    static CatalogueSnapshot randomCatalogue(SplittableRandom r, int k) {
        CatalogueSnapshot.Builder b = CatalogueSnapshot.builder();
        for (int i = 0; i < k; i++) {
            b.outcome(String.format("o%02d", i), null);
        }
        for (int i = 0; i < k; i++) {
            List<RequirementGroup> groups = new ArrayList<>();
            if (i > 0 && r.nextInt(3) > 0) {
                int ng = 1 + r.nextInt(2);
                for (int g = 0; g < ng; g++) {
                    List<Alternative> alts = new ArrayList<>();
                    TreeSet<Integer> from = new TreeSet<>();
                    int na = 1 + r.nextInt(2);
                    for (int a = 0; a < na; a++) {
                        from.add(r.nextInt(i));
                    }
                    for (int j : from) {
                        alts.add(new CatalogueSnapshot.OutcomeAlternative(String.format("o%02d", j), 1));
                    }
                    groups.add(new RequirementGroup(alts));
                }
            }
            List<LocalDate> starts = new ArrayList<>();
            if (r.nextInt(5) > 0) { // most units have start moments, some any day
                TreeSet<LocalDate> dates = new TreeSet<>();
                int nd = 1 + r.nextInt(4);
                for (int d = 0; d < nd; d++) {
                    dates.add(START.plusDays(r.nextInt(500)));
                }
                starts.addAll(dates);
            }
            int weeks = 1 + r.nextInt(8);
            b.unit(new Unit(String.format("u%02d", i), UnitKind.MODULE, 10 + r.nextInt(100), 100_00, weeks,
                    "online", null, "nl", "P1", starts, List.of(new OutcomeLevel(String.format("o%02d", i), 1)),
                    groups));
        }
        return b.build();
    }

    /** The instance of all units of the catalogue (every outcome a target, nothing credited). */
    static Instance instanceOf(CatalogueSnapshot cat) {
        List<Target> targets = new ArrayList<>();
        for (CatalogueSnapshot.Outcome o : cat.outcomes()) {
            targets.add(new Target(o.id(), 1, null));
        }
        PlanRequest req = new PlanRequest(targets, Constraints.none(), START, 0, Duration.ofSeconds(5), 0);
        Compiler comp = new Compiler(cat, new Crediting(cat, new PersonProfile(List.of()), START), req);
        return comp.instance(comp.missing);
    }

    /** Independent of the planner's structures: readiness and dates straight from the units. */
    static final class Reference {
        final List<Unit> units;
        final int k;

        /** per unit, per requirement group: the units that meet it */
        final List<long[]> groupMasks = new ArrayList<>();

        Reference(CatalogueSnapshot cat) {
            units = cat.units();
            k = units.size();
            for (Unit u : units) {
                long[] masks = new long[u.requires().size()];
                for (int g = 0; g < masks.length; g++) {
                    for (Alternative a : u.requires().get(g).anyOf()) {
                        var oa = (CatalogueSnapshot.OutcomeAlternative) a;
                        for (int j = 0; j < k; j++) {
                            for (OutcomeLevel y : units.get(j).yields()) {
                                if (y.outcomeId().equals(oa.outcomeId()) && y.level() >= oa.minLevel()) {
                                    masks[g] |= 1L << j;
                                }
                            }
                        }
                    }
                }
                groupMasks.add(masks);
            }
        }

        boolean ready(int i, long doneMask) {
            for (long m : groupMasks.get(i)) {
                if ((m & doneMask) == 0) {
                    return false;
                }
            }
            return true;
        }

        long next(int i, long t) {
            List<LocalDate> s = units.get(i).startMoments();
            if (s.isEmpty()) {
                return t;
            }
            for (LocalDate d : s) {
                if (d.toEpochDay() >= t) {
                    return d.toEpochDay();
                }
            }
            return Long.MAX_VALUE;
        }

        long dur(int i) {
            return 7L * units.get(i).durationWeeks();
        }

        /** Earliest finish over all valid orders, by dynamic programming over done-sets; MAX when none fits. */
        long dp() {
            long[] f = new long[1 << k];
            Arrays.fill(f, Long.MAX_VALUE);
            f[0] = START.toEpochDay();
            for (int m = 0; m < (1 << k); m++) {
                if (f[m] == Long.MAX_VALUE) {
                    continue;
                }
                for (int i = 0; i < k; i++) {
                    if ((m & (1 << i)) == 0 && ready(i, m)) {
                        long s = next(i, f[m]);
                        if (s != Long.MAX_VALUE) {
                            f[m | (1 << i)] = Math.min(f[m | (1 << i)], s + dur(i));
                        }
                    }
                }
            }
            return f[(1 << k) - 1];
        }

        /** Earliest finish by trying every permutation. */
        long permutations() {
            return perm(0L, START.toEpochDay(), 0);
        }

        private long perm(long done, long t, int depth) {
            if (depth == k) {
                return t;
            }
            long best = Long.MAX_VALUE;
            for (int i = 0; i < k; i++) {
                if ((done & (1L << i)) == 0 && ready(i, done)) {
                    long s = next(i, t);
                    if (s != Long.MAX_VALUE) {
                        best = Math.min(best, perm(done | (1L << i), s + dur(i), depth + 1));
                    }
                }
            }
            return best;
        }

        /** The finish of taking the units in this order, checking each one's prerequisites. */
        long finishOf(List<String> ids) {
            long done = 0;
            long t = START.toEpochDay();
            for (String id : ids) {
                int i = -1;
                for (int j = 0; j < k; j++) {
                    if (units.get(j).id().equals(id)) {
                        i = j;
                    }
                }
                assertTrue(ready(i, done), id + " taken before its prerequisites");
                long s = next(i, t);
                t = s == Long.MAX_VALUE ? Long.MAX_VALUE : s + dur(i);
                done |= 1L << i;
            }
            return t;
        }
    }

    private static List<String> ids(Instance in, Sequencer.Schedule s) {
        List<String> out = new ArrayList<>();
        for (int u : s.order()) {
            out.add(in.comp.cat.units().get(in.snap[u]).id());
        }
        return out;
    }

    private static int[] all(Instance in) {
        return java.util.stream.IntStream.range(0, in.n).toArray();
    }

    @Test
    void orderSearchFindsTheEarliestFinishOfEveryOrder() {
        int listWorse = 0;
        int beyondDpLimit = 0;
        int exactWithDefaultLimit = 0;
        for (long seed = 1; seed <= 400; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            int k = seed <= 200 ? 3 + r.nextInt(6) : 12 + r.nextInt(9); // 3-8, then 12-20
            CatalogueSnapshot cat = randomCatalogue(r, k);
            Instance in = instanceOf(cat);
            assertEquals(k, in.n, "seed " + seed);
            Reference ref = new Reference(cat);
            long expected = k <= 8 ? ref.permutations() : ref.dp();
            if (k <= 8) {
                assertEquals(expected, ref.dp(), "seed " + seed + ": the two references disagree");
            }
            String ctx = "seed " + seed + " (" + k + " units)";
            Sequencer.Schedule unlimited = Sequencer.schedule(in, all(in), Long.MAX_VALUE);
            assertNotNull(unlimited, ctx);
            assertTrue(unlimited.exact(), ctx);
            assertEquals(expected, unlimited.end(), ctx);
            assertEquals(expected, ref.finishOf(ids(in, unlimited)), ctx + ": the order does not give its finish");
            Sequencer.Schedule normal = Sequencer.schedule(in, all(in));
            if (normal.exact()) {
                exactWithDefaultLimit++;
                assertEquals(expected, normal.end(), ctx);
            } else {
                assertTrue(k > Sequencer.EXACT_DP_LIMIT, ctx + ": inexact within the dynamic program's reach");
                assertTrue(normal.end() >= expected, ctx);
            }
            assertEquals(normal.end(), ref.finishOf(ids(in, normal)), ctx);
            Sequencer.Schedule list = Sequencer.listSchedule(in, all(in), false);
            if (list.end() > expected) {
                listWorse++;
            }
            beyondDpLimit += k > Sequencer.EXACT_DP_LIMIT ? 1 : 0;
        }
        System.out.printf("order search: 400 sets, %d beyond %d units, %d where the list rule is later, %d exact"
                + " within the default node limit%n", beyondDpLimit, Sequencer.EXACT_DP_LIMIT, listWorse,
                exactWithDefaultLimit);
        assertTrue(listWorse >= 25, "too few sets where ordering matters: " + listWorse);
        assertTrue(beyondDpLimit >= 50, "too few sets beyond the old exact limit: " + beyondDpLimit);
    }

    /** A long unit that may start any day and a short one with one early start moment, plus any-day fillers. */
    private static CatalogueSnapshot listRuleTrap(int fillers) {
        CatalogueSnapshot.Builder b = CatalogueSnapshot.builder();
        b.outcome("long", null);
        b.outcome("early", null);
        for (int i = 0; i < fillers; i++) {
            b.outcome(String.format("f%02d", i), null);
        }
        // the list rule starts the long unit first (it can start at once), and the early one misses its date
        b.unit(new Unit("a-long", UnitKind.MODULE, 100, 100_00, 10, "online", null, "nl", "P1", List.of(),
                List.of(new OutcomeLevel("long", 1)), List.of()));
        b.unit(new Unit("b-early", UnitKind.MODULE, 10, 100_00, 1, "online", null, "nl", "P1",
                List.of(START.plusDays(7), START.plusDays(400)), List.of(new OutcomeLevel("early", 1)), List.of()));
        for (int i = 0; i < fillers; i++) {
            b.unit(new Unit(String.format("c-fill%02d", i), UnitKind.MODULE, 10, 100_00, 2, "online", null, "nl",
                    "P1", List.of(), List.of(new OutcomeLevel(String.format("f%02d", i), 1)), List.of()));
        }
        return b.build();
    }

    @Test
    void theScheduleIsFlaggedInexactOnlyWhenTheNodeLimitCutsTheSearchShort() {
        Instance big = instanceOf(listRuleTrap(16)); // 18 units: beyond the dynamic program
        assertTrue(big.n > Sequencer.EXACT_DP_LIMIT);
        Sequencer.Schedule exact = Sequencer.schedule(big, all(big), Long.MAX_VALUE);
        Sequencer.Schedule list = Sequencer.schedule(big, all(big), 0);
        assertTrue(exact.exact());
        assertTrue(exact.end() < list.end(), "the trap should defeat the list rule");
        assertFalse(list.exact(), "a search cut short must not claim the earliest finish");
        assertEquals(new Reference(listRuleTrap(16)).finishOf(ids(big, exact)), exact.end());
        Sequencer.Schedule cut = Sequencer.schedule(big, all(big), 3);
        assertFalse(cut.exact());
        assertTrue(cut.end() >= exact.end());

        Instance small = instanceOf(listRuleTrap(6)); // 8 units: the dynamic program takes over, exactly
        Sequencer.Schedule dp = Sequencer.schedule(small, all(small), 0);
        assertTrue(dp.exact());
        assertEquals(new Reference(listRuleTrap(6)).permutations(), dp.end());
    }
}
