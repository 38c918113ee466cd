package nl.leerroute.routes.planner;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import nl.leerroute.routes.planner.CatalogueSnapshot.Alternative;
import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeAlternative;
import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeLevel;
import nl.leerroute.routes.planner.CatalogueSnapshot.RequirementGroup;
import nl.leerroute.routes.planner.CatalogueSnapshot.Unit;
import nl.leerroute.routes.planner.CatalogueSnapshot.UnitAlternative;
import nl.leerroute.routes.planner.CatalogueSnapshot.UnitKind;
import nl.leerroute.routes.planner.PersonProfile.Evidence;
import nl.leerroute.routes.planner.PersonProfile.EvidenceStatus;

/** Small random instances for the property tests: up to 14 units, AND/OR prerequisites, credits, constraints. */
final class RandomInstances {

    record Case(CatalogueSnapshot cat, PersonProfile profile, PlanRequest req) {
    }

    static final LocalDate TODAY = LocalDate.of(2026, 9, 1);

    static Case generate(long seed) {
        Random r = new Random(seed);
        int outcomes = 4 + r.nextInt(6);
        int units = r.nextInt(3) == 0 ? 3 + r.nextInt(12) : 10 + r.nextInt(5); // 3..14, mostly 10..14
        CatalogueSnapshot.Builder b = CatalogueSnapshot.builder();
        for (int o = 0; o < outcomes; o++) {
            b.outcome("O" + o, r.nextInt(3) == 0 ? 1 + r.nextInt(5) : null);
        }
        // hours and costs from small sets so that ties (and the tie-breaks) happen often
        int[] hourSet = {0, 8, 12, 20, 20, 40, 60, 80};
        for (int u = 0; u < units; u++) {
            boolean assessment = r.nextInt(6) == 0;
            List<OutcomeLevel> yields = new ArrayList<>();
            int ny = 1 + r.nextInt(3);
            for (int i = 0; i < ny; i++) {
                yields.add(new OutcomeLevel("O" + r.nextInt(outcomes), 1 + r.nextInt(4)));
            }
            List<RequirementGroup> req = new ArrayList<>();
            int ng = r.nextInt(10) < 5 ? 0 : 1 + r.nextInt(2);
            for (int g = 0; g < ng; g++) {
                List<Alternative> alts = new ArrayList<>();
                int na = 1 + r.nextInt(2);
                for (int a = 0; a < na; a++) {
                    if (r.nextInt(7) == 0) {
                        alts.add(new UnitAlternative("U" + (char) ('a' + r.nextInt(units))));
                    } else {
                        alts.add(new OutcomeAlternative("O" + r.nextInt(outcomes), 1 + r.nextInt(3)));
                    }
                }
                req.add(new RequirementGroup(alts));
            }
            List<LocalDate> starts = new ArrayList<>();
            if (r.nextBoolean()) {
                int ns = 1 + r.nextInt(3);
                for (int i = 0; i < ns; i++) {
                    starts.add(TODAY.plusDays(-30 + r.nextInt(250)));
                }
            }
            String[] modes = {"online", "part-time", "full-time"};
            String[] places = {"Eindhoven", "Utrecht", null};
            b.unit(new Unit("U" + (char) ('a' + u), assessment ? UnitKind.ASSESSMENT : UnitKind.MODULE,
                    assessment ? 4 : hourSet[r.nextInt(hourSet.length)],
                    100L * (assessment ? 150 : new int[] {0, 250, 500, 500, 900, 1500}[r.nextInt(6)]),
                    r.nextInt(9), modes[r.nextInt(3)], places[r.nextInt(3)], r.nextInt(4) == 0 ? "en" : "nl",
                    "P" + r.nextInt(3), starts, yields, req));
        }
        CatalogueSnapshot cat = b.build();
        List<Evidence> ev = new ArrayList<>();
        int ne = r.nextInt(4);
        for (int e = 0; e < ne; e++) {
            List<OutcomeLevel> as = new ArrayList<>();
            int na = 1 + r.nextInt(3);
            for (int i = 0; i < na; i++) {
                as.add(new OutcomeLevel("O" + r.nextInt(outcomes), 1 + r.nextInt(4)));
            }
            LocalDate date = r.nextInt(5) == 0 ? null : TODAY.minusDays(r.nextInt(8 * 365)).plusDays(r.nextInt(10) == 0 ? 400 : 0);
            ev.add(new Evidence("E" + e, "evidence " + e, r.nextInt(3) == 0 ? EvidenceStatus.CLAIMED
                    : EvidenceStatus.VALIDATED, date, as,
                    r.nextInt(8) == 0 ? "U" + (char) ('a' + r.nextInt(units)) : null));
        }
        PlanRequest.Builder q = PlanRequest.builder(TODAY);
        int nt = 1 + r.nextInt(4);
        for (int t = 0; t < nt; t++) {
            if (r.nextInt(10) < 7) {
                // mostly something the catalogue teaches, at or below the level taught
                Unit u = cat.units().get(r.nextInt(units));
                OutcomeLevel y = u.yields().get(r.nextInt(u.yields().size()));
                q.target(y.outcomeId(), 1 + r.nextInt(y.level()), "goal " + t);
            } else {
                q.target("O" + r.nextInt(outcomes), 1 + r.nextInt(4), "goal " + t);
            }
        }
        if (r.nextInt(10) < 4) {
            q.budgetCents(100L * r.nextInt(4000));
        }
        if (r.nextInt(10) < 4) {
            q.hoursPerWeek(4 + r.nextInt(16));
        }
        if (r.nextInt(10) < 3) {
            q.deadline(TODAY.plusDays(30 + r.nextInt(370)));
        }
        if (r.nextInt(8) == 0) {
            q.modes("online", "part-time");
        }
        if (r.nextInt(8) == 0) {
            q.places("Eindhoven");
        }
        if (r.nextInt(8) == 0) {
            q.languages("nl");
        }
        if (r.nextInt(10) == 0) {
            q.excludedProviders("P" + r.nextInt(3));
        }
        if (r.nextInt(10) == 0) {
            q.excludedUnits("U" + (char) ('a' + r.nextInt(units)));
        }
        q.alternatives(r.nextInt(3));
        q.timeLimit(Duration.ofSeconds(30));
        return new Case(cat, new PersonProfile(ev), q.build());
    }

    /**
     * The same instance as {@link #generate} with random funding: 1-3 schemes of random kinds, each paying a
     * random share of some units, together never more than a unit's price, most with a route cap small enough to
     * bind; a random cost basis. The budget then applies to the net cost, so caps decide feasibility too.
     */
    static Case generateWithFunding(long seed) {
        Case c = generate(seed);
        Random r = new Random(seed * 7919 + 13);
        Funding.Kind[] kinds = Funding.Kind.values();
        int ns = 1 + r.nextInt(3);
        List<Funding.Scheme> schemes = new ArrayList<>();
        java.util.Map<String, Long> left = new java.util.HashMap<>();
        c.cat().units().forEach(u -> left.put(u.id(), u.costCents()));
        for (int s = 0; s < ns; s++) {
            java.util.Map<String, Long> amounts = new java.util.HashMap<>();
            Funding.Kind kind = kinds[r.nextInt(kinds.length)];
            for (Unit u : c.cat().units()) {
                if (r.nextInt(3) == 0 || u.costCents() == 0) {
                    continue;
                }
                long room = kind == Funding.Kind.LOAN ? u.costCents() : left.get(u.id());
                long amount = room * new int[] {25, 50, 80, 100}[r.nextInt(4)] / 100;
                if (amount > 0) {
                    amounts.put(u.id(), amount);
                    if (kind != Funding.Kind.LOAN) {
                        left.merge(u.id(), -amount, Long::sum);
                    }
                }
            }
            Long cap = r.nextInt(4) == 0 ? null : 100L * (50 + r.nextInt(800));
            schemes.add(new Funding.Scheme("S" + s, kind, cap, amounts));
        }
        Funding.CostBasis basis = r.nextInt(6) == 0 ? Funding.CostBasis.GROSS
                : r.nextBoolean() ? Funding.CostBasis.NET : Funding.CostBasis.NET_TO_PERSON;
        Funding funding = new Funding(schemes, basis);
        PlanRequest q = c.req();
        return new Case(c.cat(), c.profile(), new PlanRequest(q.targets(), q.constraints(), q.startDate(),
                q.alternatives(), q.timeLimit(), q.nodeLimit(), funding));
    }
}
