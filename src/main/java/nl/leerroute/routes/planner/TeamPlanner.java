package nl.leerroute.routes.planner;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.leerroute.routes.planner.RoutePlan.Route;
import nl.leerroute.routes.planner.RoutePlan.Status;
import nl.leerroute.routes.planner.RoutePlan.Step;
import nl.leerroute.routes.planner.TeamPlan.Blocker;
import nl.leerroute.routes.planner.TeamPlan.BlockerCode;
import nl.leerroute.routes.planner.TeamPlan.GroupUnit;
import nl.leerroute.routes.planner.TeamPlan.MemberRoute;
import nl.leerroute.routes.planner.TeamPlan.NeedCoverage;
import nl.leerroute.routes.planner.TeamRequest.Member;
import nl.leerroute.routes.planner.TeamRequest.Need;

/**
 * The team planner: {@link #plan(CatalogueSnapshot, TeamRequest)}.
 *
 * <h2>Semantics</h2>
 * <ul>
 * <li>A need (outcome at a level, {@code people} members) is <b>met</b> when at least {@code people} members are
 * credited with it (the crediting rule of {@link Crediting}) or learn it in their route.</li>
 * <li>The planner <b>assigns</b> each need that is short of people to members who are not credited with it
 * (exactly as many as it is short: learning more never costs less), and every member with assignments gets
 * {@link RoutePlanner}'s best route for them, under the member's own constraints. Claims still count only
 * through an assessment step in that route, as in planRoute.</li>
 * <li><b>Objective</b>, lexicographic: least total study hours (the sum over members: each person's own
 * time), then least total cost, then the first assignment in a fixed order (needs as given, members as given).
 * Cost is per participant, as the catalogue's prices are: a unit in three routes costs three times. Such a
 * unit is reported as a {@link GroupUnit}: one group training can serve those members at once; any group
 * discount is between the firm and the provider and is not assumed.</li>
 * <li><b>Budget</b>: the team's total cost. Each member's hours/cost trade-off (their Pareto frontier, found
 * by re-planning under ever smaller budgets) is combined exactly at every complete assignment.</li>
 * <li><b>Exactness</b>: the search over assignments is a complete branch and bound (a member's route for a
 * set of needs costs at least their route for any subset, so partial sums are lower bounds). OPTIMAL means
 * the search finished and every member route it used was proven optimal; otherwise FEASIBLE with a proven
 * lower bound on the total hours.</li>
 * </ul>
 */
public final class TeamPlanner {

    /** Hours and cost in one comparable number: cost cents stay below this (a billion euro). */
    static final long COST_SCALE = 100_000_000_000L;
    static final long NONE = Long.MAX_VALUE;
    /** Longest hours/cost frontier followed per member and set of needs before the answer is marked unproven. */
    static final int MAX_FRONTIER = 40;

    private final CatalogueSnapshot cat;
    private final TeamRequest req;
    private final List<Member> members;
    private final long deadlineNanos;
    private final List<Map<BitSet, List<RoutePlan>>> frontiers = new ArrayList<>();
    /** needs short of people, in search order; bit i of a member's set is open.get(i). */
    private final List<Integer> open = new ArrayList<>();
    private final List<int[]> candidates = new ArrayList<>();
    private final int[] shortBy;
    private long nodes;
    private boolean aborted;
    private boolean unproven;
    private long bestKey = NONE;
    private RoutePlan[] bestPlans;
    private BitSet[] bestSets;
    private long cheapestCents = NONE;

    private TeamPlanner(CatalogueSnapshot cat, TeamRequest req) {
        this.cat = cat;
        this.req = req;
        this.members = req.members();
        this.deadlineNanos = System.nanoTime() + req.timeLimit().toNanos();
        members.forEach(m -> frontiers.add(new HashMap<>()));
        shortBy = new int[req.needs().size()];
    }

    public static TeamPlan plan(CatalogueSnapshot cat, TeamRequest req) {
        return new TeamPlanner(cat, req).run();
    }

    private TeamPlan run() {
        List<Need> needs = req.needs();
        List<List<String>> credited = new ArrayList<>();
        List<Crediting> crediting = members.stream()
                .map(m -> new Crediting(cat, m.profile(), req.personal().startDate())).toList();
        List<Blocker> blockers = new ArrayList<>();
        long rootBound = 0;
        for (int n = 0; n < needs.size(); n++) {
            Need need = needs.get(n);
            int o = cat.outcomeIndex(need.outcomeId());
            List<String> have = new ArrayList<>();
            List<Integer> others = new ArrayList<>();
            for (int m = 0; m < members.size(); m++) {
                if (o >= 0 && crediting.get(m).credited(o, need.level())) {
                    have.add(members.get(m).id());
                } else {
                    others.add(m);
                }
            }
            credited.add(List.copyOf(have));
            shortBy[n] = Math.max(0, need.people() - have.size());
            if (shortBy[n] == 0) {
                continue;
            }
            if (others.size() < shortBy[n]) {
                blockers.add(new Blocker(need, BlockerCode.TEAM_TOO_SMALL, String.format(
                        "%s@%d needs %d people; the team has %d member(s) sharing data, %d credited",
                        need.outcomeId(), need.level(), need.people(), members.size(), have.size()),
                        String.format("%s@%d vraagt %d mensen; het team heeft %d lid/leden die gegevens delen, "
                                + "%d met erkenning", need.outcomeId(), need.level(), need.people(), members.size(),
                                have.size()), List.of(), null));
                continue;
            }
            open.add(n);
            BitSet single = new BitSet();
            single.set(open.size() - 1);
            List<Integer> reachable = new ArrayList<>();
            RoutePlan blocked = null;
            List<Long> bounds = new ArrayList<>();
            for (int m : others) {
                RoutePlan plan = frontier(m, single).get(0);
                if (plan.best() != null) {
                    reachable.add(m);
                    bounds.add(plan.lowerBoundHours());
                } else if (blocked == null) {
                    blocked = plan;
                }
            }
            if (reachable.size() < shortBy[n]) {
                blockers.add(new Blocker(need, BlockerCode.NOT_REACHABLE, String.format(
                        "%s@%d needs %d more people, but only %d member(s) can reach it",
                        need.outcomeId(), need.level(), shortBy[n], reachable.size()),
                        String.format("%s@%d vraagt nog %d mensen, maar maar %d lid/leden kunnen het halen",
                                need.outcomeId(), need.level(), shortBy[n], reachable.size()),
                        blocked == null ? List.of() : blocked.reasons(), null));
                continue;
            }
            bounds.sort(null);
            rootBound = Math.max(rootBound, bounds.subList(0, shortBy[n]).stream().mapToLong(Long::longValue).sum());
            candidates.add(reachable.stream().mapToInt(Integer::intValue).toArray());
        }
        if (!blockers.isEmpty()) {
            return new TeamPlan(Status.INFEASIBLE, 0, 0, 0, 0, coverage(credited, null), List.of(), List.of(),
                    List.copyOf(blockers), nodes);
        }
        BitSet[] sets = new BitSet[members.size()];
        for (int m = 0; m < sets.length; m++) {
            sets[m] = new BitSet();
        }
        search(0, sets, 0);
        if (bestPlans == null) {
            if (aborted || unproven) {
                return new TeamPlan(Status.UNKNOWN, 0, 0, rootBound, 0, coverage(credited, null), List.of(),
                        List.of(), List.of(), nodes);
            }
            Blocker blocker = req.budgetCents() != null && cheapestCents != NONE
                    ? new Blocker(null, BlockerCode.BUDGET_TOO_TIGHT, String.format(
                            "the cheapest team plan costs EUR %.2f, EUR %.2f over the budget", cheapestCents / 100.0,
                            (cheapestCents - req.budgetCents()) / 100.0), String.format(
                            "het goedkoopste teamplan kost EUR %.2f, EUR %.2f boven het budget",
                            cheapestCents / 100.0, (cheapestCents - req.budgetCents()) / 100.0), List.of(),
                            cheapestCents - req.budgetCents())
                    : new Blocker(null, BlockerCode.NOT_REACHABLE, "no assignment of the needs lets every member "
                            + "reach theirs together (deadline or start moments)", "geen verdeling van de behoeften "
                            + "laat ieder lid de eigen behoeften samen halen (deadline of startmomenten)", List.of(),
                            null);
            return new TeamPlan(Status.INFEASIBLE, 0, 0, 0, 0, coverage(credited, null), List.of(), List.of(),
                    List.of(blocker), nodes);
        }
        return answer(credited, rootBound);
    }

    // ------------------------------------------------------------------ search over assignments

    private void search(int k, BitSet[] sets, long partial) {
        if (aborted) {
            return;
        }
        if (++nodes > req.nodeLimit() || System.nanoTime() > deadlineNanos) {
            aborted = true;
            return;
        }
        if (k == open.size()) {
            leaf(sets);
            return;
        }
        if (partial + remainingBound(k, sets) >= bestKey) {
            return;
        }
        choose(k, byMarginal(k, sets), 0, shortBy[open.get(k)], sets, partial);
    }

    /**
     * The candidates for open need {@code k}, cheapest extra route first given what they learn already, so
     * that the first complete assignment is a good one and prunes much; members who cannot add it are left out.
     */
    private int[] byMarginal(int k, BitSet[] sets) {
        List<long[]> order = new ArrayList<>();
        for (int m : candidates.get(k)) {
            BitSet after = (BitSet) sets[m].clone();
            after.set(k);
            long added = key(frontier(m, after).get(0));
            if (added != NONE) {
                long before = sets[m].isEmpty() ? 0 : key(frontier(m, sets[m]).get(0));
                order.add(new long[] {added - before, m});
            }
        }
        order.sort(Comparator.<long[]>comparingLong(o -> o[0]).thenComparingLong(o -> o[1]));
        return order.stream().mapToInt(o -> (int) o[1]).toArray();
    }

    /**
     * A lower bound on what the needs from {@code k} on add: for any one of them, the members who get it pay
     * at least what it alone costs them beyond what they pay already (a route for more needs costs at least
     * the route for any of them), and it needs that many members. Uses only routes computed at the start.
     */
    private long remainingBound(int k, BitSet[] sets) {
        long bound = 0;
        long[] current = new long[sets.length];
        for (int m = 0; m < sets.length; m++) {
            current[m] = sets[m].isEmpty() ? 0 : key(frontier(m, sets[m]).get(0));
        }
        for (int j = k; j < open.size(); j++) {
            BitSet single = new BitSet();
            single.set(j);
            int[] cand = candidates.get(j);
            long[] extra = new long[cand.length];
            for (int i = 0; i < cand.length; i++) {
                extra[i] = Math.max(0, key(frontier(cand[i], single).get(0)) - current[cand[i]]);
            }
            java.util.Arrays.sort(extra);
            long sum = 0;
            for (int i = 0; i < shortBy[open.get(j)]; i++) {
                sum += extra[i];
            }
            bound = Math.max(bound, sum);
        }
        return bound;
    }

    /** Every way to pick {@code left} more members for open need {@code k} from {@code cand[from..]}. */
    private void choose(int k, int[] cand, int from, int left, BitSet[] sets, long partial) {
        if (left == 0) {
            search(k + 1, sets, partial);
            return;
        }
        for (int i = from; i <= cand.length - left && !aborted; i++) {
            int m = cand[i];
            BitSet before = sets[m];
            BitSet after = (BitSet) before.clone();
            after.set(k);
            long added = key(frontier(m, after).get(0));
            if (added == NONE) {
                continue;
            }
            long next = partial - (before.isEmpty() ? 0 : key(frontier(m, before).get(0))) + added;
            // with a budget nothing is pruned until a plan within it is known (the cheapest plan is reported)
            if (next >= bestKey) {
                continue;
            }
            sets[m] = after;
            choose(k, cand, i + 1, left - 1, sets, next);
            sets[m] = before;
        }
    }

    private void leaf(BitSet[] sets) {
        List<Integer> busy = new ArrayList<>();
        for (int m = 0; m < sets.length; m++) {
            if (!sets[m].isEmpty()) {
                busy.add(m);
            }
        }
        Long budget = req.budgetCents();
        List<List<RoutePlan>> options = new ArrayList<>();
        long minCost = 0;
        for (int m : busy) {
            List<RoutePlan> f = budget == null ? frontier(m, sets[m]).subList(0, 1) : fullFrontier(m, sets[m]);
            options.add(f);
            minCost += f.get(f.size() - 1).best().totals().costCents();
        }
        cheapestCents = Math.min(cheapestCents, minCost);
        RoutePlan[] chosen = new RoutePlan[busy.size()];
        RoutePlan[] best = new RoutePlan[busy.size()];
        long[] bestHere = {NONE};
        combine(options, 0, 0, 0, budget == null ? Long.MAX_VALUE : budget, chosen, best, bestHere);
        if (bestHere[0] < bestKey) {
            bestKey = bestHere[0];
            bestPlans = new RoutePlan[sets.length];
            bestSets = new BitSet[sets.length];
            for (int i = 0; i < busy.size(); i++) {
                bestPlans[busy.get(i)] = best[i];
            }
            for (int m = 0; m < sets.length; m++) {
                bestSets[m] = (BitSet) sets[m].clone();
            }
        }
    }

    /** Multiple-choice knapsack over the members' frontiers: least hours, then cost, within the budget. */
    private static void combine(List<List<RoutePlan>> options, int i, long key, long cost, long budget,
            RoutePlan[] chosen, RoutePlan[] best, long[] bestKey) {
        if (i == options.size()) {
            if (key < bestKey[0]) {
                bestKey[0] = key;
                System.arraycopy(chosen, 0, best, 0, chosen.length);
            }
            return;
        }
        long restKey = 0;
        long restCost = 0;
        for (int j = i + 1; j < options.size(); j++) {
            restKey += key(options.get(j).get(0));
            List<RoutePlan> f = options.get(j);
            restCost += f.get(f.size() - 1).best().totals().costCents();
        }
        for (RoutePlan option : options.get(i)) {
            long c = cost + option.best().totals().costCents();
            long k = key + key(option);
            if (c + restCost > budget || k + restKey >= bestKey[0]) {
                continue;
            }
            chosen[i] = option;
            combine(options, i + 1, k, c, budget, chosen, best, bestKey);
        }
    }

    // ------------------------------------------------------------------ one member's routes

    private static long key(RoutePlan plan) {
        if (plan.best() == null) {
            return NONE;
        }
        return plan.best().totals().hours() * COST_SCALE + plan.best().totals().costCents();
    }

    /** The member's best route for the needs in {@code set} (first element), and any further frontier computed. */
    private List<RoutePlan> frontier(int m, BitSet set) {
        return frontiers.get(m).computeIfAbsent(set, s -> {
            List<RoutePlan> f = new ArrayList<>();
            f.add(personal(m, s, null));
            return f;
        });
    }

    /**
     * Every hours/cost trade-off of the member for {@code set}: the best route, then the best route under a
     * budget one cent below the previous route's cost, until none is left. Each is Pareto-optimal.
     */
    private List<RoutePlan> fullFrontier(int m, BitSet set) {
        List<RoutePlan> f = frontier(m, set);
        while (true) {
            RoutePlan last = f.get(f.size() - 1);
            long cost = last.best().totals().costCents();
            if (cost == 0 || (f.size() > 1 && last.status() == Status.INFEASIBLE)) {
                break;
            }
            if (f.size() >= MAX_FRONTIER) {
                unproven = true;
                break;
            }
            RoutePlan cheaper = personal(m, set, cost - 1);
            if (cheaper.best() == null) {
                if (cheaper.status() == Status.UNKNOWN) {
                    unproven = true;
                }
                break;
            }
            f.add(cheaper);
        }
        return f;
    }

    private RoutePlan personal(int m, BitSet set, Long budgetCents) {
        PlanRequest p = req.personal();
        List<PlanRequest.Target> targets = new ArrayList<>();
        set.stream().forEach(bit -> {
            Need need = req.needs().get(open.get(bit));
            targets.add(new PlanRequest.Target(need.outcomeId(), need.level(), need.label()));
        });
        PlanRequest request = new PlanRequest(targets, p.constraints().withBudgetCents(budgetCents), p.startDate(), 0,
                p.timeLimit(), p.nodeLimit());
        RoutePlan plan = RoutePlanner.plan(cat, members.get(m).profile(), request);
        if (plan.status() == Status.FEASIBLE || plan.status() == Status.UNKNOWN) {
            unproven = true;
        }
        return plan;
    }

    // ------------------------------------------------------------------ the answer

    private TeamPlan answer(List<List<String>> credited, long rootBound) {
        List<MemberRoute> routes = new ArrayList<>();
        Map<String, List<String>> takers = new LinkedHashMap<>();
        long hours = 0;
        long cost = 0;
        for (int m = 0; m < members.size(); m++) {
            RoutePlan plan = bestPlans[m];
            if (plan == null) {
                continue;
            }
            Route route = plan.best();
            hours += route.totals().hours();
            cost += route.totals().costCents();
            List<Need> assigned = bestSets[m].stream().mapToObj(bit -> req.needs().get(open.get(bit))).toList();
            routes.add(new MemberRoute(members.get(m).id(), assigned, route));
            for (Step step : route.steps()) {
                takers.computeIfAbsent(step.unitId(), u -> new ArrayList<>()).add(members.get(m).id());
            }
        }
        List<GroupUnit> groups = new ArrayList<>();
        takers.forEach((unit, who) -> {
            if (who.size() > 1) {
                CatalogueSnapshot.Unit u = cat.unit(unit);
                groups.add(new GroupUnit(unit, List.copyOf(who), u.hours(), u.costCents()));
            }
        });
        groups.sort(Comparator.comparingInt((GroupUnit g) -> -g.memberIds().size()).thenComparing(GroupUnit::unitId));
        boolean proven = !aborted && !unproven;
        long bound = proven ? hours : Math.min(hours, rootBound);
        double gap = hours == 0 ? 0 : (double) (hours - bound) / hours;
        return new TeamPlan(proven ? Status.OPTIMAL : Status.FEASIBLE, hours, cost, bound, gap,
                coverage(credited, bestSets), List.copyOf(routes), List.copyOf(groups), List.of(), nodes);
    }

    private List<NeedCoverage> coverage(List<List<String>> credited, BitSet[] sets) {
        List<NeedCoverage> coverage = new ArrayList<>();
        for (int n = 0; n < req.needs().size(); n++) {
            List<String> learners = new ArrayList<>();
            int bit = open.indexOf(n);
            if (sets != null && bit >= 0) {
                for (int m = 0; m < members.size(); m++) {
                    if (sets[m].get(bit)) {
                        learners.add(members.get(m).id());
                    }
                }
            }
            coverage.add(new NeedCoverage(req.needs().get(n), credited.get(n), List.copyOf(learners)));
        }
        return coverage;
    }
}
