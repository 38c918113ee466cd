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
        return graph.rows("MATCH (p:Person {id: $id}) RETURN p {.*} AS p", Map.of("id", personId)).stream()
                .findFirst().map(r -> applicant(properties(r.get("p"))))
                .orElseThrow(() -> new UnknownReferenceException("person", personId));
    }

    /** What eligibility needs of a person's properties. */
    static FundingRules.Applicant applicant(Map<String, Object> p) {
        return new FundingRules.Applicant((String) p.get("employmentStatus"),
                p.get("birthYear") instanceof Number n ? n.intValue() : null, (String) p.get("education"),
                (String) p.get("employerSize"), (String) p.get("employerSector"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /**
     * What resolving funding needs from the catalogue: the schemes, and each unit's kind, provider kind, level
     * and price. Read once per catalogue snapshot instead of on every request: the snapshot is rebuilt whenever
     * units, institutions or schemes change (seed import, OOAPI import, catalogue edits); see
     * {@link CatalogueSnapshots#derived}.
     */
    private static final class CatalogueFacts {
        final List<FundingScheme> schemes;
        final List<FundingRules.UnitFacts> units;
        /** Resolutions by the applicant's facts, day and basis (never by person): the same inputs give the same answer. */
        final Map<ResolutionKey, FundingRules.Resolution> resolutions = java.util.Collections.synchronizedMap(
                new java.util.LinkedHashMap<>(64, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<ResolutionKey, FundingRules.Resolution> eldest) {
                        return size() > RESOLUTIONS_KEPT;
                    }
                });

        CatalogueFacts(List<FundingScheme> schemes, List<FundingRules.UnitFacts> units) {
            this.schemes = schemes;
            this.units = units;
        }
    }

    private record ResolutionKey(FundingRules.Applicant applicant, LocalDate day, Funding.CostBasis basis) {
    }

    /** Enough for the distinct (employment, age, education, employer) combinations in use on a day. */
    static final int RESOLUTIONS_KEPT = 1024;

    private CatalogueFacts facts() {
        return snapshots.derived(CatalogueFacts.class,
                snapshot -> new CatalogueFacts(List.copyOf(schemes(null, null)), units(snapshot)));
    }

    /** Kind and price from the planner's snapshot (so amounts never exceed the price it plans with). */
    private List<FundingRules.UnitFacts> units(CatalogueSnapshot snapshot) {
        Map<String, String> providerKinds = new HashMap<>();
        for (Map<String, Object> row : graph.rows("MATCH (i:Institution) RETURN i.id AS id, i.kind AS kind",
                Map.of())) {
            providerKinds.put((String) row.get("id"), (String) row.get("kind"));
        }
        List<FundingRules.UnitFacts> out = new ArrayList<>();
        for (CatalogueSnapshot.Unit u : snapshot.units()) {
            // the unit's level is the highest level it yields, as in the snapshot the planner credits with
            int level = u.yields().stream().mapToInt(CatalogueSnapshot.OutcomeLevel::level).max().orElse(0);
            out.add(new FundingRules.UnitFacts(u.id(), u.kind().name(),
                    u.providerId() == null ? null : providerKinds.get(u.providerId()), level, u.costCents()));
        }
        return List.copyOf(out);
    }

    public FundingRules.Resolution resolve(String personId, LocalDate day, Funding.CostBasis basis) {
        return resolve(applicant(personId), day, basis);
    }

    private FundingRules.Resolution resolve(FundingRules.Applicant applicant, LocalDate day, Funding.CostBasis basis) {
        CatalogueFacts catalogue = facts();
        ResolutionKey key = new ResolutionKey(applicant, day, basis);
        FundingRules.Resolution resolution = catalogue.resolutions.get(key);
        if (resolution == null) {
            FundingRules.Resolution r = FundingRules.resolve(catalogue.schemes, applicant, day, catalogue.units,
                    basis);
            // shared by the requests of every person with the same facts: nobody may change it
            resolution = new FundingRules.Resolution(r.funding(), java.util.Collections.unmodifiableMap(
                    new java.util.LinkedHashMap<>(r.rules())), List.copyOf(r.notEligible()));
            catalogue.resolutions.put(key, resolution);
        }
        return resolution;
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

    @Override
    public PersonFunding forPerson(String personId, Map<String, Object> person, LocalDate date,
            Funding.CostBasis basis) {
        FundingRules.Resolution r = resolve(applicant(person), date, basis);
        return new PersonFunding(r.funding(), r.rules(), r.notEligible());
    }
}
