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
 * Seeded random benchmark instances shaped like the stack-notes benchmark: units of 8-840 hours, outcomes at
 * levels 1-8, prerequisite chains up to depth 4 (outcomes sit in tiers 0-4; a unit's entry requirements name
 * outcomes of lower tiers, and a few name outcomes of its own tier, so cycles occur). The person has validated
 * evidence for part of the tier-0/1 outcomes and for some targets; exactly {@code missing} targets are not
 * credited. All units start any day; no budget or deadline, so the CP-SAT baseline needs no calendar.
 */
final class BenchmarkInstances {

    record Case(CatalogueSnapshot cat, PersonProfile profile, PlanRequest req) {
    }

    static final LocalDate TODAY = LocalDate.of(2026, 9, 1);

    static Case generate(int candidates, int missing, long seed) {
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
