package nl.leerroute.routes.planner;

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
 * <li>up to 16 units with start moments: dynamic programming over the sets of units done so far, since an
 * earlier finish of a prefix never hurts (exact);</li>
 * <li>otherwise: a list rule (earliest possible start, then shorter, then id), flagged as not exact.</li>
 * </ul>
 */
final class Sequencer {

    static final int EXACT_DP_LIMIT = 16;

    record Schedule(int[] order, long[] start, long[] finish, long end, boolean exact) {
        boolean timed() {
            return end != Long.MAX_VALUE;
        }
    }

    private Sequencer() {
    }

    /** Schedules the local units {@code set}; null when no order meets the prerequisites. */
    static Schedule schedule(Instance in, int[] set) {
        int k = set.length;
        boolean anyDay = true;
        for (int u : set) {
            anyDay &= in.starts[u].length == 0;
        }
        if (anyDay || k > EXACT_DP_LIMIT) {
            return listSchedule(in, set, anyDay);
        }
        // provider masks within the set, per unit and group
        int[] pos = new int[in.n];
        java.util.Arrays.fill(pos, -1);
        for (int i = 0; i < k; i++) {
            pos[set[i]] = i;
        }
        int[][] gm = new int[k][];
        for (int i = 0; i < k; i++) {
            int[] gs = in.groups[set[i]];
            gm[i] = new int[gs.length];
            for (int j = 0; j < gs.length; j++) {
                int m = 0;
                for (int p : in.prov[gs[j]]) {
                    if (pos[p] >= 0) {
                        m |= 1 << pos[p];
                    }
                }
                gm[i][j] = m;
            }
        }
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

    private static boolean ready(int[] masks, int done) {
        for (int m : masks) {
            if ((m & done) == 0) {
                return false;
            }
        }
        return true;
    }

    private static Schedule listSchedule(Instance in, int[] set, boolean exact) {
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
