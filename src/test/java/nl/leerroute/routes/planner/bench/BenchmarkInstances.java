package nl.leerroute.routes.planner.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import nl.leerroute.routes.planner.CatalogueSnapshot;
import nl.leerroute.routes.planner.CatalogueSnapshot.Alternative;
import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeAlternative;
import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeLevel;
import nl.leerroute.routes.planner.CatalogueSnapshot.RequirementGroup;
import nl.leerroute.routes.planner.CatalogueSnapshot.Unit;
import nl.leerroute.routes.planner.CatalogueSnapshot.UnitKind;
import nl.leerroute.routes.planner.PersonProfile;
import nl.leerroute.routes.planner.PersonProfile.Evidence;
import nl.leerroute.routes.planner.PersonProfile.EvidenceStatus;
import nl.leerroute.routes.planner.PlanRequest;

/**
 * Seeded random benchmark instances shaped like a national catalogue (distributions documented in
 * PLANNER-NOTES.md, "Benchmark instances"). Outcomes sit in tiers 0-4 (basics in tiers 0/1, targets in 1-4) and
 * in topic clusters of about six neighbouring outcomes; prerequisites point to lower tiers, so chains are at most
 * four deep, and now and then to the same tier, so cycles occur.
 * <ul>
 * <li>Units: 25 % short trainings (8-40 h, 1-2 outcomes at levels 1-3), 75 % courses of whole EC (1 EC = 28 h;
 * 1-30 EC, mostly 2-6), one in ten with contact hours a little off the EC multiple. A course teaches 1-4
 * outcomes of one cluster (now and then one from elsewhere in its tier) at a level that grows with its size
 * (1 EC: levels 1-3, 30 EC: levels 4-8).</li>
 * <li>Prices: a fee (EUR 0-250) plus hours times a rate that varies per unit (lognormal, median EUR 12/h for
 * courses and EUR 25/h for trainings), rounded to EUR 5: correlated with hours, not proportional.</li>
 * <li>Prerequisites (tiers &gt; 0): 45 % none, 40 % one group, 15 % two; a group is one alternative (70 %), two
 * (25 %) or three; an alternative is the same outcome at a lower level (progression) or an outcome of a lower
 * tier, one in twenty of the same tier.</li>
 * <li>Each outcome is taught at level 8 by one 10-30 EC unit (a minor), so every target is reachable.</li>
 * <li>The person: a diploma validates part of the basics, a certificate the credited targets, and for 40 % of the
 * missing targets a lower level (partial knowledge). Exactly {@code missing} targets are not credited.</li>
 * </ul>
 * All units start any day; no budget or deadline, so the CP-SAT baseline needs no calendar. The earlier generator
 * (hours log-uniform 8-840 independent of level, any 1-4 outcomes of a tier, random multi-outcome groups) is kept as
 * {@link #generateUniform} for comparison: there an 8-hour unit teaches level 8 and tiny units combine in
 * countless near-equal ways, which a real catalogue does not offer.
 */
final class BenchmarkInstances {

    record Case(CatalogueSnapshot cat, PersonProfile profile, PlanRequest req) {
    }

    static final LocalDate TODAY = LocalDate.of(2026, 9, 1);

    /** The generator picked with -Dbench.generator=uniform (old) or catalogue (default). */
    static Case generate(int candidates, int missing, long seed) {
        return "uniform".equals(System.getProperty("bench.generator")) ? generateUniform(candidates, missing, seed)
                : generateCatalogue(candidates, missing, seed);
    }

    private static final double[] EC = {1, 2, 3, 4, 5, 6, 7.5, 10, 15, 20, 30};
    private static final int[] EC_WEIGHT = {6, 12, 16, 14, 14, 12, 6, 8, 6, 3, 3};

    static Case generateCatalogue(int candidates, int missing, long seed) {
        Random r = new Random(seed);
        int credTargets = missing / 4;
        int targets = missing + credTargets;
        int basics = Math.max(8, missing / 2);
        List<String> ids = new ArrayList<>();
        List<Integer> tier = new ArrayList<>();
        CatalogueSnapshot.Builder b = CatalogueSnapshot.builder();
        for (int i = 0; i < basics; i++) {
            ids.add("B" + i);
            tier.add(i < basics / 2 ? 0 : 1);
        }
        for (int i = 0; i < targets; i++) {
            ids.add("T" + i);
            tier.add(1 + r.nextInt(4));
        }
        for (String id : ids) {
            b.outcome(id, null);
        }
        List<List<Integer>> byTier = new ArrayList<>();
        for (int t = 0; t <= 4; t++) {
            byTier.add(new ArrayList<>());
        }
        int[] pos = new int[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            pos[i] = byTier.get(tier.get(i)).size();
            byTier.get(tier.get(i)).add(i);
        }
        int ecTotal = 0;
        for (int x : EC_WEIGHT) {
            ecTotal += x;
        }
        for (int u = 0; u < candidates; u++) {
            int first = u < ids.size() ? u : -1;
            int primary = first >= 0 ? first : r.nextInt(ids.size());
            int t = tier.get(primary);
            List<Integer> pool = byTier.get(t);
            int hours;
            int level;
            int ny;
            boolean training = first < 0 && r.nextInt(4) == 0;
            if (first >= 0) {
                hours = 28 * new int[] {10, 15, 20, 30}[r.nextInt(4)]; // a minor or programme teaching it fully
                level = 8;
                ny = 1 + r.nextInt(3);
            } else if (training) {
                hours = 8 * (1 + r.nextInt(5));
                level = 1 + r.nextInt(3);
                ny = 1 + r.nextInt(2);
            } else {
                int pick = r.nextInt(ecTotal);
                int k = 0;
                while (pick >= EC_WEIGHT[k]) {
                    pick -= EC_WEIGHT[k++];
                }
                hours = (int) Math.round(EC[k] * 28);
                if (r.nextInt(10) == 0) {
                    hours = Math.max(8, hours - 4 + r.nextInt(9)); // contact hours a little off the EC multiple
                }
                int base = 1 + (int) Math.floor(Math.log(EC[k]) / Math.log(2)); // 1 EC: 1, 30 EC: 5
                level = Math.max(1, Math.min(8, base + r.nextInt(4) - 1 + (r.nextInt(10) == 0 ? 1 : 0)));
                ny = EC[k] <= 3 ? 1 + r.nextInt(2) : 1 + r.nextInt(4);
            }
            List<OutcomeLevel> yields = new ArrayList<>();
            yields.add(new OutcomeLevel(ids.get(primary), level));
            for (int i = 1; i < ny; i++) {
                int o;
                if (r.nextInt(10) < 8) { // same cluster: within three places in the tier
                    int p = Math.max(0, Math.min(pool.size() - 1, pos[primary] + r.nextInt(7) - 3));
                    o = pool.get(p);
                } else {
                    o = pool.get(r.nextInt(pool.size()));
                }
                int lv = first >= 0 ? 8 : Math.max(1, level - r.nextInt(2));
                final int oo = o;
                if (yields.stream().noneMatch(y -> y.outcomeId().equals(ids.get(oo)))) {
                    yields.add(new OutcomeLevel(ids.get(o), lv));
                }
            }
            List<RequirementGroup> req = new ArrayList<>();
            int roll = r.nextInt(100);
            int ng = t == 0 || roll < 45 ? 0 : roll < 85 ? 1 : 2;
            for (int g = 0; g < ng; g++) {
                List<Alternative> alts = new ArrayList<>();
                int ra = r.nextInt(100);
                int na = ra < 70 ? 1 : ra < 95 ? 2 : 3;
                for (int a = 0; a < na; a++) {
                    if (first < 0 && level >= 3 && r.nextInt(10) < 3) { // progression: the same outcome at a lower level
                        alts.add(new OutcomeAlternative(ids.get(primary), 1 + r.nextInt(level - 2)));
                        continue;
                    }
                    int rt = r.nextInt(20) == 0 ? t : r.nextInt(4) < 3 ? t - 1 : r.nextInt(t);
                    List<Integer> rp = byTier.get(rt).isEmpty() ? byTier.get(0) : byTier.get(rt);
                    int ro = rp.get(r.nextInt(rp.size()));
                    if (ro == primary) { // a unit does not require what it teaches (else T@8 could be unreachable)
                        ro = byTier.get(0).get(r.nextInt(byTier.get(0).size()));
                    }
                    alts.add(new OutcomeAlternative(ids.get(ro), 1 + r.nextInt(Math.max(1, Math.min(5, level)))));
                }
                req.add(new RequirementGroup(alts));
            }
            double rate = (training ? 25 : 12) * Math.exp(0.35 * r.nextGaussian());
            int[] fees = {0, 0, 50, 100, 250};
            long euros = Math.max(5, Math.round((fees[r.nextInt(fees.length)] + hours * rate) / 5) * 5);
            int weeks = Math.max(1, (int) Math.ceil(hours / (training ? 16.0 : 8.0 + r.nextInt(9))));
            b.unit(new Unit(String.format("U%05d", u), UnitKind.MODULE, hours, euros * 100, weeks, "part-time",
                    null, "nl", "P" + r.nextInt(40), List.of(), yields, req));
        }
        CatalogueSnapshot cat = b.build();
        List<Evidence> ev = new ArrayList<>();
        List<OutcomeLevel> diploma = new ArrayList<>();
        for (int i = 0; i < basics; i++) {
            if (r.nextInt(10) < 6) {
                diploma.add(new OutcomeLevel("B" + i, 1 + r.nextInt(6)));
            }
        }
        ev.add(new Evidence("diploma", "diploma", EvidenceStatus.VALIDATED, null, diploma));
        List<OutcomeLevel> cert = new ArrayList<>();
        List<OutcomeLevel> partial = new ArrayList<>();
        PlanRequest.Builder q = PlanRequest.builder(TODAY);
        for (int i = 0; i < targets; i++) {
            int level = 2 + r.nextInt(5);
            q.target("T" + i, level, "goal");
            if (i >= missing) {
                cert.add(new OutcomeLevel("T" + i, level + r.nextInt(2)));
            } else if (r.nextInt(10) < 4) {
                partial.add(new OutcomeLevel("T" + i, Math.max(1, level - 1 - r.nextInt(2))));
            }
        }
        ev.add(new Evidence("certificate", "certificate", EvidenceStatus.VALIDATED, null, cert));
        ev.add(new Evidence("work", "work experience, validated", EvidenceStatus.VALIDATED, null, partial));
        q.hoursPerWeek(10).timeLimit(Duration.ofSeconds(10));
        return new Case(cat, new PersonProfile(ev), q.build());
    }

    /** The first benchmark generator (see the class comment), kept for comparison. */
    static Case generateUniform(int candidates, int missing, long seed) {
        Random r = new Random(seed);
        int credTargets = missing / 4;
        int targets = missing + credTargets;
        int basics = Math.max(8, missing / 2);
        // tier of each outcome: basics in tier 0 and 1, targets in tiers 1..4
        List<String> ids = new ArrayList<>();
        List<Integer> tier = new ArrayList<>();
        CatalogueSnapshot.Builder b = CatalogueSnapshot.builder();
        for (int i = 0; i < basics; i++) {
            ids.add("B" + i);
            tier.add(i < basics / 2 ? 0 : 1);
        }
        for (int i = 0; i < targets; i++) {
            ids.add("T" + i);
            tier.add(1 + r.nextInt(4));
        }
        for (String id : ids) {
            b.outcome(id, null);
        }
        List<List<Integer>> byTier = new ArrayList<>();
        for (int t = 0; t <= 4; t++) {
            byTier.add(new ArrayList<>());
        }
        for (int i = 0; i < ids.size(); i++) {
            byTier.get(tier.get(i)).add(i);
        }
        for (int u = 0; u < candidates; u++) {
            // the first units guarantee that each outcome is taught at level 8 by someone
            int first = u < ids.size() ? u : -1;
            int t = first >= 0 ? tier.get(first) : r.nextInt(5);
            List<OutcomeLevel> yields = new ArrayList<>();
            int ny = 1 + r.nextInt(4);
            if (first >= 0) {
                yields.add(new OutcomeLevel(ids.get(first), 8));
            }
            for (int i = yields.size(); i < ny; i++) {
                List<Integer> pool = byTier.get(t).isEmpty() ? byTier.get(0) : byTier.get(t);
                yields.add(new OutcomeLevel(ids.get(pool.get(r.nextInt(pool.size()))), 1 + r.nextInt(8)));
            }
            List<RequirementGroup> req = new ArrayList<>();
            if (t > 0 && r.nextInt(10) < 5) {
                int ng = 1 + r.nextInt(2);
                for (int g = 0; g < ng; g++) {
                    List<Alternative> alts = new ArrayList<>();
                    int na = 1 + r.nextInt(3);
                    for (int a = 0; a < na; a++) {
                        int rt = r.nextInt(20) == 0 ? t : r.nextInt(t); // same tier now and then: cycles
                        List<Integer> pool = byTier.get(rt).isEmpty() ? byTier.get(0) : byTier.get(rt);
                        alts.add(new OutcomeAlternative(ids.get(pool.get(r.nextInt(pool.size()))), 1 + r.nextInt(5)));
                    }
                    req.add(new RequirementGroup(alts));
                }
            }
            int hours = (int) Math.round(8 * Math.pow(105, r.nextDouble())); // 8..840, log-uniform
            long euros = Math.round(hours * (10 + r.nextInt(50)) / 10.0) * 10;
            b.unit(new Unit(String.format("U%05d", u), UnitKind.MODULE, hours, euros * 100,
                    1 + r.nextInt(20), "part-time", null, "nl", "P" + r.nextInt(20), List.of(), yields, req));
        }
        CatalogueSnapshot cat = b.build();
        List<Evidence> ev = new ArrayList<>();
        List<OutcomeLevel> diploma = new ArrayList<>();
        for (int i = 0; i < basics; i++) {
            if (r.nextInt(10) < 6) {
                diploma.add(new OutcomeLevel("B" + i, 1 + r.nextInt(6)));
            }
        }
        ev.add(new Evidence("diploma", "diploma", EvidenceStatus.VALIDATED, null, diploma));
        List<OutcomeLevel> cert = new ArrayList<>();
        PlanRequest.Builder q = PlanRequest.builder(TODAY);
        for (int i = 0; i < targets; i++) {
            int level = 2 + r.nextInt(5);
            q.target("T" + i, level, "goal");
            if (i >= missing) {
                cert.add(new OutcomeLevel("T" + i, level + r.nextInt(2)));
            }
        }
        ev.add(new Evidence("certificate", "certificate", EvidenceStatus.VALIDATED, null, cert));
        q.hoursPerWeek(10).timeLimit(Duration.ofSeconds(10));
        return new Case(cat, new PersonProfile(ev), q.build());
    }
}
