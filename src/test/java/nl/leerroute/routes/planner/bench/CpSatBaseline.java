package nl.leerroute.routes.planner.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;

import nl.leerroute.routes.planner.CatalogueSnapshot;
import nl.leerroute.routes.planner.CatalogueSnapshot.Alternative;
import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeAlternative;
import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeLevel;
import nl.leerroute.routes.planner.CatalogueSnapshot.RequirementGroup;
import nl.leerroute.routes.planner.CatalogueSnapshot.Unit;
import nl.leerroute.routes.planner.CatalogueSnapshot.UnitAlternative;
import nl.leerroute.routes.planner.PersonProfile;
import nl.leerroute.routes.planner.PersonProfile.EvidenceStatus;
import nl.leerroute.routes.planner.PlanRequest;
import nl.leerroute.routes.planner.PlanRequest.Target;

/**
 * The baseline: a straightforward CP-SAT model of the same problem on the whole instance (no reduction).
 * x_u = unit u is taken; r_u = its rank in the route. Each missing target needs a taker. Each uncredited
 * requirement group of a taken unit needs a taken provider v with r_v &lt; r_u (so prerequisite cycles cannot
 * be accepted). Objective: hours * K1 + euros * K2 + 1 per unit, i.e. the planner's lexicographic order
 * (finish is not modelled: the benchmark has no calendar). One worker, fixed seed, linearization level 2, the
 * greedy route as hint, as in the stack notes.
 */
final class CpSatBaseline {

    record Result(boolean optimal, boolean feasible, long objective, long bound, double millis) {
    }

    static void load() {
        Loader.loadNativeLibraries();
    }

    /** The planner's lexicographic objective in the baseline's units (whole euros). */
    static long objective(CatalogueSnapshot cat, long hours, long costCents, int units) {
        long[] k = factors(cat);
        return hours * k[0] + costCents / 100 * k[1] + units;
    }

    private static long[] factors(CatalogueSnapshot cat) {
        long sumEuros = cat.units().stream().mapToLong(u -> u.costCents() / 100).sum();
        long k2 = cat.units().size() + 1L;
        return new long[] {(sumEuros + 1) * k2, k2};
    }

    static Result solve(CatalogueSnapshot cat, PersonProfile profile, PlanRequest req, Set<String> hint,
            double timeLimitSeconds) {
        long t0 = System.nanoTime();
        Map<String, Integer> credit = new HashMap<>();
        profile.evidence().stream().filter(e -> e.status() == EvidenceStatus.VALIDATED)
                .forEach(e -> e.asserts().forEach(a -> credit.merge(a.outcomeId(), a.level(), Math::max)));
        List<Unit> units = cat.units();
        int n = units.size();
        CpModel m = new CpModel();
        BoolVar[] x = new BoolVar[n];
        IntVar[] rank = new IntVar[n];
        Map<String, Integer> index = new HashMap<>();
        for (int u = 0; u < n; u++) {
            x[u] = m.newBoolVar("x" + u);
            rank[u] = m.newIntVar(0, n, "r" + u);
            index.put(units.get(u).id(), u);
        }
        Map<String, List<int[]>> teachers = new HashMap<>();
        for (int u = 0; u < n; u++) {
            for (OutcomeLevel y : units.get(u).yields()) {
                teachers.computeIfAbsent(y.outcomeId(), k -> new ArrayList<>()).add(new int[] {u, y.level()});
            }
        }
        Map<String, Integer> missing = new HashMap<>();
        for (Target t : req.targets()) {
            missing.merge(t.outcomeId(), t.minLevel(), Math::max);
        }
        for (Map.Entry<String, Integer> t : missing.entrySet()) {
            if (credit.getOrDefault(t.getKey(), 0) >= t.getValue()) {
                continue;
            }
            List<BoolVar> cover = new ArrayList<>();
            for (int[] tl : teachers.getOrDefault(t.getKey(), List.of())) {
                if (tl[1] >= t.getValue()) {
                    cover.add(x[tl[0]]);
                }
            }
            m.addGreaterOrEqual(LinearExpr.sum(cover.toArray(new BoolVar[0])), 1);
        }
        for (int u = 0; u < n; u++) {
            for (RequirementGroup g : units.get(u).requires()) {
                Set<Integer> prov = new HashSet<>();
                boolean credited = false;
                for (Alternative a : g.anyOf()) {
                    if (a instanceof OutcomeAlternative oa) {
                        credited |= credit.getOrDefault(oa.outcomeId(), 0) >= oa.minLevel();
                        for (int[] tl : teachers.getOrDefault(oa.outcomeId(), List.of())) {
                            if (tl[1] >= oa.minLevel() && tl[0] != u) {
                                prov.add(tl[0]);
                            }
                        }
                    } else {
                        prov.add(index.get(((UnitAlternative) a).unitId()));
                    }
                }
                if (credited) {
                    continue;
                }
                LinearExprBuilder need = LinearExpr.newBuilder().addTerm(x[u], -1);
                for (int v : prov) {
                    BoolVar y = m.newBoolVar("y" + u + "_" + v);
                    m.addImplication(y, x[v]);
                    m.addLessOrEqual(LinearExpr.affine(rank[v], 1, 1), rank[u]).onlyEnforceIf(y);
                    need.add(y);
                }
                m.addGreaterOrEqual(need, 0);
            }
        }
        long[] k = factors(cat);
        long[] w = new long[n];
        for (int u = 0; u < n; u++) {
            w[u] = units.get(u).hours() * k[0] + units.get(u).costCents() / 100 * k[1] + 1;
            if (hint != null) {
                m.addHint(x[u], hint.contains(units.get(u).id()) ? 1 : 0);
            }
        }
        m.minimize(LinearExpr.weightedSum(x, w));
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(1).setRandomSeed(42).setLinearizationLevel(2)
                .setMaxTimeInSeconds(timeLimitSeconds);
        CpSolverStatus st = solver.solve(m);
        double ms = (System.nanoTime() - t0) / 1e6;
        boolean feasible = st == CpSolverStatus.OPTIMAL || st == CpSolverStatus.FEASIBLE;
        return new Result(st == CpSolverStatus.OPTIMAL, feasible, feasible ? Math.round(solver.objectiveValue()) : -1,
                Math.round(solver.bestObjectiveBound()), ms);
    }
}
