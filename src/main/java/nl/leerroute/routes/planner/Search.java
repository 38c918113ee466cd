package nl.leerroute.routes.planner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Exact branch and bound over unit sets for one reduced {@link Instance}.
 *
 * <p>Elements to cover are the missing targets plus the uncredited requirement groups of every chosen unit,
 * plus "cuts" added at leaves. A node branches on the uncovered element with the fewest available providers:
 * child i takes provider i and excludes providers 1..i-1, so every set is met at most once. The bound is the
 * price bound {@code sum over uncovered elements e of min over available u covering e of w(u) / |uncovered
 * elements u covers|}: any cover pays each unit's weight at most once, spread over the elements it covers, so
 * this never exceeds the cost of completing the set (a relaxation that also ignores ordering). Stronger: a
 * long-exact dual ascent and a Lagrangian bound with reduced-cost fixing (see {@link #lagrange}); the search
 * starts from a greedy route improved by a Lagrangian heuristic and core searches (see {@link #primal}).
 *
 * <p>When a set covers everything it is checked:
 * <ul>
 * <li>Prerequisite order: a fixpoint inside the set. Units that never fire (a cycle with no way in) make the
 * set invalid; every valid superset must then add a unit outside the set that meets an unmet group of one of
 * the stuck units (the first stuck unit to fire in that superset needs one), so that union becomes a new element
 * (a cut) and the search goes on below.</li>
 * <li>Schedule: the earliest finish ({@link Sequencer}). When it misses the deadline (or start moments run
 * out), a valid superset that does better must contain, after dropping units that no one needs, a unit that
 * provides a requirement group of a unit in the set; that union of providers becomes the cut.</li>
 * </ul>
 * Supersets of a valid leaf are strictly heavier (every weight is &gt;= 1) and never better, so the leaf is
 * final. With funding route caps ({@link Funding}) the weights price every scheme in full, a lower bound; a
 * covering set is valued exactly ({@link Instance#capExcess}), and since the exact cost never falls when a unit
 * is added, the bounds stay valid and the leaf stays final. Ties in weight are broken by earlier finish, then by
 * the sorted list of unit ids.
 */
final class Search {

    static final class Params {
        long budget = Long.MAX_VALUE;
        long deadline = Long.MAX_VALUE;
        boolean[] excluded;
        /** per earlier route: the overlap weight of each unit and the maximum overlap allowed. */
        List<long[]> overlapWeights = new ArrayList<>();
        List<Long> overlapLimits = new ArrayList<>();
        long nodeLimit = Long.MAX_VALUE;
        long deadlineNanos = Long.MAX_VALUE;
        boolean greedy;
        /** look for a good first route (greedy, then core searches) before the exact search. */
        boolean primal = true;
        /** stop after the root's Lagrangian bound (used to pick the core). */
        boolean rootOnly;
        /**
         * compute the earliest finish of the route found at the end; the first-route searches leave that to the
         * search that adopts their route, which may well find a better one.
         */
        boolean settle = true;

        Params copy() {
            Params c = new Params();
            c.budget = budget;
            c.deadline = deadline;
            c.excluded = excluded;
            c.overlapWeights = overlapWeights;
            c.overlapLimits = overlapLimits;
            c.nodeLimit = nodeLimit;
            c.deadlineNanos = deadlineNanos;
            c.greedy = greedy;
            c.primal = primal;
            c.rootOnly = rootOnly;
            c.settle = settle;
            return c;
        }
    }

    /** Core searches: rounds, node limit per round, share of the gap a unit's reduced cost may use. */
    static final int CORE_ROUNDS = 3;
    static final long CORE_NODES = 2_000;
    static final int CORE_MIN_UNITS = 100;

    private final Instance in;
    private final long[] w;
    private final Params p;
    private final boolean[] chosen;
    private final int[] excl;
    private final int[] covCount;
    private final int[] needCount;
    private final int[] active;
    private int activeTop;
    private final int[] chosenStack;
    private int depth;
    private final List<int[]> cuts = new ArrayList<>();
    private long curW;
    private long curCost;
    private final long[] ovl;
    private final long[][] ovW;
    private final long[] ovLimit;
    private final int[] mark;
    private final int[] cnt;
    private final long[] slack;
    private int stamp;

    // Lagrangian relaxation (see lagrange()): multipliers kept between nodes as warm starts
    private final double[] wd;
    private final long maxW;
    private double[] lamStore;
    private final int[] muOff;
    private final double[] muStore;
    private final int[] availMark;
    private int availStamp;
    private final long[] rcl;
    private final long[] rcOfUnit;
    private boolean rootDone;

    // results
    int[] bestSet;
    long bestW = Long.MAX_VALUE;
    Sequencer.Schedule bestSchedule;
    boolean aborted;
    /**
     * Least weight of a covering set whose schedule was not proven earliest (the order search hit its limit)
     * and that was not ruled out otherwise: such a set might be valid, or finish earlier than found, so it
     * spoils the proof only if it could match the best route ({@link #inexactSchedule()}).
     */
    long inexactW = Long.MAX_VALUE;
    long nodes;
    private long abortLb = Long.MAX_VALUE;

    Search(Instance in, long[] w, Params p) {
        this.in = in;
        this.w = w;
        this.p = p;
        int n = in.n;
        chosen = new boolean[n];
        excl = new int[n];
        covCount = new int[in.E];
        needCount = new int[in.E];
        active = new int[in.E];
        chosenStack = new int[n];
        mark = new int[n];
        cnt = new int[n];
        slack = new long[n];
        ovW = p.overlapWeights.toArray(new long[0][]);
        ovLimit = p.overlapLimits.stream().mapToLong(Long::longValue).toArray();
        ovl = new long[ovW.length];
        wd = new double[n];
        long mw = 1;
        muOff = new int[n + 1];
        for (int u = 0; u < n; u++) {
            wd[u] = w[u];
            mw = Math.max(mw, w[u]);
            muOff[u + 1] = muOff[u] + in.groups[u].length;
        }
        maxW = mw;
        lamStore = new double[in.E + 16];
        muStore = new double[muOff[n]];
        availMark = new int[n];
        rcl = new long[n];
        rcOfUnit = new long[n];
        for (int u = 0; u < n; u++) {
            if (p.excluded != null && p.excluded[u]) {
                excl[u] = 1;
            }
            if (p.deadline != Long.MAX_VALUE) {
                long s = in.nextStart(u, in.comp.startDay);
                if (s == Long.MAX_VALUE || s + in.dur[u] > p.deadline) {
                    excl[u] = 1; // cannot finish by the deadline even on its own
                }
            }
        }
    }

    Search run() {
        if (!p.greedy && p.primal) {
            primal();
        }
        for (int t = 0; t < in.T; t++) {
            needCount[t] = 1;
            active[activeTop++] = t;
        }
        dfs();
        if (p.settle) {
            settleBest();
        }
        return this;
    }

    private void adopt(Search s) {
        inexactW = Math.min(inexactW, s.inexactW);
        if (s.bestSet != null && (bestSet == null || s.bestW < bestW)) {
            bestW = s.bestW;
            bestSet = s.bestSet;
            bestSchedule = s.bestSchedule;
        }
    }

    /**
     * Whether a set that might beat or tie the best route was sequenced inexactly, so the route is not proven
     * best (or, with no route, infeasibility is not proven). A set heavier than the best route cannot matter:
     * whatever its true schedule, it loses on weight.
     */
    boolean inexactSchedule() {
        return inexactW != Long.MAX_VALUE && inexactW <= bestW;
    }

    /**
     * A good first route, so that the bound and the reduced-cost fixing bite from the root: the greedy route,
     * then a few rounds of the same exact search restricted to the core (units whose root reduced cost is within
     * a quarter of the gap, plus the units the relaxation does not see) under a node limit. Only the route is
     * used; optimality is still proven by the full search that follows.
     */
    private void primal() {
        Params g = p.copy();
        g.greedy = true;
        g.settle = false;
        g.nodeLimit = Long.MAX_VALUE;
        g.deadlineNanos = Long.MAX_VALUE;
        adopt(new Search(in, w, g).run());
        int open = 0;
        for (int u = 0; u < in.n; u++) {
            open += excl[u] == 0 ? 1 : 0;
        }
        int rounds = open < CORE_MIN_UNITS ? 0 : CORE_ROUNDS; // small: plain branch and bound is quicker
        for (int round = 0; round < rounds && bestSet != null; round++) {
            if (System.nanoTime() > p.deadlineNanos || nodes >= p.nodeLimit) {
                return;
            }
            Params pr = p.copy();
            pr.primal = false;
            pr.rootOnly = true;
            pr.settle = false;
            Search probe = new Search(in, w, pr);
            probe.bestW = bestW;
            probe.bestSet = bestSet;
            probe.bestSchedule = bestSchedule;
            probe.run();
            adopt(probe); // its root heuristic may have found a better route
            if (probe.rootLag == Long.MIN_VALUE || probe.rootLag == PRUNED) {
                return; // no bound, or the incumbent is already proven optimal at the root
            }
            System.arraycopy(probe.lamStore, 0, lamStore = Arrays.copyOf(lamStore, Math.max(lamStore.length,
                    probe.lamStore.length)), 0, probe.lamStore.length);
            System.arraycopy(probe.muStore, 0, muStore, 0, muStore.length);
            warm = true;
            long threshold = (bestW - probe.rootLag) / 4;
            boolean[] ex = p.excluded == null ? new boolean[in.n] : p.excluded.clone();
            for (int u = 0; u < in.n; u++) {
                if (probe.rootKnown[u] && probe.rootRc[u] > threshold) {
                    ex[u] = true;
                }
            }
            Params pc = p.copy();
            pc.primal = false;
            pc.settle = false;
            pc.excluded = ex;
            pc.nodeLimit = Math.min(CORE_NODES, Math.max(0, p.nodeLimit - nodes));
            Search core = new Search(in, w, pc);
            core.bestW = bestW;
            core.bestSet = bestSet;
            core.bestSchedule = bestSchedule;
            core.lamStore = lamStore.clone();
            System.arraycopy(muStore, 0, core.muStore, 0, muStore.length);
            core.warm = true;
            core.run();
            nodes += core.nodes;
            long before = bestW;
            if (DEBUG) {
                int k = 0;
                for (boolean b : ex) {
                    k += b ? 0 : 1;
                }
                System.err.printf("core round %d: lag=%.1f inc=%.1f core units=%d -> %.1f nodes=%d%n", round,
                        probe.rootLag / (double) in.lexK1(), bestW / (double) in.lexK1(), k,
                        core.bestW / (double) in.lexK1(), core.nodes);
            }
            adopt(core);
            if (bestW >= before) {
                return;
            }
        }
    }

    long rootLag = Long.MIN_VALUE;
    /** multipliers were copied from a probe: the root needs fewer iterations. */
    private boolean warm;
    long[] rootRc;
    boolean[] rootKnown;

    /** Proven lower bound on the weight of any valid set (the best weight when not aborted). */
    long lowerBound() {
        long lb = aborted ? Math.min(bestW, abortLb) : bestW;
        return Math.min(lb, inexactW); // a set sequenced inexactly might be a valid, lighter route
    }

    private boolean avail(int u) {
        if (chosen[u] || excl[u] != 0 || in.cost[u] > p.budget - curCost) {
            return false;
        }
        for (int r = 0; r < ovW.length; r++) {
            if (ovl[r] + ovW[r][u] > ovLimit[r]) {
                return false;
            }
        }
        return true;
    }

    private boolean cutCovered(int[] cut) {
        for (int u : cut) {
            if (chosen[u]) {
                return true;
            }
        }
        return false;
    }

    private void dfs() {
        int pushed = 0;
        int fixAtEntry = fixTop;
        try {
            while (true) {
                nodes++;
                if (nodes > p.nodeLimit || ((nodes & 63) == 0 && System.nanoTime() > p.deadlineNanos)) {
                    aborted = true;
                }
                stamp++;
                List<int[]> unc = new ArrayList<>();
                uncKeyTop = 0;
                for (int i = 0; i < activeTop; i++) {
                    int e = active[i];
                    if (covCount[e] == 0) {
                        unc.add(in.prov[e]);
                        pushKey(e);
                    }
                }
                for (int ci = 0; ci < cuts.size(); ci++) {
                    int[] cut = cuts.get(ci);
                    if (!cutCovered(cut)) {
                        unc.add(cut);
                        pushKey(in.E + ci);
                    }
                }
                for (int[] prov : unc) {
                    for (int u : prov) {
                        if (avail(u)) {
                            if (mark[u] != stamp) {
                                mark[u] = stamp;
                                cnt[u] = 0;
                            }
                            cnt[u]++;
                        }
                    }
                }
                double sum = 0;
                long maxMinCost = 0;
                int[] branch = null;
                int branchAvail = Integer.MAX_VALUE;
                for (int[] prov : unc) {
                    double m = Double.MAX_VALUE;
                    long minCost = Long.MAX_VALUE;
                    int a = 0;
                    for (int u : prov) {
                        if (mark[u] == stamp) {
                            a++;
                            m = Math.min(m, (double) w[u] / cnt[u]);
                            minCost = Math.min(minCost, in.cost[u]);
                        }
                    }
                    if (a == 0) {
                        return; // an element nothing available can cover
                    }
                    sum += m;
                    maxMinCost = Math.max(maxMinCost, minCost);
                    if (a < branchAvail) {
                        branchAvail = a;
                        branch = prov;
                    }
                }
                double add = sum * (1 - 1e-9);
                if (!p.greedy && bestW != Long.MAX_VALUE && add > (double) (bestW - curW)) {
                    return;
                }
                // dual ascent: y_e = least remaining slack among e's providers, elements with fewest providers
                // first; sum y_e is a feasible dual of the covering LP, exact in longs
                long dual = 0;
                if (!p.greedy) {
                    int[][] order = unc.toArray(new int[0][]);
                    int[] avails = new int[order.length];
                    for (int i = 0; i < order.length; i++) {
                        for (int u : order[i]) {
                            if (mark[u] == stamp) {
                                avails[i]++;
                                slack[u] = w[u];
                            }
                        }
                    }
                    Integer[] idx = new Integer[order.length];
                    for (int i = 0; i < idx.length; i++) {
                        idx[i] = i;
                    }
                    Arrays.sort(idx, (x, y) -> avails[x] != avails[y] ? Integer.compare(avails[x], avails[y])
                            : Integer.compare(x, y));
                    for (int i : idx) {
                        long y = Long.MAX_VALUE;
                        for (int u : order[i]) {
                            if (mark[u] == stamp) {
                                y = Math.min(y, slack[u]);
                            }
                        }
                        dual += y;
                        for (int u : order[i]) {
                            if (mark[u] == stamp) {
                                slack[u] -= y;
                            }
                        }
                    }
                    if (bestW != Long.MAX_VALUE && dual > bestW - curW) {
                        return;
                    }
                }
                if (maxMinCost > p.budget - curCost) {
                    return;
                }
                long lag = Long.MIN_VALUE;
                if (!p.greedy) {
                    lag = lagrange(unc);
                    if (lag == PRUNED) {
                        if (p.rootOnly) {
                            rootLag = PRUNED;
                        }
                        return;
                    }
                    // units fixed to 0 by reduced costs are no longer available: pick the branch element again
                    branch = null;
                    branchAvail = Integer.MAX_VALUE;
                    for (int[] prov : unc) {
                        int a = 0;
                        for (int u : prov) {
                            if (mark[u] == stamp) {
                                a++;
                            }
                        }
                        if (a == 0) {
                            return;
                        }
                        if (a < branchAvail) {
                            branchAvail = a;
                            branch = prov;
                        }
                    }
                }
                if (p.rootOnly) {
                    rootLag = lag;
                    rootRc = rcOfUnit.clone();
                    rootKnown = new boolean[in.n];
                    for (int u = 0; u < in.n; u++) {
                        rootKnown[u] = locMark != null && locMark[u] == stamp;
                    }
                    return;
                }
                if (DEBUG && depth == 0 && pushed == 0) {
                    System.err.printf("root: dual=%.1f lag=%.1f price=%.1f inc=%.1f%n", dual / (double) in.lexK1(),
                            lag / (double) in.lexK1(), add / in.lexK1(), bestW / (double) in.lexK1());
                }
                long lbNode = curW + Math.max(Math.max(dual, lag),
                        (long) Math.min(Math.floor(add), (double) (Long.MAX_VALUE / 4)));
                if (aborted) {
                    abortLb = Math.min(abortLb, lbNode);
                    return;
                }
                if (branch == null) {
                    int[] cut = leaf();
                    if (cut == null) {
                        return;
                    }
                    cuts.add(cut);
                    pushed++;
                    continue;
                }
                if (p.greedy) {
                    int pick = -1;
                    for (int[] prov : unc) {
                        for (int u : prov) {
                            if (mark[u] == stamp && (pick < 0 || better(u, pick))) {
                                pick = u;
                            }
                        }
                    }
                    add(pick);
                    dfs();
                    remove(pick);
                    return;
                }
                Integer[] kids = new Integer[branchAvail];
                int k = 0;
                for (int u : branch) {
                    if (mark[u] == stamp) {
                        kids[k++] = u;
                    }
                }
                if (lag != Long.MIN_VALUE) {
                    // Lagrangian reduced cost first (dives towards the relaxation's solution), then price order
                    Arrays.sort(kids, (x, y) -> rcOfUnit[x] != rcOfUnit[y] ? Long.compare(rcOfUnit[x], rcOfUnit[y])
                            : better(x, y) ? -1 : better(y, x) ? 1 : 0);
                } else {
                    Arrays.sort(kids, (x, y) -> better(x, y) ? -1 : better(y, x) ? 1 : 0);
                }
                long[] kidSlack = new long[kids.length];
                for (int i = 0; i < kids.length; i++) {
                    kidSlack[i] = slack[kids[i]];
                }
                int done = 0;
                for (Integer u : kids) {
                    // reduced-cost fixing: every set with u costs at least curW + dual + slack(u); units fixed by
                    // the Lagrangian reduced costs are already excluded (excl) and are no longer available here
                    if (bestW != Long.MAX_VALUE && dual + kidSlack[done] > bestW - curW) {
                        excl[u]++;
                        done++;
                        continue;
                    }
                    add(u);
                    dfs();
                    remove(u);
                    excl[u]++;
                    done++;
                    if (aborted) {
                        abortLb = Math.min(abortLb, lbNode);
                        break;
                    }
                }
                for (int i = 0; i < done; i++) {
                    excl[kids[i]]--;
                }
                return;
            }
        } finally {
            for (int i = 0; i < pushed; i++) {
                cuts.remove(cuts.size() - 1);
            }
            while (fixTop > fixAtEntry) {
                excl[fixStack[--fixTop]]--;
            }
        }
    }

    private void pushKey(int key) {
        if (uncKeyTop == uncKey.length) {
            uncKey = Arrays.copyOf(uncKey, 2 * uncKey.length);
        }
        uncKey[uncKeyTop++] = key;
    }

    // ------------------------------------------------------------------ Lagrangian heuristic

    /**
     * Turns a unit set into a valid route if it can (root only, nothing chosen yet): adds, while some target or
     * some group of a unit in the set is uncovered, the available provider with the least weight per uncovered
     * element it covers (fewest-provider element first); then drops units that are not needed, heaviest first;
     * then checks order, schedule, budget and overlap like a leaf. Offers the result as incumbent; true if it
     * became the incumbent.
     */
    private boolean heuristic(boolean[] inS) {
        int n = in.n;
        for (int u = 0; u < n; u++) {
            if (inS[u] && !avail(u)) {
                inS[u] = false;
            }
        }
        int[] cov = new int[in.E];
        int[] need = new int[in.E]; // targets: 1; groups: the number of units in the set that require them
        for (int t = 0; t < in.T; t++) {
            need[t] = 1;
        }
        for (int u = 0; u < n; u++) {
            if (inS[u]) {
                for (int e : in.covList[u]) {
                    cov[e]++;
                }
                for (int g : in.groups[u]) {
                    need[g]++;
                }
            }
        }
        while (true) {
            int pick = -1;
            int pickLen = Integer.MAX_VALUE;
            for (int e = 0; e < in.E; e++) {
                if (need[e] > 0 && cov[e] == 0 && in.prov[e].length < pickLen) {
                    pick = e;
                    pickLen = in.prov[e].length;
                }
            }
            if (pick < 0) {
                break;
            }
            int bu = -1;
            double br = Double.MAX_VALUE;
            for (int u : in.prov[pick]) {
                if (inS[u] || !avail(u)) {
                    continue;
                }
                int k = 0;
                for (int e : in.covList[u]) {
                    if (need[e] > 0 && cov[e] == 0) {
                        k++;
                    }
                }
                double r = wd[u] / k;
                if (r < br) {
                    br = r;
                    bu = u;
                }
            }
            if (bu < 0) {
                return false;
            }
            inS[bu] = true;
            for (int e : in.covList[bu]) {
                cov[e]++;
            }
            for (int g : in.groups[bu]) {
                need[g]++;
            }
        }
        // drop what is not needed, heaviest first
        Integer[] order = new Integer[n];
        int k = 0;
        for (int u = 0; u < n; u++) {
            if (inS[u]) {
                order[k++] = u;
            }
        }
        Integer[] ord = Arrays.copyOf(order, k);
        Arrays.sort(ord, (a, b) -> w[a] != w[b] ? Long.compare(w[b], w[a]) : Integer.compare(a, b));
        for (int u : ord) {
            for (int g : in.groups[u]) {
                need[g]--;
            }
            boolean ok = true;
            for (int e : in.covList[u]) {
                if (cov[e] == 1 && need[e] > 0) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                inS[u] = false;
                for (int e : in.covList[u]) {
                    cov[e]--;
                }
            } else {
                for (int g : in.groups[u]) {
                    need[g]++;
                }
            }
        }
        int cnt = 0;
        long sw = 0;
        long scost = 0;
        long[] ov = new long[ovW.length];
        for (int u = 0; u < n; u++) {
            if (inS[u]) {
                cnt++;
                sw += w[u];
                scost += in.cost[u];
                for (int r = 0; r < ovW.length; r++) {
                    ov[r] += ovW[r][u];
                }
            }
        }
        int[] set = new int[cnt];
        k = 0;
        for (int u = 0; u < n; u++) {
            if (inS[u]) {
                set[k++] = u;
            }
        }
        long excess = in.capExcess(set);
        scost += excess;
        sw += excess * in.costFactor();
        if (scost > p.budget || sw > bestW) {
            return false;
        }
        for (int r = 0; r < ovW.length; r++) {
            if (ov[r] > ovLimit[r]) {
                return false;
            }
        }
        if (in.stuck(set, inS).length > 0) {
            return false;
        }
        Sequencer.Schedule sch = validSchedule(set, sw);
        return sch != null && offer(set, sw, sch);
    }

    /**
     * A schedule that shows the set can be ordered within the start moments and the deadline, or null when it
     * cannot. The list rule's order is enough to show that, and is far cheaper than the earliest finish; that is
     * only needed to break a tie in weight, or for the final route ({@link #settleBest}). Only when the list
     * order misses is the exact earliest finish computed.
     */
    private Sequencer.Schedule validSchedule(int[] set, long setW) {
        Sequencer.Schedule list = in.listSchedule(set);
        if (list.end() != Long.MAX_VALUE && list.end() <= p.deadline) {
            return list;
        }
        Sequencer.Schedule s = exactSchedule(set, setW);
        return s.end() == Long.MAX_VALUE || s.end() > p.deadline ? null : s;
    }

    /** The earliest finish of a set (as far as the order search proves it), noting when it is not proven. */
    private Sequencer.Schedule exactSchedule(int[] set, long setW) {
        Sequencer.Schedule s = in.schedule(set);
        if (!s.exact()) {
            inexactW = Math.min(inexactW, setW);
        }
        return s;
    }

    /** The incumbent's earliest finish, if it was kept with the list rule's order only. */
    private void settleBest() {
        if (bestSet != null && !bestSchedule.exact()) {
            bestSchedule = exactSchedule(bestSet, bestW);
        }
    }

    /**
     * Offers a valid set of exact weight {@code sw} with a schedule that fits; it becomes the incumbent when
     * lighter, or equal and earlier to finish (both finishes exact), or equal in both with the first ids.
     * Returns true when the incumbent's weight went down.
     */
    private boolean offer(int[] set, long sw, Sequencer.Schedule sch) {
        if (bestSet == null || sw < bestW) {
            boolean improved = sw < bestW;
            bestW = sw;
            bestSet = set;
            bestSchedule = sch;
            return improved;
        }
        if (sw == bestW) {
            if (!sch.exact()) {
                sch = exactSchedule(set, sw);
            }
            settleBest();
            if (sch.end() < bestSchedule.end()
                    || (sch.end() == bestSchedule.end() && Arrays.compare(set, bestSet) < 0)) {
                bestSet = set;
                bestSchedule = sch;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ Lagrangian bound

    /** -Dplanner.debug=true prints root bounds and core rounds to stderr (diagnostics only). */
    static final boolean DEBUG = Boolean.getBoolean("planner.debug");
    static final long PRUNED = Long.MIN_VALUE + 1;
    static final int ROOT_ITERATIONS = 300;
    static final double MIN_THETA = 1e-4;
    static final int NODE_ITERATIONS = 10;

    private int[] uncKey = new int[64];
    private int uncKeyTop;
    private int[] fixStack = new int[16];
    private int fixTop;
    private int[] locOf;
    private int[] locMark;
    private int[] units = new int[64];

    /**
     * Lagrangian bound for the node (exact, in the lexicographic weights). The relaxation: cover every uncovered
     * element (rows "sum of x over its available providers >= 1", multipliers lambda) and, for each available
     * provider u of those with an uncovered, not yet required group g, "sum of x over g's providers >= x_u"
     * (multipliers mu): taking u pulls in g. Order, cycles, budget and the deeper groups are dropped, so for any
     * lambda, mu >= 0, L = sum lambda + sum over units of min(0, rc_u) with rc_u = w_u - (multipliers of the rows
     * u provides) + (mu of u's own rows) is a lower bound on the weight still to add. The multipliers come from a
     * subgradient method in doubles (warm-started from the parent); the bound and the reduced costs are then
     * recomputed in exact long arithmetic from the multipliers rounded down, so floating point never decides a
     * prune. Every completion containing u weighs at least L + rc_u (rc_u >= 0), so a unit with
     * L + rc_u > bestW - curW is excluded below this node (strictly greater: an equal-weight route could still win
     * on finish or ids, so ties are kept). Returns {@link #PRUNED} when L itself exceeds the incumbent.
     */
    private long lagrange(List<int[]> unc) {
        int n = in.n;
        if (locOf == null) {
            locOf = new int[n];
            locMark = new int[n];
        }
        int r1 = unc.size();
        // local unit list: available providers of the uncovered elements (mark == stamp) and of their open groups
        int m = 0;
        List<int[]> rows = new ArrayList<>(r1 * 2);
        int[] owner = new int[16];
        int[] slotOf = new int[16];
        int ownTop = 0;
        for (int i = 0; i < r1; i++) {
            int[] prov = unc.get(i);
            int[] row = new int[prov.length];
            int k = 0;
            for (int u : prov) {
                if (mark[u] == stamp) {
                    if (locMark[u] != stamp) {
                        locMark[u] = stamp;
                        locOf[u] = m;
                        if (m == units.length) {
                            units = Arrays.copyOf(units, 2 * m);
                        }
                        units[m++] = u;
                    }
                    row[k++] = locOf[u];
                }
            }
            rows.add(Arrays.copyOf(row, k));
        }
        int mFirst = m;
        for (int li = 0; li < mFirst; li++) {
            int u = units[li];
            int[] gs = in.groups[u];
            for (int k = 0; k < gs.length; k++) {
                int g = gs[k];
                if (covCount[g] != 0 || needCount[g] != 0) {
                    continue; // met, or already a row of its own
                }
                int[] prov = in.prov[g];
                int[] row = new int[prov.length];
                int c = 0;
                for (int v : prov) {
                    if (locMark[v] != stamp) {
                        if (!avail(v)) {
                            continue;
                        }
                        locMark[v] = stamp;
                        locOf[v] = m;
                        if (m == units.length) {
                            units = Arrays.copyOf(units, 2 * m);
                        }
                        units[m++] = v;
                    }
                    row[c++] = locOf[v];
                }
                if (ownTop == owner.length) {
                    owner = Arrays.copyOf(owner, 2 * ownTop);
                    slotOf = Arrays.copyOf(slotOf, 2 * ownTop);
                }
                owner[ownTop] = li;
                slotOf[ownTop++] = muOff[u] + k;
                rows.add(Arrays.copyOf(row, c));
            }
        }
        int rn = rows.size();
        int[] rowStart = new int[rn + 1];
        for (int i = 0; i < rn; i++) {
            rowStart[i + 1] = rowStart[i] + rows.get(i).length;
        }
        int[] rowIdx = new int[rowStart[rn]];
        for (int i = 0; i < rn; i++) {
            System.arraycopy(rows.get(i), 0, rowIdx, rowStart[i], rows.get(i).length);
        }
        if ((long) (rn + 2) > Long.MAX_VALUE / 4 / maxW) {
            return Long.MIN_VALUE; // could overflow the exact evaluation: no Lagrangian bound here
        }
        int maxKey = in.E + cuts.size();
        if (lamStore.length < maxKey) {
            lamStore = Arrays.copyOf(lamStore, 2 * maxKey);
        }
        double[] mult = new double[rn];
        for (int i = 0; i < r1; i++) {
            mult[i] = lamStore[uncKey[i]];
        }
        for (int j = 0; j < ownTop; j++) {
            mult[r1 + j] = muStore[slotOf[j]];
        }
        double[] best = mult.clone();
        double[] rc = new double[m];
        boolean root = !rootDone;
        rootDone = true;
        int iters = root ? (warm ? ROOT_ITERATIONS / 3 : ROOT_ITERATIONS) : NODE_ITERATIONS;
        double theta = root ? 1.0 : 0.25;
        double bestL = Double.NEGATIVE_INFINITY;
        double gap = bestW == Long.MAX_VALUE ? Double.NaN : (double) (bestW - curW);
        int stall = 0;
        double[] sub = new double[rn];
        for (int it = 0; it < iters; it++) {
            for (int li = 0; li < m; li++) {
                rc[li] = wd[units[li]];
            }
            double sumMult = 0;
            for (int i = 0; i < rn; i++) {
                double y = mult[i];
                if (y == 0) {
                    continue;
                }
                if (i < r1) {
                    sumMult += y;
                } else {
                    rc[owner[i - r1]] += y;
                }
                for (int q = rowStart[i], qe = rowStart[i + 1]; q < qe; q++) {
                    rc[rowIdx[q]] -= y;
                }
            }
            double l = sumMult;
            for (int li = 0; li < m; li++) {
                if (rc[li] < 0) {
                    l += rc[li];
                }
            }
            if (root && (it % 10 == 9 || it == iters - 1) && depth == 0) {
                // Lagrangian heuristic: the relaxation's units, repaired into a valid route, then trimmed
                boolean[] start = new boolean[in.n];
                for (int li = 0; li < m; li++) {
                    if (rc[li] < 0) {
                        start[units[li]] = true;
                    }
                }
                if (heuristic(start)) {
                    gap = (double) (bestW - curW);
                }
            }
            if (l > bestL * (1 + 1e-9) + 1e-9) {
                bestL = l;
                System.arraycopy(mult, 0, best, 0, rn);
                stall = 0;
            } else if (++stall >= (root ? 15 : 5)) {
                theta /= 2;
                stall = 0;
            }
            if (!Double.isNaN(gap) && bestL > gap * (1 + 1e-9)) {
                break; // prunes (checked exactly below)
            }
            double norm = 0;
            for (int i = 0; i < rn; i++) {
                double sg = i < r1 ? 1 : (rc[owner[i - r1]] < 0 ? 1 : 0);
                for (int q = rowStart[i], qe = rowStart[i + 1]; q < qe; q++) {
                    if (rc[rowIdx[q]] < 0) {
                        sg -= 1;
                    }
                }
                if (sg < 0 && mult[i] <= 0) {
                    sg = 0; // projected: the multiplier cannot go below 0
                }
                sub[i] = sg;
                norm += sg * sg;
            }
            if (norm == 0 || theta < MIN_THETA) {
                break;
            }
            double target = Double.isNaN(gap) ? Math.max(1.05 * l, l + maxW * 0.01) : gap;
            double step = theta * Math.max(target - l, 1e-6 * Math.abs(target) + 1) / norm;
            for (int i = 0; i < rn; i++) {
                if (sub[i] != 0) {
                    mult[i] = Math.min(Math.max(0, mult[i] + step * sub[i]), (double) maxW);
                }
            }
        }
        for (int i = 0; i < r1; i++) {
            lamStore[uncKey[i]] = best[i];
        }
        for (int j = 0; j < ownTop; j++) {
            muStore[slotOf[j]] = best[r1 + j];
        }
        // exact evaluation with the multipliers rounded down to longs
        for (int li = 0; li < m; li++) {
            rcl[li] = w[units[li]];
        }
        long lex = 0;
        for (int i = 0; i < rn; i++) {
            long y = (long) Math.min(Math.floor(best[i]), (double) maxW);
            if (y <= 0) {
                continue;
            }
            if (i < r1) {
                lex += y;
            } else {
                rcl[owner[i - r1]] += y;
            }
            for (int li : rows.get(i)) {
                rcl[li] -= y;
            }
        }
        for (int li = 0; li < m; li++) {
            rcOfUnit[units[li]] = rcl[li];
            if (rcl[li] < 0) {
                lex += rcl[li];
            }
        }
        if (bestW != Long.MAX_VALUE) {
            long room = bestW - curW;
            if (lex > room) {
                return PRUNED;
            }
            for (int li = 0; li < m; li++) {
                long rcu = rcl[li];
                if (rcu > 0 && lex + rcu > room) {
                    int u = units[li];
                    excl[u]++;
                    mark[u] = 0;
                    if (fixTop == fixStack.length) {
                        fixStack = Arrays.copyOf(fixStack, 2 * fixTop);
                    }
                    fixStack[fixTop++] = u;
                }
            }
        }
        return lex;
    }

    /** Price order: lower weight per newly covered element first, then lower weight, then lower index. */
    private boolean better(int a, int b) {
        double ra = (double) w[a] / cnt[a];
        double rb = (double) w[b] / cnt[b];
        if (ra != rb) {
            return ra < rb;
        }
        if (w[a] != w[b]) {
            return w[a] < w[b];
        }
        return a < b;
    }

    /** Checks a covering set; returns a cut to continue with, or null when the node is finished. */
    private int[] leaf() {
        int[] set = Arrays.copyOf(chosenStack, depth);
        Arrays.sort(set);
        int[] stuck = in.stuck(set, chosen);
        if (stuck.length > 0) {
            boolean[] fired = in.lastFired;
            TreeSet<Integer> cut = new TreeSet<>();
            for (int t : stuck) {
                for (int g : in.groups[t]) {
                    boolean met = false;
                    for (int q : in.prov[g]) {
                        met |= fired[q];
                    }
                    if (!met) {
                        for (int q : in.prov[g]) {
                            if (!chosen[q]) {
                                cut.add(q);
                            }
                        }
                    }
                }
            }
            return cut.isEmpty() ? null : cut.stream().mapToInt(Integer::intValue).toArray();
        }
        // route caps: curW and curCost price every scheme in full, the set's exact value adds what caps take back;
        // supersets cost and weigh at least as much, so a set over budget or above the incumbent is final too, and
        // is settled before the (far dearer) schedule is computed
        long excess = in.capExcess(set);
        if (curCost + excess > p.budget) {
            return null;
        }
        long exactW = curW + excess * in.costFactor();
        if (exactW > bestW) {
            return null;
        }
        Sequencer.Schedule s = validSchedule(set, exactW);
        if (s == null) {
            TreeSet<Integer> cut = new TreeSet<>();
            for (int u : set) {
                for (int g : in.groups[u]) {
                    for (int q : in.prov[g]) {
                        if (!chosen[q]) {
                            cut.add(q);
                        }
                    }
                }
            }
            return cut.isEmpty() ? null : cut.stream().mapToInt(Integer::intValue).toArray();
        }
        offer(set, exactW, s);
        return null;
    }

    private void add(int u) {
        chosen[u] = true;
        chosenStack[depth++] = u;
        curW += w[u];
        curCost += in.cost[u];
        for (int e : in.covList[u]) {
            covCount[e]++;
        }
        for (int g : in.groups[u]) {
            if (needCount[g]++ == 0) {
                active[activeTop++] = g;
            }
        }
        for (int r = 0; r < ovW.length; r++) {
            ovl[r] += ovW[r][u];
        }
    }

    private void remove(int u) {
        for (int r = 0; r < ovW.length; r++) {
            ovl[r] -= ovW[r][u];
        }
        int[] gs = in.groups[u];
        for (int i = gs.length - 1; i >= 0; i--) {
            if (--needCount[gs[i]] == 0) {
                activeTop--;
            }
        }
        for (int e : in.covList[u]) {
            covCount[e]--;
        }
        curCost -= in.cost[u];
        curW -= w[u];
        depth--;
        chosen[u] = false;
    }
}
