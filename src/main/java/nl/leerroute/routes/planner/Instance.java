package nl.leerroute.routes.planner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import nl.leerroute.routes.planner.Compiler.MissingTarget;

/**
 * The reduced instance as a covering problem. Elements 0..T-1 are the missing targets; the others are the
 * distinct uncredited entry-requirement groups of relevant units, identified by their provider sets. A unit
 * covers an element when it is one of its providers. Local unit indices follow snapshot (= id) order.
 */
final class Instance {
    final Compiler comp;
    final List<MissingTarget> targets;
    final int n;
    final int T;
    final int E;
    final int[] snap;
    final int[][] prov;
    final int[][] covList;
    final int[][] groups;
    final long[] hours;
    /**
     * Cost of each unit under the request's cost basis when every scheme pays in full: exact when no counted
     * scheme has a route cap, else a lower bound on what the unit adds to a route (see {@link Funding}).
     */
    final long[] cost;
    /** Upper bound on what the unit adds to a route's cost: its cost with the capped schemes paying nothing. */
    final long[] costUpper;
    /** Catalogue prices; their sum bounds the exact cost of any route. */
    final long[] gross;
    /** Counted schemes with a route cap: amount per local unit, and the cap. */
    final long[][] cappedAmounts;
    final long[] caps;
    final long[] dur;
    final long[][] starts;

    Instance(Compiler comp, List<MissingTarget> targets, int[] snap, int[][] prov, int[][] groups) {
        this.comp = comp;
        this.targets = List.copyOf(targets);
        this.snap = snap;
        this.prov = prov;
        this.groups = groups;
        n = snap.length;
        T = targets.size();
        E = prov.length;
        hours = new long[n];
        cost = new long[n];
        costUpper = new long[n];
        gross = new long[n];
        dur = new long[n];
        starts = new long[n][];
        Funding funding = comp.req.funding();
        List<Funding.Scheme> capped = funding.schemes().stream()
                .filter(s -> funding.counts(s) && s.routeCapCents() != null).toList();
        cappedAmounts = new long[capped.size()][n];
        caps = capped.stream().mapToLong(Funding.Scheme::routeCapCents).toArray();
        for (int i = 0; i < n; i++) {
            var unit = comp.cat.units().get(snap[i]);
            hours[i] = unit.hours();
            gross[i] = unit.costCents();
            cost[i] = unit.costCents();
            costUpper[i] = unit.costCents();
            for (Funding.Scheme s : funding.schemes()) {
                if (funding.counts(s)) {
                    cost[i] -= s.amount(unit.id());
                    if (s.routeCapCents() == null) {
                        costUpper[i] -= s.amount(unit.id());
                    }
                }
            }
            for (int c = 0; c < capped.size(); c++) {
                cappedAmounts[c][i] = capped.get(c).amount(unit.id());
            }
            dur[i] = comp.durDays[snap[i]];
            starts[i] = comp.cat.startDays[snap[i]];
        }
        int[] cnt = new int[n];
        for (int[] p : prov) {
            for (int u : p) {
                cnt[u]++;
            }
        }
        covList = new int[n][];
        for (int i = 0; i < n; i++) {
            covList[i] = new int[cnt[i]];
            cnt[i] = 0;
        }
        for (int e = 0; e < E; e++) {
            for (int u : prov[e]) {
                covList[u][cnt[u]++] = e;
            }
        }
    }

    /** Sets scheduled so far, for every search on this instance (a schedule depends on the set alone). */
    private final java.util.HashMap<SetKey, java.util.Optional<Sequencer.Schedule>> schedules =
            new java.util.HashMap<>();
    /** The order search's node limit per set (tests lower it to see how inexact schedules are reported). */
    long orderNodeLimit = Sequencer.ORDER_NODE_LIMIT;
    /** Bounds the cache of a search that runs long; past it sets are scheduled again. */
    static final int SCHEDULE_CACHE_LIMIT = 50_000;

    private record SetKey(int[] set) {
        @Override
        public boolean equals(Object o) {
            return o instanceof SetKey k && Arrays.equals(set, k.set);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(set);
        }
    }

    /**
     * {@link Sequencer#schedule} of a sorted set of local units, remembered: the searches of one request (the
     * first-route heuristics, core rounds, the exact search, alternatives) meet the same sets again.
     */
    Sequencer.Schedule schedule(int[] set) {
        SetKey key = new SetKey(set);
        java.util.Optional<Sequencer.Schedule> known = schedules.get(key);
        if (known != null) {
            return known.orElse(null);
        }
        Sequencer.Schedule s = Sequencer.schedule(this, set, orderNodeLimit);
        if (schedules.size() < SCHEDULE_CACHE_LIMIT) {
            schedules.put(new SetKey(set.clone()), java.util.Optional.ofNullable(s));
        }
        return s;
    }

    /**
     * The list rule's schedule of a sorted set whose prerequisites can be ordered: a valid order, exact only when
     * every unit may start any day (then every valid order finishes on the same day).
     */
    Sequencer.Schedule listSchedule(int[] set) {
        boolean anyDay = true;
        for (int u : set) {
            anyDay &= starts[u].length == 0;
        }
        return Sequencer.listSchedule(this, set, anyDay);
    }

    /** First day >= t on which local unit u can start, or Long.MAX_VALUE. */
    long nextStart(int u, long t) {
        long[] s = starts[u];
        if (s.length == 0) {
            return t;
        }
        int i = Arrays.binarySearch(s, t);
        if (i < 0) {
            i = -i - 1;
        }
        return i < s.length ? s[i] : Long.MAX_VALUE;
    }

    /**
     * Lexicographic weights: hours first, then cost, then number of units, as one exact long per unit.
     * With K2 = n + 1 and K1 = (sum of costs + 1) * K2 the order of sums equals the lexicographic order.
     */
    long[] lexWeights() {
        long sumCost = 0;
        for (long c : gross) {
            sumCost = Math.addExact(sumCost, c);
        }
        long k2 = n + 1L;
        long k1 = Math.multiplyExact(sumCost + 1, k2);
        long[] w = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            w[i] = Math.addExact(Math.addExact(Math.multiplyExact(hours[i], k1), Math.multiplyExact(cost[i], k2)), 1);
            total = Math.addExact(total, w[i]);
        }
        return w;
    }

    /** The factor of hours in {@link #lexWeights()}: weight / k1 (rounded down) is the hours part. */
    long lexK1() {
        long sumCost = 0;
        for (long c : gross) {
            sumCost = Math.addExact(sumCost, c);
        }
        return Math.multiplyExact(sumCost + 1, n + 1L);
    }

    /** The factor of cost in {@link #lexWeights()} and {@link #costWeights()}. */
    long costFactor() {
        return n + 1L;
    }

    /**
     * What the route caps take back from a set of local units: its exact cost is the sum of {@link #cost} plus
     * this. Zero when no counted scheme has a cap.
     */
    long capExcess(int[] set) {
        long excess = 0;
        for (int c = 0; c < caps.length; c++) {
            long sum = 0;
            for (int u : set) {
                sum += cappedAmounts[c][u];
            }
            excess += Math.max(0, sum - caps[c]);
        }
        return excess;
    }

    /** Exact cost of a set of local units under the request's cost basis. */
    long exactCost(int[] set) {
        long sum = capExcess(set);
        for (int u : set) {
            sum += cost[u];
        }
        return sum;
    }

    /** Weights for "least cost, then fewest units" (budget diagnosis). */
    long[] costWeights() {
        long k2 = n + 1L;
        long[] w = new long[n];
        for (int i = 0; i < n; i++) {
            w[i] = Math.addExact(Math.multiplyExact(cost[i], k2), 1);
        }
        return w;
    }

    /**
     * Dominance pruning. Unit b dominates unit a when replacing a by b in any route keeps it valid and makes it
     * strictly better, or equal and canonically earlier:
     * <ul>
     * <li>b covers every element a covers (targets and requirement groups, so a unit named by a unit
     * alternative is never dominated), and each requirement group of b is also one of a's (b is no harder to
     * enter);</li>
     * <li>hours and cost of b are both &lt;= those of a and one is strictly lower; or everything is equal
     * (also duration and start moments) and b has the smaller id. With route caps, b's cost is the most b can
     * add to a route ({@link #costUpper}) and a's the least a can add, so the swap never raises the exact
     * cost;</li>
     * <li>with a deadline, or when any unit has fixed start moments (a route must fit them): b lasts no longer
     * and can start whenever a can (any day, or a superset of a's start moments), so that b in a's place
     * finishes no later and nothing after it starts later;</li>
     * <li>for alternatives: b is in an earlier route only if a is too, so the overlap with it cannot grow.</li>
     * </ul>
     * The relation is a strict partial order, so removing all dominated units at once is safe: each removed unit
     * has an undominated dominator that takes its place.
     */
    boolean[] dominated(boolean deadlineActive, List<boolean[]> earlierRoutes) {
        boolean timed = deadlineActive;
        for (long[] s : starts) {
            timed |= s.length > 0;
        }
        boolean[] out = new boolean[n];
        for (int a = 0; a < n; a++) {
            int[] ca = covList[a];
            if (ca.length == 0) {
                out[a] = true; // covers nothing: never useful
                continue;
            }
            int best = ca[0];
            for (int e : ca) {
                if (prov[e].length < prov[best].length) {
                    best = e;
                }
            }
            for (int b : prov[best]) {
                if (b != a && dominates(b, a, timed, earlierRoutes)) {
                    out[a] = true;
                    break;
                }
            }
        }
        return out;
    }

    private boolean dominates(int b, int a, boolean timed, List<boolean[]> earlier) {
        if (hours[b] > hours[a] || costUpper[b] > cost[a]) {
            return false;
        }
        boolean strict = hours[b] < hours[a] || costUpper[b] < cost[a];
        if (!strict) {
            if (b > a || dur[b] != dur[a] || !Arrays.equals(starts[b], starts[a])
                    || !Arrays.equals(covList[a], covList[b]) || !Arrays.equals(groups[a], groups[b])) {
                return false;
            }
        }
        if (!subset(covList[a], covList[b]) || !subset(groups[b], groups[a])) {
            return false;
        }
        if (timed) {
            if (dur[b] > dur[a]) {
                return false;
            }
            if (starts[b].length > 0 && (starts[a].length == 0 || !subset(starts[a], starts[b]))) {
                return false;
            }
        }
        for (boolean[] r : earlier) {
            if (r[b] && !r[a]) {
                return false;
            }
        }
        return true;
    }

    static boolean subset(int[] small, int[] big) {
        int j = 0;
        for (int x : small) {
            while (j < big.length && big[j] < x) {
                j++;
            }
            if (j == big.length || big[j] != x) {
                return false;
            }
        }
        return true;
    }

    static boolean subset(long[] small, long[] big) {
        int j = 0;
        for (long x : small) {
            while (j < big.length && big[j] < x) {
                j++;
            }
            if (j == big.length || big[j] != x) {
                return false;
            }
        }
        return true;
    }

    /** Units of the set that can never fire within the set (prerequisites met only inside a cycle). */
    int[] stuck(int[] set, boolean[] inSet) {
        boolean[] fired = new boolean[n];
        int firedCount = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int u : set) {
                if (!fired[u] && ready(u, fired)) {
                    fired[u] = true;
                    firedCount++;
                    changed = true;
                }
            }
        }
        if (firedCount == set.length) {
            return new int[0];
        }
        List<Integer> s = new ArrayList<>();
        for (int u : set) {
            if (!fired[u]) {
                s.add(u);
            }
        }
        // return stuck units followed by a marker-free list; callers use fired state via unmetGroups
        lastFired = fired;
        return s.stream().mapToInt(Integer::intValue).toArray();
    }

    /** fired flags of the last {@link #stuck} call that found stuck units. */
    boolean[] lastFired;

    boolean ready(int u, boolean[] done) {
        for (int g : groups[u]) {
            boolean met = false;
            for (int p : prov[g]) {
                if (done[p]) {
                    met = true;
                    break;
                }
            }
            if (!met) {
                return false;
            }
        }
        return true;
    }
}
