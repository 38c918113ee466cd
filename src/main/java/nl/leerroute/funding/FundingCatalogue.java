package nl.leerroute.funding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.leerroute.database.GraphReader;
import nl.leerroute.routes.CatalogueSnapshots;
import nl.leerroute.routes.FundingSource;
import nl.leerroute.routes.UnknownReferenceException;
import nl.leerroute.routes.planner.CatalogueSnapshot;
import nl.leerroute.routes.planner.Funding;
import org.springframework.stereotype.Service;

/** Reads funding schemes, a person's situation and the units' facts from the graph and applies the rules. */
@Service
public class FundingCatalogue implements FundingSource {

    private final GraphReader graph;
    private final CatalogueSnapshots snapshots;

    FundingCatalogue(GraphReader graph, CatalogueSnapshots snapshots) {
        this.graph = graph;
        this.snapshots = snapshots;
    }

    /** Every scheme, in priority order; optionally only those valid on a day or of a kind. */
    public List<FundingScheme> schemes(LocalDate validOn, String kind) {
        List<FundingScheme> out = new ArrayList<>();
        for (Map<String, Object> row : graph.rows("""
                MATCH (s:FundingScheme)
                OPTIONAL MATCH (s)-[:NOT_COMBINABLE_WITH]->(o:FundingScheme)
                WITH s, o ORDER BY o.id
                WITH s, collect(o.id) AS excluded
                RETURN s {.*} AS n, excluded ORDER BY s.priority, s.id
                """, Map.of())) {
            @SuppressWarnings("unchecked")
            FundingScheme s = FundingScheme.of((Map<String, Object>) row.get("n"), (List<String>) row.get("excluded"));
            if ((validOn == null || s.validOn(validOn)) && (kind == null || kind.equals(s.kind()))) {
                out.add(s);
            }
        }
        return out;
    }

    public Optional<FundingScheme> scheme(String id) {
        return schemes(null, null).stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** @throws UnknownReferenceException when no such person exists */
    public FundingRules.Applicant applicant(String personId) {
        return graph.rows("""
                MATCH (p:Person {id: $id})
                RETURN p.employmentStatus AS status, p.birthYear AS birthYear, p.education AS education,
                       p.employerSize AS size, p.employerSector AS sector
                """, Map.of("id", personId)).stream().findFirst()
                .map(r -> new FundingRules.Applicant((String) r.get("status"),
                        r.get("birthYear") instanceof Number n ? n.intValue() : null, (String) r.get("education"),
                        (String) r.get("size"), (String) r.get("sector")))
                .orElseThrow(() -> new UnknownReferenceException("person", personId));
    }

    /** Kind and price from the planner's snapshot (so amounts never exceed the price it plans with). */
    List<FundingRules.UnitFacts> units() {
        Map<String, Object[]> facts = new HashMap<>();
        for (Map<String, Object> row : graph.rows("""
                MATCH (u:LearningUnit)
                OPTIONAL MATCH (u)-[:PROVIDED_BY]->(i:Institution)
                OPTIONAL MATCH (u)-[y:YIELDS]->(:LearningOutcome)
                RETURN u.id AS id, i.kind AS providerKind, max(y.level) AS level
                """, Map.of())) {
            facts.put((String) row.get("id"), new Object[] {row.get("providerKind"),
                row.get("level") instanceof Number n ? n.intValue() : 0});
        }
        List<FundingRules.UnitFacts> out = new ArrayList<>();
        for (CatalogueSnapshot.Unit u : snapshots.current().units()) {
            Object[] f = facts.getOrDefault(u.id(), new Object[] {null, 0});
            out.add(new FundingRules.UnitFacts(u.id(), u.kind().name(), (String) f[0], (Integer) f[1],
                    u.costCents()));
        }
        return out;
    }

    public FundingRules.Resolution resolve(String personId, LocalDate day, Funding.CostBasis basis) {
        return FundingRules.resolve(schemes(null, null), applicant(personId), day, units(), basis);
    }

    /** The funding of the given units taken in this order, as one route (route caps over all of them). */
    public record FundedCost(List<FundedStep> steps, double grossEur, double grantsEur, double netCostEur,
            double toEmployerEur, double toPersonEur, double loanAvailableEur) {
    }

    public record FundedStep(nl.leerroute.catalogue.LearningUnit learningUnit, double grossEur,
            List<nl.leerroute.routes.RouteService.FundingShareView> funding, double netCostEur, double toEmployerEur,
            double toPersonEur, double loanAvailableEur) {
    }

    /** What a person is eligible for on a day, and (for {@code unitIds}) what those units would cost them. */
    public record PersonFundingView(LocalDate date, List<SchemeRule> eligible, List<SchemeRule> notEligible,
            FundedCost cost) {
    }

    public PersonFundingView personFunding(String personId, LocalDate day, List<String> unitIds,
            java.util.function.Function<List<String>, Map<String, nl.leerroute.catalogue.LearningUnit>> units) {
        FundingRules.Resolution r = resolve(personId, day, Funding.CostBasis.NET_TO_PERSON);
        FundedCost cost = null;
        if (unitIds != null && !unitIds.isEmpty()) {
            if (new java.util.HashSet<>(unitIds).size() != unitIds.size()) {
                throw new IllegalArgumentException("learningUnitIds names a unit twice");
            }
            Map<String, CatalogueSnapshot.Unit> snapshot = new HashMap<>();
            snapshots.current().units().forEach(u -> snapshot.put(u.id(), u));
            Map<String, nl.leerroute.catalogue.LearningUnit> records = units.apply(unitIds);
            for (String id : unitIds) {
                if (!snapshot.containsKey(id) || !records.containsKey(id)) {
                    throw new UnknownReferenceException("learning unit", id);
                }
            }
            List<List<Funding.Share>> shares = r.funding().allocate(unitIds,
                    unitIds.stream().map(id -> snapshot.get(id).costCents()).toList());
            List<FundedStep> steps = new ArrayList<>();
            long gross = 0;
            long grants = 0;
            long employer = 0;
            long loans = 0;
            for (int i = 0; i < unitIds.size(); i++) {
                long g = snapshot.get(unitIds.get(i)).costCents();
                long sg = sum(shares.get(i), Funding.Kind.GRANT);
                long se = sum(shares.get(i), Funding.Kind.EMPLOYER_CONTRIBUTION);
                long sl = sum(shares.get(i), Funding.Kind.LOAN);
                gross += g;
                grants += sg;
                employer += se;
                loans += sl;
                List<nl.leerroute.routes.RouteService.FundingShareView> views = shares.get(i).stream()
                        .map(f -> {
                            SchemeRule rule = r.rules().get(f.schemeId());
                            return new nl.leerroute.routes.RouteService.FundingShareView(f.schemeId(), rule.nameNl(),
                                    rule.nameEn(), f.kind().name(), euros(f.cents()), rule.ruleNl(), rule.ruleEn());
                        }).toList();
                steps.add(new FundedStep(records.get(unitIds.get(i)), euros(g), views, euros(g - sg), euros(se),
                        euros(g - sg - se), euros(sl)));
            }
            cost = new FundedCost(steps, euros(gross), euros(grants), euros(gross - grants), euros(employer),
                    euros(gross - grants - employer), euros(loans));
        }
        return new PersonFundingView(day, List.copyOf(r.rules().values()), r.notEligible(), cost);
    }

    private static long sum(List<Funding.Share> shares, Funding.Kind kind) {
        return shares.stream().filter(f -> f.kind() == kind).mapToLong(Funding.Share::cents).sum();
    }

    private static double euros(long cents) {
        return java.math.BigDecimal.valueOf(cents).movePointLeft(2).doubleValue();
    }

    @Override
    public PersonFunding forPerson(String personId, LocalDate date, Funding.CostBasis basis) {
        FundingRules.Resolution r = resolve(personId, date, basis);
        return new PersonFunding(r.funding(), r.rules(), r.notEligible());
    }
}
