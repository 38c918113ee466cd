package nl.leerroute.routes.planner;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import nl.leerroute.routes.planner.CatalogueSnapshot.Alternative;
import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeAlternative;
import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeLevel;
import nl.leerroute.routes.planner.CatalogueSnapshot.RequirementGroup;
import nl.leerroute.routes.planner.CatalogueSnapshot.Unit;
import nl.leerroute.routes.planner.CatalogueSnapshot.UnitAlternative;
import nl.leerroute.routes.planner.PersonProfile.Evidence;
import nl.leerroute.routes.planner.PersonProfile.EvidenceStatus;
import nl.leerroute.routes.planner.PlanRequest.Constraints;
import nl.leerroute.routes.planner.PlanRequest.Target;

/**
 * Independent oracle: re-implements the semantics from the public API only (no planner internals) and tries
 * every subset of the usable units. The earliest finish of a subset is a DP over "units done so far".
 */
final class BruteForce {

    record Best(List<String> sortedIds, long hours, long cost, int count, long finishDay) {
    }

    final CatalogueSnapshot cat;
    final PlanRequest req;
    final Map<String, Integer> credit = new HashMap<>();
    final Map<String, Integer> assessable = new HashMap<>();
    final Set<String> completed = new HashSet<>();
    final List<Unit> cand = new ArrayList<>();
    final Map<String, Integer> missing = new TreeMap<>();
    final long start;
    final long[] finish; // per mask of cand; Long.MAX_VALUE = no schedule
    final boolean[] orderable;

    BruteForce(CatalogueSnapshot cat, PersonProfile profile, PlanRequest req) {
        this.cat = cat;
        this.req = req;
        LocalDate today = req.startDate();
        start = today.toEpochDay();
        for (Evidence e : profile.evidence()) {
            boolean future = e.obtained() != null && e.obtained().isAfter(today);
            if (e.status() == EvidenceStatus.VALIDATED && !future && e.completedUnitId() != null) {
                completed.add(e.completedUnitId());
            }
            for (OutcomeLevel a : e.asserts()) {
                var o = cat.outcome(a.outcomeId());
                if (o == null) {
                    continue;
                }
                boolean fresh = e.obtained() == null || (!future && (o.shelfLifeYears() == null
                        || e.obtained().plusYears(o.shelfLifeYears()).isAfter(today)));
                if (e.status() == EvidenceStatus.VALIDATED && fresh) {
                    credit.merge(a.outcomeId(), a.level(), Math::max);
                } else if (e.status() == EvidenceStatus.CLAIMED || !future) {
                    assessable.merge(a.outcomeId(), a.level(), Math::max);
                }
            }
        }
        Constraints c = req.constraints();
        for (Unit u : cat.units()) {
            if (c.excludedUnits().contains(u.id()) || c.excludedProviders().contains(u.providerId())
                    || (!c.modes().isEmpty() && !c.modes().contains(u.mode()))
                    || (!c.places().isEmpty() && u.place() != null && !c.places().contains(u.place()))
                    || (!c.languages().isEmpty() && !c.languages().contains(u.language()))) {
                continue;
            }
            if (!u.startMoments().isEmpty() && u.startMoments().stream().allMatch(d -> d.isBefore(today))) {
                continue;
            }
            if (u.isAssessment()) {
                boolean ok = true;
                boolean any = false;
                for (OutcomeLevel y : u.yields()) {
                    if (credit.getOrDefault(y.outcomeId(), 0) >= y.level()) {
                        continue;
                    }
                    if (assessable.getOrDefault(y.outcomeId(), 0) < y.level()) {
                        ok = false;
                    }
                    any = true;
                }
                if (!ok || !any) {
                    continue;
                }
            }
            cand.add(u);
        }
        for (Target t : req.targets()) {
            missing.merge(t.outcomeId(), t.minLevel(), Math::max);
        }
        missing.entrySet().removeIf(e -> credit.getOrDefault(e.getKey(), 0) >= e.getValue());
        int n = cand.size();
        if (n > 20) {
            throw new IllegalArgumentException("too many units for brute force");
        }
        finish = new long[1 << n];
        orderable = new boolean[1 << n];
        java.util.Arrays.fill(finish, Long.MAX_VALUE);
        finish[0] = start;
        orderable[0] = true;
        for (int mask = 0; mask < (1 << n); mask++) {
            if (!orderable[mask]) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0 || !ready(cand.get(i), mask)) {
                    continue;
                }
                int next = mask | (1 << i);
                orderable[next] = true;
                long s = finish[mask] == Long.MAX_VALUE ? Long.MAX_VALUE : nextStart(cand.get(i), finish[mask]);
                long f = s == Long.MAX_VALUE ? Long.MAX_VALUE : s + durDays(cand.get(i));
                finish[next] = Math.min(finish[next], f);
            }
        }
    }

    long durDays(Unit u) {
        long weeks = u.durationWeeks();
        Integer hpw = req.constraints().hoursPerWeek();
        if (hpw != null) {
            weeks = Math.max(weeks, (long) Math.ceil(u.hours() / (double) hpw));
        }
        return weeks * 7;
    }

    static long nextStart(Unit u, long t) {
        if (u.startMoments().isEmpty()) {
            return t;
        }
        long best = Long.MAX_VALUE;
        for (LocalDate d : u.startMoments()) {
            if (d.toEpochDay() >= t) {
                best = Math.min(best, d.toEpochDay());
            }
        }
        return best;
    }

    int level(String outcome, int mask) {
        int l = credit.getOrDefault(outcome, 0);
        for (int i = 0; i < cand.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                for (OutcomeLevel y : cand.get(i).yields()) {
                    if (y.outcomeId().equals(outcome)) {
                        l = Math.max(l, y.level());
                    }
                }
            }
        }
        return l;
    }

    boolean ready(Unit u, int mask) {
        for (RequirementGroup g : u.requires()) {
            boolean met = false;
            for (Alternative a : g.anyOf()) {
                if (a instanceof OutcomeAlternative oa) {
                    met |= level(oa.outcomeId(), mask) >= oa.minLevel();
                } else {
                    String id = ((UnitAlternative) a).unitId();
                    met |= completed.contains(id) || inMask(id, mask);
                }
            }
            if (!met) {
                return false;
            }
        }
        return true;
    }

    boolean inMask(String id, int mask) {
        for (int i = 0; i < cand.size(); i++) {
            if ((mask & (1 << i)) != 0 && cand.get(i).id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** Best valid route; {@code earlier} routes (unit id lists) impose the alternatives rule. Null = none. */
    Best best(List<List<String>> earlier) {
        Best best = null;
        Long budget = req.constraints().budgetCents();
        LocalDate deadline = req.constraints().deadline();
        for (int mask = 0; mask < (1 << cand.size()); mask++) {
            if (!orderable[mask] || finish[mask] == Long.MAX_VALUE) {
                continue;
            }
            if (deadline != null && finish[mask] > deadline.toEpochDay()) {
                continue;
            }
            boolean covers = true;
            for (Map.Entry<String, Integer> t : missing.entrySet()) {
                covers &= level(t.getKey(), mask) >= t.getValue();
            }
            if (!covers) {
                continue;
            }
            long hours = 0;
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < cand.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    hours += cand.get(i).hours();
                    ids.add(cand.get(i).id());
                }
            }
            long cost = cost(ids);
            if (budget != null && cost > budget) {
                continue;
            }
            if (!differentEnough(ids, earlier)) {
                continue;
            }
            ids.sort(null);
            Best b = new Best(ids, hours, cost, ids.size(), finish[mask]);
            if (best == null || compare(b, best) < 0) {
                best = b;
            }
        }
        return best;
    }

    /**
     * The cost of a set of units under the request's cost basis, straight from the definition in {@link Funding}:
     * the prices, minus what each counted scheme pays for the set, at most its route cap.
     */
    long cost(List<String> ids) {
        Funding f = req.funding();
        long cost = 0;
        for (String id : ids) {
            cost += cat.unit(id).costCents();
        }
        for (Funding.Scheme s : f.schemes()) {
            boolean counted = switch (f.basis()) {
                case GROSS -> false;
                case NET -> s.kind() == Funding.Kind.GRANT;
                case NET_TO_PERSON -> s.kind() == Funding.Kind.GRANT || s.kind() == Funding.Kind.EMPLOYER_CONTRIBUTION;
            };
            if (!counted) {
                continue;
            }
            long paid = 0;
            for (String id : ids) {
                paid += s.amountsCents().getOrDefault(id, 0L);
            }
            cost -= s.routeCapCents() == null ? paid : Math.min(paid, s.routeCapCents());
        }
        return cost;
    }

    /** Whether some route cap lowers what the schemes pay for this set (so its cost is not a plain sum). */
    boolean capsBind(List<String> ids) {
        for (Funding.Scheme s : req.funding().schemes()) {
            long paid = ids.stream().mapToLong(id -> s.amountsCents().getOrDefault(id, 0L)).sum();
            if (req.funding().counts(s) && s.routeCapCents() != null && paid > s.routeCapCents()) {
                return true;
            }
        }
        return false;
    }

    boolean differentEnough(List<String> ids, List<List<String>> earlier) {
        for (List<String> r : earlier) {
            long total = 0;
            long shared = 0;
            long hoursR = r.stream().mapToLong(id -> cat.unit(id).hours()).sum();
            for (String id : r) {
                long w = hoursR > 0 ? cat.unit(id).hours() : 1;
                total += w;
                if (ids.contains(id)) {
                    shared += w;
                }
            }
            if (shared * 10 > total * 7) {
                return false;
            }
        }
        return true;
    }

    static int compare(Best a, Best b) {
        if (a.hours != b.hours) {
            return Long.compare(a.hours, b.hours);
        }
        if (a.cost != b.cost) {
            return Long.compare(a.cost, b.cost);
        }
        if (a.count != b.count) {
            return Integer.compare(a.count, b.count);
        }
        if (a.finishDay != b.finishDay) {
            return Long.compare(a.finishDay, b.finishDay);
        }
        for (int i = 0; i < a.sortedIds.size(); i++) {
            int c = a.sortedIds.get(i).compareTo(b.sortedIds.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
