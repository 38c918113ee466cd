package nl.leerroute.routes.planner;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeLevel;
import nl.leerroute.routes.planner.CatalogueSnapshot.Unit;
import nl.leerroute.routes.planner.Compiler.Exclusion;
import nl.leerroute.routes.planner.Compiler.MissingTarget;
import nl.leerroute.routes.planner.RoutePlan.Credit;
import nl.leerroute.routes.planner.RoutePlan.Infeasibility;
import nl.leerroute.routes.planner.RoutePlan.PulledInBy;
import nl.leerroute.routes.planner.RoutePlan.ReasonCode;
import nl.leerroute.routes.planner.RoutePlan.Route;
import nl.leerroute.routes.planner.RoutePlan.Status;
import nl.leerroute.routes.planner.RoutePlan.Step;
import nl.leerroute.routes.planner.RoutePlan.Totals;

/**
 * The route planner: {@link #plan(CatalogueSnapshot, PersonProfile, PlanRequest)}.
 *
 * <h2>Semantics</h2>
 * <ul>
 * <li><b>Crediting</b> and the <b>assessment rule</b>: see {@link Crediting}.</li>
 * <li><b>Valid route</b>: every missing target (outcome, level) is yielded at &gt;= that level by some step;
 * every step's requirement groups (AND of ORs) are met by credits, completed units, or earlier steps; every
 * unit is allowed by the constraints; total cost &lt;= budget; last finish &lt;= deadline.</li>
 * <li><b>Scheduling</b>: see {@link Sequencer} (one unit after another, earliest finish over valid orders).</li>
 * <li><b>Objective</b>, lexicographic: least study hours, then least cost, then fewest units, then earliest
 * finish, then the alphabetically first sorted list of unit ids, so the best route is unique and the answer
 * deterministic (as long as the wall-clock time limit is not hit).</li>
 * <li><b>Alternatives</b>: alternative i is the best route (same objective) that shares at most 70% of the
 * study hours of the best route and of each earlier alternative (counted in units when a route has 0 hours).
 * So it must drop units carrying at least 30% of each earlier route's hours: swapping one small unit is a
 * near-copy, not an alternative. The rule only ever forbids adding units, which keeps the search exact.</li>
 * <li><b>FEASIBLE</b>: a limit stopped the search; the route is valid, {@code lowerBoundHours} is proven
 * (no valid route has fewer hours) and {@code gap} is relative to the route's hours. Also used when a set of
 * units that could match the route was too long to sequence exactly within the order search's limit (see
 * {@link Sequencer}); a set that is heavier than the route does not count, whatever its schedule.</li>
 * </ul>
 */
public final class RoutePlanner {

    /** Share of an earlier route's hours an alternative may keep, as a fraction of 10. */
    static final int MAX_SHARED_TENTHS = 7;

    private RoutePlanner() {
    }

    public static RoutePlan plan(CatalogueSnapshot cat, PersonProfile profile, PlanRequest req) {
        long deadlineNanos = System.nanoTime() + req.timeLimit().toNanos();
        Crediting cr = new Crediting(cat, profile, req.startDate());
        Compiler comp = new Compiler(cat, cr, req);
        if (comp.missing.isEmpty()) {
            Route empty = new Route(List.of(), new Totals(0, 0, 0, req.startDate(), 0), true, true);
            return new RoutePlan(Status.OPTIMAL, empty, credits(comp, null, null), 0, 0, List.of(), List.of(), 0);
        }
        Instance in = comp.instance(comp.missing);
        List<Infeasibility> structural = structuralReasons(comp, in);
        if (!structural.isEmpty()) {
            return new RoutePlan(Status.INFEASIBLE, null, credits(comp, null, null), 0, 0, structural, List.of(), 0);
        }
        long[] w = in.lexWeights();
        long k1 = in.lexK1();
        Search s = search(in, w, comp.budget, comp.deadlineDay, List.of(), req.nodeLimit(), deadlineNanos);
        if (s.bestSet == null) {
            if (s.aborted || s.inexactSchedule()) { // a set sequenced inexactly might have been a route
                return new RoutePlan(Status.UNKNOWN, null, credits(comp, null, null), s.lowerBound() / k1, 0,
                        List.of(), List.of(), s.nodes);
            }
            List<Infeasibility> reasons = diagnose(comp, in, req.nodeLimit(), deadlineNanos);
            return new RoutePlan(Status.INFEASIBLE, null, credits(comp, null, null), 0, 0, reasons, List.of(),
                    s.nodes);
        }
        boolean proven = !s.aborted && !s.inexactSchedule();
        Route best = route(comp, in, s.bestSchedule, proven);
        long lbHours = Math.min(best.totals().hours(), s.lowerBound() / k1);
        double gap = best.totals().hours() == 0 ? 0 : (double) (best.totals().hours() - lbHours) / best.totals().hours();

        List<Route> alternatives = new ArrayList<>();
        List<boolean[]> earlier = new ArrayList<>();
        earlier.add(membership(in, s.bestSet));
        for (int a = 0; a < req.alternatives(); a++) {
            Search sa = search(in, w, comp.budget, comp.deadlineDay, earlier, req.nodeLimit(), deadlineNanos);
            if (sa.bestSet == null) {
                break;
            }
            alternatives.add(route(comp, in, sa.bestSchedule, !sa.aborted && !sa.inexactSchedule()));
            earlier.add(membership(in, sa.bestSet));
        }
        return new RoutePlan(proven ? Status.OPTIMAL : Status.FEASIBLE, best, credits(comp, in, s.bestSchedule),
                lbHours, gap, List.of(), List.copyOf(alternatives), s.nodes);
    }

    /**
     * A greedy route (repeatedly the unit with the least weight per newly covered element), for comparison in
     * benchmarks only: it is not optimal and must never be presented as the best route. Null when greedy
     * finds none.
     */
    public static Route greedyRoute(CatalogueSnapshot cat, PersonProfile profile, PlanRequest req) {
        Crediting cr = new Crediting(cat, profile, req.startDate());
        Compiler comp = new Compiler(cat, cr, req);
        Instance in = comp.instance(comp.missing);
        Search.Params p = new Search.Params();
        p.budget = comp.budget;
        p.deadline = comp.deadlineDay;
        p.greedy = true;
        Search s = new Search(in, in.lexWeights(), p).run();
        return s.bestSet == null ? null : route(comp, in, s.bestSchedule, false);
    }

    private static boolean[] membership(Instance in, int[] set) {
        boolean[] m = new boolean[in.n];
        for (int u : set) {
            m[u] = true;
        }
        return m;
    }

    static Search search(Instance in, long[] w, long budget, long deadline, List<boolean[]> earlier, long nodeLimit,
            long deadlineNanos) {
        Search.Params p = new Search.Params();
        p.budget = budget;
        p.deadline = deadline;
        p.nodeLimit = nodeLimit;
        p.deadlineNanos = deadlineNanos;
        p.excluded = in.dominated(deadline != Long.MAX_VALUE, earlier);
        for (boolean[] r : earlier) {
            long[] ow = new long[in.n];
            long hours = 0;
            for (int u = 0; u < in.n; u++) {
                if (r[u]) {
                    hours += in.hours[u];
                }
            }
            long total = 0;
            for (int u = 0; u < in.n; u++) {
                if (r[u]) {
                    ow[u] = hours > 0 ? in.hours[u] : 1;
                    total += ow[u];
                }
            }
            p.overlapWeights.add(ow);
            p.overlapLimits.add(total * MAX_SHARED_TENTHS / 10);
        }
        return new Search(in, w, p).run();
    }

    // ------------------------------------------------------------------ explaining a route

    static Route route(Compiler comp, Instance in, Sequencer.Schedule sch, boolean optimal) {
        CatalogueSnapshot cat = comp.cat;
        int k = sch.order().length;
        int[] units = new int[k];
        for (int i = 0; i < k; i++) {
            units[i] = in.snap[sch.order()[i]];
        }
        List<List<PulledInBy>> why = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            why.add(new ArrayList<>());
        }
        for (MissingTarget t : in.targets) {
            for (int i = 0; i < k; i++) {
                if (cat.yieldLevelOf(units[i], t.outcome()) >= t.level()) {
                    why.get(i).add(new PulledInBy(PulledInBy.Kind.TARGET, cat.outcomes().get(t.outcome()).id(),
                            t.level(), t.label(), null));
                    break;
                }
            }
        }
        for (int j = 0; j < k; j++) {
            int u = units[j];
            for (int g = 0; g < cat.reqRef[u].length; g++) {
                if (comp.groupMetByCredit(u, g)) {
                    continue;
                }
                boolean found = false;
                for (int i = 0; i < j && !found; i++) {
                    int[] refs = cat.reqRef[u][g];
                    for (int a = 0; a < refs.length && !found; a++) {
                        int lv = cat.reqLevel[u][g][a];
                        if (refs[a] >= 0 ? cat.yieldLevelOf(units[i], refs[a]) >= lv : units[i] == ~refs[a]) {
                            found = true;
                            why.get(i).add(new PulledInBy(PulledInBy.Kind.ENTRY_REQUIREMENT,
                                    refs[a] >= 0 ? cat.outcomes().get(refs[a]).id() : null, refs[a] >= 0 ? lv : 0,
                                    null, cat.units().get(u).id()));
                        }
                    }
                }
            }
        }
        int[] cur = comp.cr.creditLevel.clone();
        List<String> ids = new ArrayList<>();
        List<Long> prices = new ArrayList<>();
        for (int u : units) {
            ids.add(cat.units().get(u).id());
            prices.add(cat.units().get(u).costCents());
        }
        List<List<Funding.Share>> shares = comp.req.funding().allocate(ids, prices);
        List<Step> steps = new ArrayList<>();
        long hours = 0;
        long cost = 0;
        for (int i = 0; i < k; i++) {
            Unit unit = cat.units().get(units[i]);
            List<OutcomeLevel> newly = new ArrayList<>();
            for (int y = 0; y < cat.yieldOutcome[units[i]].length; y++) {
                int o = cat.yieldOutcome[units[i]][y];
                int lv = cat.yieldLevel[units[i]][y];
                if (lv > cur[o]) {
                    newly.add(new OutcomeLevel(cat.outcomes().get(o).id(), lv));
                    cur[o] = lv;
                }
            }
            steps.add(new Step(unit.id(), unit.kind(), LocalDate.ofEpochDay(sch.start()[i]),
                    LocalDate.ofEpochDay(sch.finish()[i]), unit.hours(), unit.costCents(), List.copyOf(newly),
                    List.copyOf(why.get(i)), shares.get(i)));
            hours += unit.hours();
            cost += unit.costCents();
        }
        LocalDate finish = k == 0 ? comp.req.startDate() : LocalDate.ofEpochDay(sch.end());
        int[] local = sch.order().clone();
        Arrays.sort(local);
        return new Route(List.copyOf(steps), new Totals(hours, cost, k, finish, in.exactCost(local)), optimal,
                sch.exact());
    }

    /** Credits for the targets, and for the entry requirements of the route's steps met by credit. */
    static List<Credit> credits(Compiler comp, Instance in, Sequencer.Schedule sch) {
        CatalogueSnapshot cat = comp.cat;
        Crediting cr = comp.cr;
        List<Credit> out = new ArrayList<>();
        for (MissingTarget t : comp.credited) {
            out.add(new Credit(cat.outcomes().get(t.outcome()).id(), cr.creditLevel[t.outcome()], t.level(),
                    cr.evidenceFor(t.outcome(), t.level()), t.label() == null ? "target" : "target (" + t.label() + ")"));
        }
        if (sch != null) {
            for (int local : sch.order()) {
                int u = in.snap[local];
                for (int g = 0; g < cat.reqRef[u].length; g++) {
                    int[] refs = cat.reqRef[u][g];
                    for (int a = 0; a < refs.length; a++) {
                        int lv = cat.reqLevel[u][g][a];
                        if (refs[a] >= 0 && cr.creditLevel[refs[a]] >= lv) {
                            out.add(new Credit(cat.outcomes().get(refs[a]).id(), cr.creditLevel[refs[a]], lv,
                                    cr.evidenceFor(refs[a], lv), "entry requirement of " + cat.units().get(u).id()));
                            break;
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    // ------------------------------------------------------------------ explaining infeasibility

    private static String eur(long cents) {
        return String.format(Locale.ROOT, "EUR %d.%02d", cents / 100, cents % 100);
    }

    /** Targets that no allowed, reachable unit covers: nothing teaches it, all excluded, or blocked. */
    static List<Infeasibility> structuralReasons(Compiler comp, Instance in) {
        CatalogueSnapshot cat = comp.cat;
        List<Infeasibility> out = new ArrayList<>();
        for (int t = 0; t < in.T; t++) {
            if (in.prov[t].length > 0) {
                continue;
            }
            MissingTarget mt = in.targets.get(t);
            int o = mt.outcome();
            String oid = cat.outcomes().get(o).id();
            String ol = oid + "@" + mt.level();
            List<String> teachers = new ArrayList<>();
            int highest = 0;
            for (int i = 0; i < cat.teachers[o].length; i++) {
                highest = Math.max(highest, cat.teacherLevel[o][i]);
                if (cat.teacherLevel[o][i] >= mt.level()) {
                    teachers.add(cat.units().get(cat.teachers[o][i]).id());
                }
            }
            if (teachers.isEmpty()) {
                String en = "Nothing in the catalogue teaches " + ol
                        + (highest > 0 ? "; the highest level taught is " + highest : "; no unit teaches it at all")
                        + ".";
                String nl = "Niets in de catalogus leert " + ol
                        + (highest > 0 ? "; het hoogste niveau dat wordt aangeboden is " + highest
                                : "; geen enkele eenheid biedt het aan")
                        + ".";
                out.add(new Infeasibility(oid, mt.level(), ReasonCode.NOT_TAUGHT, en, nl, List.of(), null, null));
                continue;
            }
            Map<Exclusion, List<String>> byCause = new EnumMap<>(Exclusion.class);
            List<String> allowed = new ArrayList<>();
            for (String id : teachers) {
                Exclusion x = comp.exclusion[cat.unitIndex(id)];
                if (x == null) {
                    allowed.add(id);
                } else {
                    byCause.computeIfAbsent(x, c -> new ArrayList<>()).add(id);
                }
            }
            if (allowed.isEmpty()) {
                StringBuilder en = new StringBuilder("All " + teachers.size() + " units that teach " + ol
                        + " are excluded: ");
                StringBuilder nl = new StringBuilder("Alle " + teachers.size() + " eenheden die " + ol
                        + " aanbieden zijn uitgesloten: ");
                String sep = "";
                for (Map.Entry<Exclusion, List<String>> e : byCause.entrySet()) {
                    en.append(sep).append(String.join(", ", e.getValue())).append(" because ").append(e.getKey().en);
                    nl.append(sep).append(String.join(", ", e.getValue())).append(" omdat ").append(e.getKey().nl);
                    sep = "; ";
                }
                out.add(new Infeasibility(oid, mt.level(), ReasonCode.ALL_EXCLUDED, en + ".", nl + ".", teachers,
                        null, null));
                continue;
            }
            // allowed teachers exist but none is reachable: name the first unmet group of each
            StringBuilder en = new StringBuilder("The entry requirements of every allowed unit that teaches " + ol
                    + " can never be met (a prerequisite cycle, or a requirement nothing allowed teaches): ");
            StringBuilder nl = new StringBuilder("Aan de toelatingseisen van geen enkele toegestane eenheid die " + ol
                    + " aanbiedt kan worden voldaan (een kringverwijzing, of een eis die niets toegestaans aanbiedt): ");
            String sep = "";
            for (String id : allowed) {
                int u = cat.unitIndex(id);
                String unmet = "";
                for (int g = 0; g < cat.reqRef[u].length; g++) {
                    if (!groupReachable(comp, u, g)) {
                        unmet = cat.units().get(u).requires().get(g).toString();
                        break;
                    }
                }
                en.append(sep).append(id).append(" needs ").append(unmet);
                nl.append(sep).append(id).append(" vereist ").append(unmet.replace(" or ", " of "));
                sep = "; ";
            }
            out.add(new Infeasibility(oid, mt.level(), ReasonCode.PREREQUISITES_UNREACHABLE, en + ".", nl + ".",
                    allowed, null, null));
        }
        return out;
    }

    private static boolean groupReachable(Compiler comp, int u, int g) {
        int[] refs = comp.cat.reqRef[u][g];
        int[] lv = comp.cat.reqLevel[u][g];
        for (int a = 0; a < refs.length; a++) {
            if (refs[a] >= 0 ? comp.reachAvail[refs[a]] >= lv[a]
                    : comp.reachable[~refs[a]] || comp.cr.completedUnit[~refs[a]]) {
                return true;
            }
        }
        return false;
    }

    /** Structurally reachable but no route: the budget, the deadline, or start moments are to blame. */
    static List<Infeasibility> diagnose(Compiler comp, Instance in, long nodeLimit, long deadlineNanos) {
        final long none = Long.MAX_VALUE;
        Search withoutBudget = search(in, in.lexWeights(), none, comp.deadlineDay, List.of(), nodeLimit,
                deadlineNanos);
        if (withoutBudget.bestSet != null) {
            return budgetReasons(comp, in, nodeLimit, deadlineNanos);
        }
        Search free = search(in, in.lexWeights(), none, none, List.of(), nodeLimit, deadlineNanos);
        List<Infeasibility> out = new ArrayList<>();
        if (free.bestSet == null) {
            // even without deadline and budget: start moments cannot all be met
            for (MissingTarget t : in.targets) {
                Instance one = comp.instance(List.of(t));
                if (search(one, one.lexWeights(), none, none, List.of(), nodeLimit, deadlineNanos).bestSet == null) {
                    out.add(startReason(comp, t));
                }
            }
            if (out.isEmpty()) {
                out.add(startReason(comp, null));
            }
            return out;
        }
        for (MissingTarget t : in.targets) {
            Instance one = comp.instance(List.of(t));
            Search s1 = search(one, one.lexWeights(), none, comp.deadlineDay, List.of(), nodeLimit, deadlineNanos);
            if (s1.bestSet == null && !s1.aborted) {
                out.add(deadlineReason(comp, one, t, nodeLimit, deadlineNanos));
            }
        }
        if (out.isEmpty()) {
            out.add(deadlineReason(comp, in, null, nodeLimit, deadlineNanos));
        }
        return out; // when a search limit was hit, amounts are marked as estimates in the text
    }

    private static Infeasibility startReason(Compiler comp, MissingTarget t) {
        String what = t == null ? "the targets together" : comp.cat.outcomes().get(t.outcome()).id() + "@" + t.level();
        String wat = t == null ? "de doelen samen" : what;
        return new Infeasibility(t == null ? null : comp.cat.outcomes().get(t.outcome()).id(),
                t == null ? 0 : t.level(), ReasonCode.START_MOMENTS_MISSED,
                "No order of units reaching " + what + " lets every unit start on one of its start moments.",
                "Geen volgorde van eenheden die " + wat + " bereikt laat elke eenheid op een van zijn startmomenten"
                        + " beginnen.",
                List.of(), null, null);
    }

    /** Earliest finish of any route for the instance (binary search on the deadline), and the reason. */
    private static Infeasibility deadlineReason(Compiler comp, Instance in, MissingTarget t, long nodeLimit,
            long deadlineNanos) {
        final long none = Long.MAX_VALUE;
        Search free = search(in, in.lexWeights(), none, none, List.of(), nodeLimit, deadlineNanos);
        long lo = comp.deadlineDay + 1;
        long hi = free.bestSet == null ? none : free.bestSchedule.end();
        boolean exact = !free.aborted;
        while (hi != none && lo < hi) {
            long mid = lo + (hi - lo) / 2;
            Search s = search(in, in.lexWeights(), none, mid, List.of(), nodeLimit, deadlineNanos);
            if (s.aborted) {
                exact = false;
            }
            if (s.bestSet != null) {
                hi = s.bestSchedule.end();
            } else {
                lo = mid + 1;
            }
        }
        String what = t == null ? "the targets together" : comp.cat.outcomes().get(t.outcome()).id() + "@" + t.level();
        String wat = t == null ? "de doelen samen" : what;
        LocalDate deadline = LocalDate.ofEpochDay(comp.deadlineDay);
        Long late = hi == none ? null : hi - comp.deadlineDay;
        String en;
        String nl;
        if (late == null) {
            en = what + " cannot be reached by " + deadline + ".";
            nl = what + " is niet te halen voor " + deadline + ".";
        } else {
            LocalDate earliest = LocalDate.ofEpochDay(hi);
            en = "The deadline is too tight for " + what + ": the earliest possible finish is " + earliest + ", "
                    + late + " days after the deadline " + deadline + (exact ? "." : " (search limit hit: estimate).");
            nl = "De deadline is te krap voor " + wat + ": de vroegst mogelijke einddatum is " + earliest + ", "
                    + late + " dagen na de deadline " + deadline + (exact ? "." : " (zoeklimiet bereikt: schatting).");
        }
        return new Infeasibility(t == null ? null : comp.cat.outcomes().get(t.outcome()).id(), t == null ? 0 : t.level(),
                ReasonCode.DEADLINE_TOO_TIGHT, en, nl, List.of(), null, late);
    }

    private static List<Infeasibility> budgetReasons(Compiler comp, Instance in, long nodeLimit, long deadlineNanos) {
        final long none = Long.MAX_VALUE;
        List<Infeasibility> out = new ArrayList<>();
        Map<MissingTarget, Long> single = new LinkedHashMap<>();
        for (MissingTarget t : in.targets) {
            Instance one = comp.instance(List.of(t));
            Search s = search(one, one.costWeights(), none, comp.deadlineDay, List.of(), nodeLimit, deadlineNanos);
            if (s.bestSet != null) {
                long c = one.exactCost(s.bestSet);
                if (c > comp.budget) {
                    single.put(t, c);
                }
            }
        }
        String deadlineEn = comp.deadlineDay == none ? "" : " (meeting the deadline)";
        String deadlineNl = comp.deadlineDay == none ? "" : " (binnen de deadline)";
        for (Map.Entry<MissingTarget, Long> e : single.entrySet()) {
            MissingTarget t = e.getKey();
            String ol = comp.cat.outcomes().get(t.outcome()).id() + "@" + t.level();
            long shortBy = e.getValue() - comp.budget;
            out.add(new Infeasibility(comp.cat.outcomes().get(t.outcome()).id(), t.level(), ReasonCode.BUDGET_TOO_TIGHT,
                    "The budget is too tight for " + ol + ": the cheapest way to reach it" + deadlineEn + " costs "
                            + eur(e.getValue()) + ", the budget is " + eur(comp.budget) + ", short by " + eur(shortBy)
                            + ".",
                    "Het budget is te krap voor " + ol + ": de goedkoopste manier om het te bereiken" + deadlineNl
                            + " kost " + eur(e.getValue()) + ", het budget is " + eur(comp.budget) + ", een tekort van "
                            + eur(shortBy) + ".",
                    List.of(), shortBy, null));
        }
        if (out.isEmpty()) {
            Search s = search(in, in.costWeights(), none, comp.deadlineDay, List.of(), nodeLimit, deadlineNanos);
            if (s.bestSet == null) {
                return out; // search limit hit before any route: nothing proven to report
            }
            long c = in.exactCost(s.bestSet);
            long shortBy = c - comp.budget;
            String est = s.aborted ? " (search limit hit: estimate)" : "";
            String estNl = s.aborted ? " (zoeklimiet bereikt: schatting)" : "";
            out.add(new Infeasibility(null, 0, ReasonCode.BUDGET_TOO_TIGHT,
                    "The budget is too tight for the targets together: the cheapest route" + deadlineEn + " costs "
                            + eur(c) + ", the budget is " + eur(comp.budget) + ", short by " + eur(shortBy) + est + ".",
                    "Het budget is te krap voor de doelen samen: de goedkoopste route" + deadlineNl + " kost " + eur(c)
                            + ", het budget is " + eur(comp.budget) + ", een tekort van " + eur(shortBy) + estNl + ".",
                    List.of(), shortBy, null));
        }
        return out;
    }
}
