package nl.leerroute.routes.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeLevel;
import nl.leerroute.routes.planner.CatalogueSnapshot.Unit;
import nl.leerroute.routes.planner.PersonProfile.Evidence;
import nl.leerroute.routes.planner.PersonProfile.EvidenceStatus;
import nl.leerroute.routes.planner.RoutePlan.Status;
import nl.leerroute.routes.planner.TeamPlan.MemberRoute;
import nl.leerroute.routes.planner.TeamPlan.NeedCoverage;
import nl.leerroute.routes.planner.TeamRequest.Member;
import nl.leerroute.routes.planner.TeamRequest.Need;

/** The team planner against brute force (every assignment, every route of every member) on small random teams. */
class TeamPlannerPropertyTest {

    static final int INSTANCES = 100;

    record Team(CatalogueSnapshot cat, TeamRequest req) {
    }

    static Team generate(long seed) {
        RandomInstances.Case base = RandomInstances.generate(seed);
        Random r = new Random(seed * 31 + 7);
        CatalogueSnapshot cat = base.cat();
        int outcomes = cat.outcomeCount();
        List<Member> members = new ArrayList<>();
        int size = 1 + r.nextInt(3);
        for (int m = 0; m < size; m++) {
            List<Evidence> evidence = new ArrayList<>();
            int items = r.nextInt(3);
            for (int e = 0; e < items; e++) {
                List<OutcomeLevel> asserts = new ArrayList<>();
                for (int i = 0; i <= r.nextInt(3); i++) {
                    asserts.add(new OutcomeLevel(cat.outcomes().get(r.nextInt(outcomes)).id(), 1 + r.nextInt(4)));
                }
                evidence.add(new Evidence("E" + m + "." + e, "evidence", r.nextInt(3) == 0 ? EvidenceStatus.CLAIMED
                        : EvidenceStatus.VALIDATED, RandomInstances.TODAY.minusDays(r.nextInt(3 * 365)), asserts));
            }
            members.add(new Member("M" + m, new PersonProfile(evidence)));
        }
        List<Need> needs = new ArrayList<>();
        int count = 1 + r.nextInt(3);
        for (int n = 0; n < count; n++) {
            Unit u = cat.units().get(r.nextInt(cat.unitCount()));
            OutcomeLevel y = u.yields().get(r.nextInt(u.yields().size()));
            needs.add(new Need(y.outcomeId(), 1 + r.nextInt(y.level()), 1 + r.nextInt(size == 1 ? 1 : 2),
                    "need " + n));
        }
        PlanRequest personal = new PlanRequest(List.of(), base.req().constraints().withBudgetCents(null),
                RandomInstances.TODAY, 0, Duration.ofSeconds(30), 0);
        Long budget = r.nextInt(10) < 4 ? 100L * r.nextInt(5000) : null;
        return new Team(cat, new TeamRequest(members, needs, personal, budget, Duration.ofSeconds(60), 0));
    }

    /** The brute-force optimum: total hours and cost, or null when no assignment and routes meet every need. */
    static long[] bruteForce(Team t) {
        TeamRequest req = t.req();
        List<List<Integer>> candidates = new ArrayList<>();
        List<Integer> shortBy = new ArrayList<>();
        for (Need need : req.needs()) {
            List<Integer> others = new ArrayList<>();
            int have = 0;
            for (int m = 0; m < req.members().size(); m++) {
                BruteForce bf = new BruteForce(t.cat(), req.members().get(m).profile(), req.personal());
                if (bf.credit.getOrDefault(need.outcomeId(), 0) >= need.level()) {
                    have++;
                } else {
                    others.add(m);
                }
            }
            candidates.add(others);
            shortBy.add(Math.max(0, need.people() - have));
        }
        long[] best = null;
        for (List<List<Integer>> assignment : assignments(candidates, shortBy, 0)) {
            List<List<long[]>> options = new ArrayList<>();
            boolean possible = true;
            for (int m = 0; m < req.members().size() && possible; m++) {
                List<PlanRequest.Target> targets = new ArrayList<>();
                for (int n = 0; n < assignment.size(); n++) {
                    if (assignment.get(n).contains(m)) {
                        Need need = req.needs().get(n);
                        targets.add(new PlanRequest.Target(need.outcomeId(), need.level()));
                    }
                }
                if (targets.isEmpty()) {
                    continue;
                }
                PlanRequest q = new PlanRequest(targets, req.personal().constraints(), req.personal().startDate(), 0,
                        null, 0);
                List<long[]> routes = routes(new BruteForce(t.cat(), req.members().get(m).profile(), q));
                possible = !routes.isEmpty();
                options.add(routes);
            }
            if (possible) {
                best = better(best, combine(options, 0, 0, 0, req.budgetCents()));
            }
        }
        return best;
    }

    private static long[] combine(List<List<long[]>> options, int i, long hours, long cost, Long budget) {
        if (budget != null && cost > budget) {
            return null;
        }
        if (i == options.size()) {
            return new long[] {hours, cost};
        }
        long[] best = null;
        for (long[] o : options.get(i)) {
            best = better(best, combine(options, i + 1, hours + o[0], cost + o[1], budget));
        }
        return best;
    }

    private static long[] better(long[] a, long[] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b[0] < a[0] || b[0] == a[0] && b[1] < a[1] ? b : a;
    }

    /** (hours, cost) of every valid route of the brute force's person (same filters as its best()). */
    private static List<long[]> routes(BruteForce bf) {
        List<long[]> found = new ArrayList<>();
        var deadline = bf.req.constraints().deadline();
        for (int mask = 0; mask < (1 << bf.cand.size()); mask++) {
            if (!bf.orderable[mask] || bf.finish[mask] == Long.MAX_VALUE
                    || deadline != null && bf.finish[mask] > deadline.toEpochDay()) {
                continue;
            }
            boolean covers = true;
            for (Map.Entry<String, Integer> target : bf.missing.entrySet()) {
                covers &= bf.level(target.getKey(), mask) >= target.getValue();
            }
            if (!covers) {
                continue;
            }
            long hours = 0;
            long cost = 0;
            for (int i = 0; i < bf.cand.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    hours += bf.cand.get(i).hours();
                    cost += bf.cand.get(i).costCents();
                }
            }
            found.add(new long[] {hours, cost});
        }
        return found;
    }

    private static List<List<List<Integer>>> assignments(List<List<Integer>> candidates, List<Integer> shortBy, int n) {
        List<List<List<Integer>>> all = new ArrayList<>();
        if (n == candidates.size()) {
            all.add(new ArrayList<>());
            return all;
        }
        for (List<Integer> pick : subsets(candidates.get(n), shortBy.get(n))) {
            for (List<List<Integer>> rest : assignments(candidates, shortBy, n + 1)) {
                rest.add(0, pick);
                all.add(rest);
            }
        }
        return all;
    }

    private static List<List<Integer>> subsets(List<Integer> from, int size) {
        List<List<Integer>> all = new ArrayList<>();
        int n = from.size();
        for (int mask = 0; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) == size) {
                List<Integer> pick = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << i)) != 0) {
                        pick.add(from.get(i));
                    }
                }
                all.add(pick);
            }
        }
        return all;
    }

    @Test
    void sameOptimumAsBruteForceAndEveryMemberRouteValid() {
        int optimal = 0;
        int infeasible = 0;
        int groups = 0;
        int budgeted = 0;
        for (long seed = 1; seed <= INSTANCES; seed++) {
            Team t = generate(seed);
            String ctx = "seed " + seed;
            TeamPlan plan = TeamPlanner.plan(t.cat(), t.req());
            long[] best = bruteForce(t);
            if (best == null) {
                assertEquals(Status.INFEASIBLE, plan.status(), ctx);
                assertFalse(plan.blockers().isEmpty(), ctx + ": infeasible without a reason");
                infeasible++;
                continue;
            }
            assertEquals(Status.OPTIMAL, plan.status(), ctx + " " + plan.blockers());
            assertEquals(best[0], plan.totalHours(), ctx + ": total hours");
            assertEquals(best[1], plan.totalCostCents(), ctx + ": total cost");
            assertEquals(plan.totalHours(), plan.lowerBoundHours(), ctx + ": bound");
            long hours = 0;
            long cost = 0;
            for (MemberRoute route : plan.routes()) {
                Member member = t.req().members().stream().filter(m -> m.id().equals(route.memberId())).findFirst()
                        .orElseThrow();
                List<PlanRequest.Target> targets = route.assigned().stream()
                        .map(n -> new PlanRequest.Target(n.outcomeId(), n.level())).toList();
                PlanRequest q = new PlanRequest(targets, t.req().personal().constraints(),
                        t.req().personal().startDate(), 0, null, 0);
                RouteValidator.assertValid(new BruteForce(t.cat(), member.profile(), q), route.route(), ctx);
                hours += route.route().totals().hours();
                cost += route.route().totals().costCents();
            }
            assertEquals(plan.totalHours(), hours, ctx + ": hours add up");
            assertEquals(plan.totalCostCents(), cost, ctx + ": cost adds up");
            if (t.req().budgetCents() != null) {
                assertTrue(cost <= t.req().budgetCents(), ctx + ": over budget");
                budgeted++;
            }
            for (NeedCoverage c : plan.coverage()) {
                assertTrue(c.credited().size() + c.learners().size() >= c.need().people(), ctx + ": need not met");
                assertTrue(c.learners().stream().noneMatch(c.credited()::contains), ctx + ": credited yet learning");
            }
            groups += plan.groups().size();
            optimal++;
        }
        System.out.printf("team property test: %d instances, %d optimal (%d within a budget), %d infeasible, "
                + "%d group units%n", INSTANCES, optimal, budgeted, infeasible, groups);
        assertTrue(optimal > INSTANCES / 4, "too few feasible instances to mean much");
        assertTrue(infeasible > INSTANCES / 20, "too few infeasible instances to mean much");
        assertTrue(budgeted > INSTANCES / 20, "too few budgeted instances to mean much");
    }
}
