package nl.leerroute.routes.planner;

import java.util.Arrays;

/**
 * The scheduling model. Units are taken one after another (never in parallel, so the hours-per-week
 * constraint bounds the study load). A unit starts on its first start moment on or after the day the previous
 * unit finishes (the route's start date for the first; "any day" units start right then) and lasts
 * {@code max(durationWeeks, ceil(hours / hoursPerWeek))} weeks. A unit may only come after units or credits
 * that meet each of its requirement groups. The finish of a set of units is the <b>earliest</b> finish over all
 * valid orders:
 * <ul>
 * <li>all units "any day": every valid order finishes on start + sum of durations; the order taken is
 * the list rule below (exact);</li>
 * <li>otherwise, up to 64 units: branch and bound over orders (see {@link OrderSearch}), exact unless it hits
 * {@link #ORDER_NODE_LIMIT}; then, up to 16 units, dynamic programming over the sets of units done so far
 * (exact, since an earlier finish of a prefix never hurts);</li>
 * <li>otherwise (more units, or the limit hit above 16): the best order found, at least as good as the list
 * rule (earliest possible start, then shorter, then id), flagged as not exact.</li>
 * </ul>
 */
final class Sequencer {

    static final int EXACT_DP_LIMIT = 16;
    /** Orders a branch and bound may expand per set before it gives up being exact. */
    static final long ORDER_NODE_LIMIT = 200_000;
    /** Longest set the order search handles (its done-sets are bit masks in a long). */
    static final int ORDER_SEARCH_LIMIT = 64;

    record Schedule(int[] order, long[] start, long[] finish, long end, boolean exact) {
        boolean timed() {
            return end != Long.MAX_VALUE;
        }
    }

    private Sequencer() {
    }

    /** Schedules the local units {@code set}; null when no order meets the prerequisites. */
    static Schedule schedule(Instance in, int[] set) {
        return schedule(in, set, ORDER_NODE_LIMIT);
    }

    /** As {@link #schedule(Instance, int[])} with the order search's node limit. */
    static Schedule schedule(Instance in, int[] set, long nodeLimit) {
        boolean anyDay = true;
        for (int u : set) {
            anyDay &= in.starts[u].length == 0;
        }
        Schedule list = listSchedule(in, set, anyDay);
        if (anyDay || list == null) {
            // any day: every valid order finishes on the same day; null: the list rule takes any ready unit, so
            // when it gets stuck no order is valid
            return list;
        }
        if (set.length > ORDER_SEARCH_LIMIT) {
            return list;
        }
        OrderSearch os = new OrderSearch(in, set, list, nodeLimit);
        os.run();
        if (!os.aborted) {
            return timeOrder(in, os.bestOrder, true);
        }
        if (set.length <= EXACT_DP_LIMIT) {
            return dp(in, set);
        }
        return timeOrder(in, os.bestOrder, false);
    }

    /**
     * Per unit of {@code set} (at most 64) and per requirement group of it: the bits of the units in the set
     * that provide the group, so "ready" is a mask test against the units done.
     */
    private static long[][] groupMasks(Instance in, int[] set) {
        int[] pos = new int[in.n];
        Arrays.fill(pos, -1);
        for (int i = 0; i < set.length; i++) {
            pos[set[i]] = i;
        }
        long[][] masks = new long[set.length][];
        for (int i = 0; i < set.length; i++) {
            int[] gs = in.groups[set[i]];
            masks[i] = new long[gs.length];
            for (int j = 0; j < gs.length; j++) {
                long m = 0;
                for (int p : in.prov[gs[j]]) {
                    if (pos[p] >= 0) {
                        m |= 1L << pos[p];
                    }
                }
                masks[i][j] = m;
            }
        }
        return masks;
    }

    /** Dynamic programming over the sets of units done so far (2^k states): exact for any order structure. */
    static Schedule dp(Instance in, int[] set) {
        int k = set.length;
        // provider masks within the set, per unit and group
        long[][] gm = groupMasks(in, set);
        int full = (1 << k) - 1;
        long[] f = new long[full + 1];
        int[] pred = new int[full + 1];
        boolean[] seen = new boolean[full + 1];
        java.util.Arrays.fill(f, Long.MAX_VALUE);
        f[0] = in.comp.startDay;
        seen[0] = true;
        for (int mask = 0; mask <= full; mask++) {
            if (!seen[mask]) {
                continue;
            }
            for (int i = 0; i < k; i++) {
                int bit = 1 << i;
                if ((mask & bit) != 0 || !ready(gm[i], mask)) {
                    continue;
                }
                int next = mask | bit;
                seen[next] = true;
                long s = f[mask] == Long.MAX_VALUE ? Long.MAX_VALUE : in.nextStart(set[i], f[mask]);
                long fin = s == Long.MAX_VALUE ? Long.MAX_VALUE : s + in.dur[set[i]];
                if (pred[next] == 0 || fin < f[next]) {
                    f[next] = fin;
                    pred[next] = i + 1;
                }
            }
        }
        if (!seen[full]) {
            return null;
        }
        int[] order = new int[k];
        int mask = full;
        for (int idx = k - 1; idx >= 0; idx--) {
            int i = pred[mask] - 1;
            order[idx] = set[i];
            mask &= ~(1 << i);
        }
        return timeOrder(in, order, true);
    }

    private static boolean ready(long[] masks, long done) {
        for (long m : masks) {
            if ((m & done) == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Depth-first branch and bound over orders. A node is the set of units done so far with the finish of the
     * last; children take a unit whose groups are met by the set, earliest start first (then shorter, then
     * index), so the first dive is the list rule. Pruned are:
     * <ul>
     * <li>a node whose done-set was reached before with a finish no later (dominance: start moments only move
     * forward in time, so from the earlier finish every continuation finishes no later);</li>
     * <li>a node whose lower bound is no better than the best order found: the next unit starts no earlier than
     * the earliest start among the ready ones and every unit left lasts its duration, one after another; each
     * unit left finishes no earlier than its own first start from now plus its duration (a unit with no start
     * moment left ends the node); and whichever unit is taken last starts no earlier than its first start
     * moment after the others' durations from that earliest start; and a unit that must come after others
     * left (it needs one of them as the only provider of a group, transitively) starts after their durations,
     * and is followed by the durations of those that must come after it.</li>
     * </ul>
     * Ties keep the first order found, which makes the result deterministic. Exact unless the node limit is hit.
     */
    private static final class OrderSearch {
        private final Instance in;
        private final int[] set;
        private final int k;
        private final long[][] groupMasks;
        private final long[] dur;
        private final long nodeLimit;
        private final int[] path;
        private final long[][] starts;
        private final int[][] kids;
        /** per unit: the units that must come before it, and after it, in every valid order */
        private final long[] before;
        private final long[] after;
        long bestEnd;
        int[] bestOrder;
        boolean aborted;
        long nodes;
        // open addressing: done-set (never 0 here) -> earliest finish seen
        private long[] keys = new long[256];
        private long[] vals = new long[256];
        private int size;

        OrderSearch(Instance in, int[] set, Schedule list, long nodeLimit) {
            this.in = in;
            this.set = set;
            this.k = set.length;
            this.nodeLimit = nodeLimit;
            groupMasks = Sequencer.groupMasks(in, set);
            dur = new long[k];
            for (int i = 0; i < k; i++) {
                dur[i] = in.dur[set[i]];
            }
            // u must come before v when it is the set's only provider of one of v's groups; closed transitively
            before = new long[k];
            after = new long[k];
            for (int v = 0; v < k; v++) {
                for (long m : groupMasks[v]) {
                    if (Long.bitCount(m) == 1) {
                        before[v] |= m;
                    }
                }
            }
            for (int round = 0; round < k; round++) {
                boolean changed = false;
                for (int v = 0; v < k; v++) {
                    long b = before[v];
                    for (long rest = b; rest != 0; rest &= rest - 1) {
                        b |= before[Long.numberOfTrailingZeros(rest)];
                    }
                    if (b != before[v]) {
                        before[v] = b;
                        changed = true;
                    }
                }
                if (!changed) {
                    break;
                }
            }
            for (int v = 0; v < k; v++) {
                for (long rest = before[v]; rest != 0; rest &= rest - 1) {
                    after[Long.numberOfTrailingZeros(rest)] |= 1L << v;
                }
            }
            path = new int[k];
            starts = new long[k + 1][k];
            kids = new int[k + 1][k];
            bestEnd = list.end();
            bestOrder = list.order().clone();
        }

        void run() {
            long remaining = 0;
            for (long d : dur) {
                remaining += d;
            }
            dfs(0L, in.comp.startDay, 0, remaining);
        }

        private void dfs(long done, long t, int depth, long remaining) {
            if (++nodes > nodeLimit) {
                aborted = true;
                return;
            }
            if (depth == k) {
                if (t < bestEnd) {
                    bestEnd = t;
                    for (int i = 0; i < k; i++) {
                        bestOrder[i] = set[path[i]];
                    }
                }
                return;
            }
            long[] s = starts[depth];
            int[] ready = kids[depth];
            int nReady = 0;
            long minReadyStart = Long.MAX_VALUE;
            long lb = 0;
            for (int i = 0; i < k; i++) {
                if ((done & (1L << i)) != 0) {
                    continue;
                }
                long si = in.nextStart(set[i], t);
                if (si == Long.MAX_VALUE) {
                    return; // a unit left can never start from here on
                }
                s[i] = si;
                lb = Math.max(lb, si + dur[i]);
                if (ready(groupMasks[i], done)) {
                    ready[nReady++] = i;
                    minReadyStart = Math.min(minReadyStart, si);
                }
            }
            if (nReady == 0) {
                return;
            }
            lb = Math.max(lb, minReadyStart + remaining);
            if (lb >= bestEnd) {
                return;
            }
            // the unit taken last starts once the others are done: no earlier than its first start after the
            // earliest start now plus the others' durations
            long last = Long.MAX_VALUE;
            for (int i = 0; i < k && last > lb; i++) {
                if ((done & (1L << i)) == 0) {
                    long si = in.nextStart(set[i], minReadyStart + remaining - dur[i]);
                    last = Math.min(last, si == Long.MAX_VALUE ? Long.MAX_VALUE : si + dur[i]);
                }
            }
            if (last >= bestEnd) {
                return;
            }
            // a unit left starts after the units left that must precede it, and is followed by those that must
            // follow it
            for (int i = 0; i < k; i++) {
                if ((done & (1L << i)) == 0 && ((before[i] | after[i]) & ~done) != 0) {
                    long si = in.nextStart(set[i], minReadyStart + durations(before[i] & ~done));
                    if (si == Long.MAX_VALUE || si + dur[i] + durations(after[i] & ~done) >= bestEnd) {
                        return;
                    }
                }
            }
            // insertion sort: earliest start, then shorter, then index
            for (int a = 1; a < nReady; a++) {
                int x = ready[a];
                int b = a - 1;
                while (b >= 0 && earlier(x, ready[b], s)) {
                    ready[b + 1] = ready[b];
                    b--;
                }
                ready[b + 1] = x;
            }
            for (int r = 0; r < nReady; r++) {
                int i = ready[r];
                long next = done | (1L << i);
                long fin = s[i] + dur[i];
                if (!improves(next, fin)) {
                    continue;
                }
                path[depth] = i;
                dfs(next, fin, depth + 1, remaining - dur[i]);
                if (aborted) {
                    return;
                }
            }
        }

        private long durations(long mask) {
            long sum = 0;
            for (long rest = mask; rest != 0; rest &= rest - 1) {
                sum += dur[Long.numberOfTrailingZeros(rest)];
            }
            return sum;
        }

        private boolean earlier(int x, int y, long[] s) {
            if (s[x] != s[y]) {
                return s[x] < s[y];
            }
            if (dur[x] != dur[y]) {
                return dur[x] < dur[y];
            }
            return x < y;
        }

        /** Records {@code fin} for the done-set unless an earlier visit finished no later. */
        private boolean improves(long key, long fin) {
            int mask = keys.length - 1;
            int h = (int) (mix(key) & mask);
            while (keys[h] != 0) {
                if (keys[h] == key) {
                    if (vals[h] <= fin) {
                        return false;
                    }
                    vals[h] = fin;
                    return true;
                }
                h = (h + 1) & mask;
            }
            keys[h] = key;
            vals[h] = fin;
            if (++size * 2 > keys.length) {
                grow();
            }
            return true;
        }

        private void grow() {
            long[] ok = keys;
            long[] ov = vals;
            keys = new long[ok.length * 2];
            vals = new long[ok.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < ok.length; i++) {
                if (ok[i] != 0) {
                    int h = (int) (mix(ok[i]) & mask);
                    while (keys[h] != 0) {
                        h = (h + 1) & mask;
                    }
                    keys[h] = ok[i];
                    vals[h] = ov[i];
                }
            }
        }

        private static long mix(long x) {
            x ^= x >>> 33;
            x *= 0xff51afd7ed558ccdL;
            x ^= x >>> 33;
            return x;
        }
    }

    /** The list rule: earliest possible start, then shorter, then id; null when no order is valid. */
    static Schedule listSchedule(Instance in, int[] set, boolean exact) {
        int k = set.length;
        boolean[] done = new boolean[in.n];
        boolean[] used = new boolean[k];
        int[] order = new int[k];
        long t = in.comp.startDay;
        for (int step = 0; step < k; step++) {
            int pick = -1;
            long pickStart = 0;
            for (int i = 0; i < k; i++) {
                if (used[i] || !in.ready(set[i], done)) {
                    continue;
                }
                long s = t == Long.MAX_VALUE ? Long.MAX_VALUE : in.nextStart(set[i], t);
                if (pick < 0 || s < pickStart
                        || (s == pickStart && in.dur[set[i]] < in.dur[set[pick]])) {
                    pick = i;
                    pickStart = s;
                }
            }
            if (pick < 0) {
                return null;
            }
            used[pick] = true;
            done[set[pick]] = true;
            order[step] = set[pick];
            t = pickStart == Long.MAX_VALUE ? Long.MAX_VALUE : pickStart + in.dur[set[pick]];
        }
        return timeOrder(in, order, exact);
    }

    /** Start and finish days of units taken in this order. */
    static Schedule timeOrder(Instance in, int[] order, boolean exact) {
        long[] start = new long[order.length];
        long[] finish = new long[order.length];
        long t = in.comp.startDay;
        for (int i = 0; i < order.length; i++) {
            long s = t == Long.MAX_VALUE ? Long.MAX_VALUE : in.nextStart(order[i], t);
            start[i] = s;
            t = s == Long.MAX_VALUE ? Long.MAX_VALUE : s + in.dur[order[i]];
            finish[i] = t;
        }
        return new Schedule(order, start, finish, t, exact);
    }
}
