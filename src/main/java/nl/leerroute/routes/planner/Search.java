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
 * this never exceeds the cost of completing the set (a relaxation that also ignores ordering).
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
 * final. Ties in weight are broken by earlier finish, then by the sorted list of unit ids.
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
    }

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

    // results
    int[] bestSet;
    long bestW = Long.MAX_VALUE;
    Sequencer.Schedule bestSchedule;
    boolean aborted;
    boolean inexactSchedule;
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
        for (int t = 0; t < in.T; t++) {
            needCount[t] = 1;
            active[activeTop++] = t;
        }
        dfs();
        return this;
    }

    /** Proven lower bound on the weight of any valid set (the best weight when not aborted). */
    long lowerBound() {
        return aborted ? Math.min(bestW, abortLb) : bestW;
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
        try {
            while (true) {
                nodes++;
                if (nodes > p.nodeLimit || ((nodes & 63) == 0 && System.nanoTime() > p.deadlineNanos)) {
                    aborted = true;
                }
                stamp++;
                List<int[]> unc = new ArrayList<>();
                for (int i = 0; i < activeTop; i++) {
                    int e = active[i];
                    if (covCount[e] == 0) {
                        unc.add(in.prov[e]);
                    }
                }
                for (int[] cut : cuts) {
                    if (!cutCovered(cut)) {
                        unc.add(cut);
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
                long lbNode = curW + Math.max(dual, (long) Math.min(Math.floor(add), (double) (Long.MAX_VALUE / 4)));
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
                Arrays.sort(kids, (x, y) -> better(x, y) ? -1 : better(y, x) ? 1 : 0);
                long[] kidSlack = new long[kids.length];
                for (int i = 0; i < kids.length; i++) {
                    kidSlack[i] = slack[kids[i]];
                }
                int done = 0;
                for (Integer u : kids) {
                    // reduced-cost fixing: every set with u costs at least curW + dual + slack(u)
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
        }
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
        Sequencer.Schedule s = Sequencer.schedule(in, set);
        if (!s.exact()) {
            inexactSchedule = true;
        }
        if (s.end() == Long.MAX_VALUE || s.end() > p.deadline) {
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
        if (curW < bestW || (curW == bestW && (s.end() < bestSchedule.end()
                || (s.end() == bestSchedule.end() && Arrays.compare(set, bestSet) < 0)))) {
            bestW = curW;
            bestSet = set;
            bestSchedule = s;
        }
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
