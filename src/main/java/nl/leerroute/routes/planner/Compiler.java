package nl.leerroute.routes.planner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import nl.leerroute.routes.planner.CatalogueSnapshot.Unit;
import nl.leerroute.routes.planner.PlanRequest.Constraints;
import nl.leerroute.routes.planner.PlanRequest.Target;

/**
 * Turns snapshot + credits + request into the int model the search works on, and reduces it: units a
 * constraint rules out go, units whose entry requirements can never be met go, and per target set only the
 * units that teach a missing target (at its level) plus the prerequisite closure of those remain.
 */
final class Compiler {

    /** Why a unit is not usable for this person and request (budget and deadline are handled by the search). */
    enum Exclusion {
        EXCLUDED_UNIT("the unit is excluded", "de eenheid is uitgesloten"),
        EXCLUDED_PROVIDER("its provider is excluded", "de aanbieder is uitgesloten"),
        MODE("its delivery mode is not allowed", "de onderwijsvorm niet is toegestaan"),
        PLACE("its place is not allowed", "de plaats niet is toegestaan"),
        LANGUAGE("its language is not allowed", "de taal niet is toegestaan"),
        NO_START_MOMENT("it has no start moment on or after the start date",
                "er geen startmoment is op of na de startdatum"),
        ASSESSMENT_WITHOUT_CLAIM("it is an assessment of outcomes the person does not claim",
                "het een assessment is van leeruitkomsten die de persoon niet claimt");

        final String en;
        final String nl;

        Exclusion(String en, String nl) {
            this.en = en;
            this.nl = nl;
        }
    }

    record MissingTarget(int outcome, int level, String label) {
    }

    final CatalogueSnapshot cat;
    final Crediting cr;
    final PlanRequest req;
    final long startDay;
    final long deadlineDay;
    final long budget;
    /** The goal's closure ({@link #closure}); the per-unit arrays below are filled for these units only. */
    final int[] closure;
    final long[] durDays;
    final Exclusion[] exclusion;
    /** Units of the closure that can ever start (false for every unit outside the closure). */
    final boolean[] reachable;
    /**
     * per outcome: the highest level reachable at all (credits plus every reachable unit of the closure); exact
     * wherever the closure's groups compare it with a level, since the closure holds every unit teaching such an
     * outcome at that level or higher.
     */
    int[] reachAvail;
    final List<MissingTarget> missing;
    /** targets already credited (outcome index to level, label). */
    final List<MissingTarget> credited;

    Compiler(CatalogueSnapshot cat, Crediting cr, PlanRequest req) {
        this.cat = cat;
        this.cr = cr;
        this.req = req;
        Constraints c = req.constraints();
        startDay = req.startDate().toEpochDay();
        deadlineDay = c.deadline() == null ? Long.MAX_VALUE : c.deadline().toEpochDay();
        budget = c.budgetCents() == null ? Long.MAX_VALUE : c.budgetCents();
        int n = cat.unitCount();
        durDays = new long[n];
        exclusion = new Exclusion[n];
        // merge targets per outcome: the highest level counts; labels joined in request order
        Map<Integer, int[]> level = new LinkedHashMap<>();
        Map<Integer, List<String>> labels = new HashMap<>();
        for (Target t : req.targets()) {
            int o = cat.outcomeIndex(t.outcomeId());
            if (o < 0) {
                throw new IllegalArgumentException("unknown target outcome " + t.outcomeId());
            }
            level.computeIfAbsent(o, k -> new int[1])[0] = Math.max(level.get(o) == null ? 0 : level.get(o)[0],
                    t.minLevel());
            if (t.label() != null && !labels.computeIfAbsent(o, k -> new ArrayList<>()).contains(t.label())) {
                labels.get(o).add(t.label());
            }
        }
        List<MissingTarget> miss = new ArrayList<>();
        List<MissingTarget> cred = new ArrayList<>();
        for (Map.Entry<Integer, int[]> e : level.entrySet()) {
            int o = e.getKey();
            List<String> ls = labels.get(o);
            MissingTarget mt = new MissingTarget(o, e.getValue()[0], ls == null ? null : String.join(", ", ls));
            (cr.credited(o, mt.level()) ? cred : miss).add(mt);
        }
        missing = List.copyOf(miss);
        credited = List.copyOf(cred);
        // only the goal's closure is compiled, so a request costs what its goal needs, not what the catalogue holds
        closure = closure(missing);
        for (int u : closure) {
            Unit unit = cat.units().get(u);
            long weeks = unit.durationWeeks();
            if (c.hoursPerWeek() != null) {
                weeks = Math.max(weeks, (unit.hours() + c.hoursPerWeek() - 1) / c.hoursPerWeek());
            }
            durDays[u] = 7 * weeks;
            exclusion[u] = exclusionOf(u, unit, c);
            req.funding().check(unit.id(), unit.costCents());
        }
        reachable = reachable(exclusion);
    }

    /**
     * Every unit that teaches a missing target at its level, plus, transitively, every unit that can meet an
     * entry-requirement group (not met by credits) of a unit already in (snapshot indices, ascending). Excluded
     * and unreachable units are kept, so that infeasibility can be explained. No route and no instance of this
     * request can use a unit outside: {@link #instance} only follows targets and groups the same way, and whether
     * a unit of the closure can ever start depends on units of the closure alone.
     */
    private int[] closure(List<MissingTarget> targets) {
        boolean[] in = new boolean[cat.unitCount()];
        int[] queue = new int[16];
        int top = 0;
        for (MissingTarget t : targets) {
            int[] ts = cat.teachers[t.outcome()];
            int[] tl = cat.teacherLevel[t.outcome()];
            for (int i = 0; i < ts.length; i++) {
                if (tl[i] >= t.level() && !in[ts[i]]) {
                    in[ts[i]] = true;
                    queue = push(queue, top++, ts[i]);
                }
            }
        }
        for (int qi = 0; qi < top; qi++) {
            int u = queue[qi];
            for (int g = 0; g < cat.reqRef[u].length; g++) {
                if (groupMetByCredit(u, g)) {
                    continue;
                }
                int[] refs = cat.reqRef[u][g];
                int[] lv = cat.reqLevel[u][g];
                for (int a = 0; a < refs.length; a++) {
                    if (refs[a] < 0) {
                        if (!in[~refs[a]]) {
                            in[~refs[a]] = true;
                            queue = push(queue, top++, ~refs[a]);
                        }
                        continue;
                    }
                    int[] ts = cat.teachers[refs[a]];
                    int[] tl = cat.teacherLevel[refs[a]];
                    for (int i = 0; i < ts.length; i++) {
                        if (tl[i] >= lv[a] && !in[ts[i]]) {
                            in[ts[i]] = true;
                            queue = push(queue, top++, ts[i]);
                        }
                    }
                }
            }
        }
        int[] out = Arrays.copyOf(queue, top);
        Arrays.sort(out);
        return out;
    }

    private static int[] push(int[] queue, int at, int u) {
        if (at == queue.length) {
            queue = Arrays.copyOf(queue, 2 * at);
        }
        queue[at] = u;
        return queue;
    }

    private Exclusion exclusionOf(int u, Unit unit, Constraints c) {
        if (c.excludedUnits().contains(unit.id())) {
            return Exclusion.EXCLUDED_UNIT;
        }
        if (unit.providerId() != null && c.excludedProviders().contains(unit.providerId())) {
            return Exclusion.EXCLUDED_PROVIDER;
        }
        if (!c.modes().isEmpty() && !c.modes().contains(unit.mode())) {
            return Exclusion.MODE;
        }
        if (!c.places().isEmpty() && unit.place() != null && !c.places().contains(unit.place())) {
            return Exclusion.PLACE;
        }
        if (!c.languages().isEmpty() && !c.languages().contains(unit.language())) {
            return Exclusion.LANGUAGE;
        }
        long[] s = cat.startDays[u];
        if (s.length > 0 && s[s.length - 1] < startDay) {
            return Exclusion.NO_START_MOMENT;
        }
        if (unit.isAssessment() && !cr.assessmentUsable(u)) {
            return Exclusion.ASSESSMENT_WITHOUT_CLAIM;
        }
        return null;
    }

    /** Whether requirement group g of unit u is met by credits or completed units alone. */
    boolean groupMetByCredit(int u, int g) {
        int[] refs = cat.reqRef[u][g];
        int[] lv = cat.reqLevel[u][g];
        for (int a = 0; a < refs.length; a++) {
            if (refs[a] >= 0 ? cr.creditLevel[refs[a]] >= lv[a] : cr.completedUnit[~refs[a]]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Least fixpoint from the credits: a unit fires once each of its groups is met by credits or by units that
     * fired before. Units in a prerequisite cycle with no way in never fire; they cannot be in any route.
     */
    boolean[] reachable(Exclusion[] excl) {
        int n = cat.unitCount();
        int[] avail = cr.creditLevel.clone();
        boolean[] fired = new boolean[n];
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int u : closure) {
                if (fired[u] || excl[u] != null || !ready(u, avail, fired)) {
                    continue;
                }
                fired[u] = true;
                changed = true;
                for (int i = 0; i < cat.yieldOutcome[u].length; i++) {
                    int o = cat.yieldOutcome[u][i];
                    avail[o] = Math.max(avail[o], cat.yieldLevel[u][i]);
                }
            }
        }
        reachAvail = avail;
        return fired;
    }

    boolean ready(int u, int[] avail, boolean[] fired) {
        for (int g = 0; g < cat.reqRef[u].length; g++) {
            int[] refs = cat.reqRef[u][g];
            int[] lv = cat.reqLevel[u][g];
            boolean met = false;
            for (int a = 0; a < refs.length && !met; a++) {
                met = refs[a] >= 0 ? avail[refs[a]] >= lv[a] : fired[~refs[a]] || cr.completedUnit[~refs[a]];
            }
            if (!met) {
                return false;
            }
        }
        return true;
    }

    /** Reachable units that can cover outcome o at level >= level (snapshot indices, ascending). */
    int[] teachers(int o, int level, boolean[] usable) {
        int[] ts = cat.teachers[o];
        int[] tl = cat.teacherLevel[o];
        int cnt = 0;
        int[] out = new int[ts.length];
        for (int i = 0; i < ts.length; i++) {
            if (tl[i] >= level && usable[ts[i]]) {
                out[cnt++] = ts[i];
            }
        }
        return Arrays.copyOf(out, cnt);
    }

    /** Providers of group g of unit u among usable units (snapshot indices, ascending, distinct). */
    int[] groupProviders(int u, int g, boolean[] usable) {
        TreeSet<Integer> set = new TreeSet<>();
        int[] refs = cat.reqRef[u][g];
        int[] lv = cat.reqLevel[u][g];
        for (int a = 0; a < refs.length; a++) {
            if (refs[a] >= 0) {
                for (int t : teachers(refs[a], lv[a], usable)) {
                    set.add(t);
                }
            } else if (usable[~refs[a]]) {
                set.add(~refs[a]);
            }
        }
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The reduced instance for covering {@code targets}. */
    Instance instance(List<MissingTarget> targets) {
        int n = cat.unitCount();
        boolean[] relevant = new boolean[n];
        ArrayList<Integer> queue = new ArrayList<>();
        int[][] targetProv = new int[targets.size()][];
        for (int t = 0; t < targets.size(); t++) {
            targetProv[t] = teachers(targets.get(t).outcome(), targets.get(t).level(), reachable);
            for (int u : targetProv[t]) {
                if (!relevant[u]) {
                    relevant[u] = true;
                    queue.add(u);
                }
            }
        }
        // prerequisite closure; remember the provider set of every uncredited group on the way
        Map<String, Integer> elementOfKey = new HashMap<>();
        List<int[]> elementProv = new ArrayList<>();
        for (int[] p : targetProv) {
            elementProv.add(p);
        }
        Map<Integer, int[]> groupsOfUnit = new HashMap<>();
        for (int qi = 0; qi < queue.size(); qi++) {
            int u = queue.get(qi);
            TreeSet<Integer> elems = new TreeSet<>();
            for (int g = 0; g < cat.reqRef[u].length; g++) {
                if (groupMetByCredit(u, g)) {
                    continue;
                }
                // a unit never meets its own entry requirement (it must be met before the unit starts), so it
                // is no provider of its own groups: keeps the covering relaxation from counting it twice
                final int self = u;
                int[] prov = Arrays.stream(groupProviders(u, g, reachable)).filter(v -> v != self).toArray();
                String key = Arrays.toString(prov);
                Integer e = elementOfKey.get(key);
                if (e == null) {
                    e = elementProv.size();
                    elementOfKey.put(key, e);
                    elementProv.add(prov);
                }
                elems.add(e);
                for (int p : prov) {
                    if (!relevant[p]) {
                        relevant[p] = true;
                        queue.add(p);
                    }
                }
            }
            groupsOfUnit.put(u, elems.stream().mapToInt(Integer::intValue).toArray());
        }
        int[] local = new int[n];
        Arrays.fill(local, -1);
        int m = 0;
        for (int u : closure) { // every relevant unit is in the closure, which is sorted like the snapshot
            if (relevant[u]) {
                local[u] = m++;
            }
        }
        int[] snap = new int[m];
        for (int u : closure) {
            if (relevant[u]) {
                snap[local[u]] = u;
            }
        }
        int e = elementProv.size();
        int[][] prov = new int[e][];
        for (int i = 0; i < e; i++) {
            int[] p = elementProv.get(i);
            prov[i] = new int[p.length];
            for (int j = 0; j < p.length; j++) {
                prov[i][j] = local[p[j]];
            }
        }
        int[][] groups = new int[m][];
        for (int i = 0; i < m; i++) {
            groups[i] = groupsOfUnit.get(snap[i]);
        }
        return new Instance(this, targets, snap, prov, groups);
    }
}
