package nl.leerroute.routes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.leerroute.catalogue.Catalogue;
import nl.leerroute.catalogue.LearningOutcome;
import nl.leerroute.catalogue.LearningUnit;
import nl.leerroute.catalogue.Leveled.OutcomeAtLevel;
import nl.leerroute.people.Evidence;
import nl.leerroute.people.EvidenceExplanations;
import nl.leerroute.people.People;
import nl.leerroute.routes.Targets.Goal;
import nl.leerroute.routes.planner.CatalogueSnapshot;
import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeLevel;
import nl.leerroute.routes.planner.Funding;
import nl.leerroute.routes.planner.PersonProfile;
import nl.leerroute.routes.planner.PlanRequest;
import nl.leerroute.routes.planner.PlanRequest.Constraints;
import nl.leerroute.routes.planner.PlanRequest.Target;
import nl.leerroute.routes.planner.RoutePlan;
import nl.leerroute.routes.planner.RoutePlanner;
import org.springframework.stereotype.Service;

/** Plans routes for a person or an anonymous profile against the current catalogue snapshot. */
@Service
public class RouteService {

    /** Enough for the shipped catalogue to be proven optimal; a safety net, not the expected time. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(5);

    private final CatalogueSnapshots snapshots;
    private final Profiles profiles;
    private final Targets targets;
    private final Catalogue catalogue;
    private final Clock clock;
    private final People people;
    private final FundingSource funding;

    RouteService(CatalogueSnapshots snapshots, Profiles profiles, Targets targets, Catalogue catalogue,
            People people, FundingSource funding) {
        this.people = people;
        this.funding = funding;
        this.snapshots = snapshots;
        this.profiles = profiles;
        this.targets = targets;
        this.catalogue = catalogue;
        this.clock = Clock.systemDefaultZone();
    }

    /** What to plan: whose prior learning (a person, or an inline profile), towards what, within what. */
    public record PlanCommand(String label, String personId, PersonProfile profile, Goal goal,
            Constraints constraints, int alternatives, LocalDate startDate, Funding.CostBasis budgetApplies) {

        public PlanCommand(String label, String personId, PersonProfile profile, Goal goal, Constraints constraints,
                int alternatives, LocalDate startDate) {
            this(label, personId, profile, goal, constraints, alternatives, startDate, Funding.CostBasis.GROSS);
        }
    }

    /** A plan with the catalogue records it mentions, ready to show. */
    public record PlanView(String label, RoutePlan.Status status, RouteView best, List<RouteView> alternatives,
            List<CreditView> credits, long lowerBoundHours, double gap, List<ReasonView> infeasibility,
            List<OutcomeAtLevel> targets, String explanationNl, String explanationEn,
            Funding.CostBasis budgetApplies, List<FundingSource.SchemeRule> otherEligibleFunding,
            List<FundingSource.SchemeRule> notEligibleFunding) {
    }

    /**
     * @param basisCostEur the cost the budget and the cost objective used ({@code budgetApplies})
     * @param totalGrantsEur paid by public bodies and funds; totalNetCostEur = totalCostEur - totalGrantsEur
     * @param totalToEmployerEur the employer's contribution; totalToPersonEur = net cost - employer's part
     * @param totalLoanAvailableEur what the person may borrow of their part (it lowers no cost)
     */
    public record RouteView(List<StepView> steps, long totalHours, double totalCostEur, int unitCount,
            LocalDate finish, boolean optimal, double basisCostEur, double totalGrantsEur, double totalNetCostEur,
            double totalToEmployerEur, double totalToPersonEur, double totalLoanAvailableEur) {
    }

    /**
     * @param learningUnitId the planner's unit, kept even if the graph no longer has it (then learningUnit is null)
     * @param funding what each scheme pays for this step, with the rule that makes it apply
     */
    public record StepView(LearningUnit learningUnit, LocalDate start, LocalDate finish, int hours, double costEur,
            List<OutcomeAtLevel> newlyCovers, List<PullView> pulledInBy, String learningUnitId,
            List<FundingShareView> funding, double netCostEur, double toEmployerEur, double toPersonEur,
            double loanAvailableEur) {
    }

    /** One scheme's share of one step. */
    public record FundingShareView(String schemeId, String nameNl, String nameEn, String kind, double amountEur,
            String ruleNl, String ruleEn) {
    }

    public record PullView(String kind, LearningOutcome outcome, Integer level, String target,
            LearningUnit forUnit, String description) {
    }

    public record CreditView(LearningOutcome outcome, int level, int neededLevel, List<String> evidenceIds,
            List<String> evidenceTitles, List<Evidence> evidence, String usedFor, String explanationNl,
            String explanationEn) {
    }

    public record ReasonView(LearningOutcome outcome, Integer level, String code, String textNl, String textEn,
            List<LearningUnit> units, Double shortByEur, Long lateByDays) {
    }

    public PlanView plan(PlanCommand command) {
        if ((command.personId() == null) == (command.profile() == null)) {
            throw new IllegalArgumentException("Give either personId or profile (an anonymous visitor's evidence)");
        }
        if (command.alternatives() < 0 || command.alternatives() > 5) {
            throw new IllegalArgumentException("alternatives must be between 0 and 5, got " + command.alternatives());
        }
        Profiles.Read person = command.profile() != null ? null : profiles.read(command.personId());
        PersonProfile profile = person == null ? command.profile() : person.profile();
        Targets.Resolved goal = targets.resolveNamed(command.goal());
        List<Target> targetList = goal.targets();
        CatalogueSnapshot snapshot = snapshots.current();
        LocalDate start = command.startDate() != null ? command.startDate() : LocalDate.now(clock);
        Funding.CostBasis basis = command.budgetApplies() == null ? Funding.CostBasis.GROSS : command.budgetApplies();
        // an anonymous profile has no employment, age or employer: no scheme can be shown to apply
        FundingSource.PersonFunding personFunding = command.personId() == null
                ? FundingSource.PersonFunding.none(basis)
                : funding.forPerson(command.personId(), person.properties(), start, basis);
        PlanRequest request = new PlanRequest(targetList, command.constraints() == null ? Constraints.none()
                : command.constraints(), start, command.alternatives(), TIME_LIMIT, 0, personFunding.funding());
        RoutePlan plan = RoutePlanner.plan(snapshot, profile, request);
        return view(command.label(), plan, profile, person == null ? null : person.evidence(), targetList,
                goal.name(), personFunding);
    }

    /** @param personEvidence the person's evidence records, read with the profile; null for an inline profile */
    private PlanView view(String label, RoutePlan plan, PersonProfile profile, Map<String, Evidence> personEvidence,
            List<Target> targetList, Targets.GoalName goalName, FundingSource.PersonFunding personFunding) {
        Set<String> unitIds = new LinkedHashSet<>();
        Set<String> outcomeIds = new LinkedHashSet<>();
        targetList.forEach(t -> outcomeIds.add(t.outcomeId()));
        List<RoutePlan.Route> routes = new ArrayList<>();
        if (plan.best() != null) {
            routes.add(plan.best());
        }
        routes.addAll(plan.alternatives());
        mentioned(routes, plan.reasons(), unitIds, outcomeIds);
        plan.credits().forEach(c -> outcomeIds.add(c.outcomeId()));
        Catalogue.Records records = records(unitIds, outcomeIds);
        Map<String, LearningUnit> units = records.units();
        Map<String, LearningOutcome> outcomes = records.outcomes();
        Map<String, String> evidenceTitles = new HashMap<>();
        profile.evidence().forEach(e -> evidenceTitles.put(e.id(), e.title()));

        Map<String, FundingSource.SchemeRule> rules = personFunding.schemes();
        RouteView best = plan.best() == null ? null : route(plan.best(), units, outcomes, rules);
        List<RouteView> alternatives = plan.alternatives().stream().map(r -> route(r, units, outcomes, rules))
                .toList();
        Set<String> used = new LinkedHashSet<>();
        routes.forEach(r -> r.steps().forEach(s -> s.funding().forEach(f -> used.add(f.schemeId()))));
        List<FundingSource.SchemeRule> otherEligible = rules.values().stream()
                .filter(r -> !used.contains(r.schemeId())).toList();
        Set<String> creditEvidence = new LinkedHashSet<>();
        plan.credits().forEach(c -> creditEvidence.addAll(c.evidenceIds()));
        Map<String, Evidence> evidence = personEvidence != null ? personEvidence : people.evidenceById(creditEvidence);
        LocalDate today = LocalDate.now(clock);
        List<CreditView> credits = plan.credits().stream().map(c -> {
            LearningOutcome outcome = outcomes.get(c.outcomeId());
            List<String> titles = c.evidenceIds().stream().map(id -> evidenceTitles.getOrDefault(id, id)).toList();
            List<Evidence> items = c.evidenceIds().stream().filter(evidence::containsKey).map(evidence::get).toList();
            return new CreditView(outcome, c.level(), c.neededLevel(), c.evidenceIds(), titles, items, c.usedFor(),
                    EvidenceExplanations.credit(outcome.titleNl(), c.level(), c.neededLevel(),
                            outcome.shelfLifeYears(), items, titles, today, true),
                    EvidenceExplanations.credit(outcome.titleEn(), c.level(), c.neededLevel(),
                            outcome.shelfLifeYears(), items, titles, today, false));
        }).toList();
        List<ReasonView> reasons = reasons(plan.reasons(), units, outcomes);
        List<OutcomeAtLevel> targetViews = targetList.stream()
                .map(t -> new OutcomeAtLevel(outcomes.get(t.outcomeId()), t.minLevel())).toList();
        return new PlanView(label, plan.status(), best, alternatives, credits, plan.lowerBoundHours(), plan.gap(),
                reasons, targetViews, explanation(plan, targetList, goalName.nl(),
                Locale.forLanguageTag("nl-NL")), explanation(plan, targetList, goalName.en(), Locale.ENGLISH),
                personFunding.funding().basis(), otherEligible, personFunding.notEligible());
    }

    /** Catalogue records kept for one snapshot: the units and outcomes routes mention most. */
    private static final class Records {
        /** Enough for every unit and outcome of a regional catalogue; a national one keeps its most used. */
        static final int KEPT = 20_000;

        final Map<String, Object> byKey = java.util.Collections.synchronizedMap(
                new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                        return size() > KEPT;
                    }
                });
    }

    /**
     * The units and outcomes by id, from the records kept for the current snapshot, reading only those not
     * kept yet (in one query). Units and outcomes change only through what rebuilds the snapshot (see
     * {@link CatalogueSnapshots#derived}), so a kept record is as current as the snapshot planned with.
     */
    private Catalogue.Records records(Set<String> unitIds, Set<String> outcomeIds) {
        Records kept = snapshots.derived(Records.class, s -> new Records());
        Map<String, LearningUnit> units = new java.util.LinkedHashMap<>();
        Map<String, LearningOutcome> outcomes = new java.util.LinkedHashMap<>();
        List<String> missingUnits = new ArrayList<>();
        List<String> missingOutcomes = new ArrayList<>();
        for (String id : unitIds) {
            if (kept.byKey.get("unit " + id) instanceof LearningUnit unit) {
                units.put(id, unit);
            } else {
                missingUnits.add(id);
            }
        }
        for (String id : outcomeIds) {
            if (kept.byKey.get("outcome " + id) instanceof LearningOutcome outcome) {
                outcomes.put(id, outcome);
            } else {
                missingOutcomes.add(id);
            }
        }
        if (!missingUnits.isEmpty() || !missingOutcomes.isEmpty()) {
            Catalogue.Records read = catalogue.unitsAndOutcomesById(missingUnits, missingOutcomes);
            read.units().forEach((id, unit) -> {
                units.put(id, unit);
                kept.byKey.put("unit " + id, unit);
            });
            read.outcomes().forEach((id, outcome) -> {
                outcomes.put(id, outcome);
                kept.byKey.put("outcome " + id, outcome);
            });
        }
        return new Catalogue.Records(units, outcomes);
    }

    /** The units and outcomes that routes and reasons mention, to load in one query each. */
    private static void mentioned(List<RoutePlan.Route> routes, List<RoutePlan.Infeasibility> reasons,
            Set<String> unitIds, Set<String> outcomeIds) {
        for (RoutePlan.Route route : routes) {
            for (RoutePlan.Step step : route.steps()) {
                unitIds.add(step.unitId());
                step.newlyCovers().forEach(o -> outcomeIds.add(o.outcomeId()));
                step.pulledInBy().forEach(p -> {
                    if (p.outcomeId() != null) {
                        outcomeIds.add(p.outcomeId());
                    }
                    if (p.forUnitId() != null) {
                        unitIds.add(p.forUnitId());
                    }
                });
            }
        }
        reasons.forEach(r -> {
            if (r.outcomeId() != null) {
                outcomeIds.add(r.outcomeId());
            }
            unitIds.addAll(r.unitIds());
        });
    }

    /** Views of routes planned elsewhere (the member routes of a team plan), in the same order. */
    public List<RouteView> views(List<RoutePlan.Route> routes) {
        Set<String> unitIds = new LinkedHashSet<>();
        Set<String> outcomeIds = new LinkedHashSet<>();
        mentioned(routes, List.of(), unitIds, outcomeIds);
        Map<String, LearningUnit> units = catalogue.unitsById(unitIds);
        Map<String, LearningOutcome> outcomes = catalogue.outcomesById(outcomeIds);
        // no person's funding here: a team plan is priced gross, as the firm books it
        return routes.stream().map(r -> route(r, units, outcomes, Map.of())).toList();
    }

    /** Views of the planner's reasons why no route exists. */
    public List<ReasonView> reasons(List<RoutePlan.Infeasibility> reasons) {
        Set<String> unitIds = new LinkedHashSet<>();
        Set<String> outcomeIds = new LinkedHashSet<>();
        mentioned(List.of(), reasons, unitIds, outcomeIds);
        return reasons(reasons, catalogue.unitsById(unitIds), catalogue.outcomesById(outcomeIds));
    }

    private static List<ReasonView> reasons(List<RoutePlan.Infeasibility> reasons, Map<String, LearningUnit> units,
            Map<String, LearningOutcome> outcomes) {
        return reasons.stream().map(r -> new ReasonView(
                r.outcomeId() == null ? null : outcomes.get(r.outcomeId()), r.outcomeId() == null ? null : r.level(),
                r.code().name(), r.textNl(), r.textEn(), r.unitIds().stream().map(units::get).toList(),
                r.shortByCents() == null ? null : euros(r.shortByCents()), r.lateByDays())).toList();
    }

    private static RouteView route(RoutePlan.Route route, Map<String, LearningUnit> units,
            Map<String, LearningOutcome> outcomes, Map<String, FundingSource.SchemeRule> rules) {
        long grants = 0;
        long employer = 0;
        long loans = 0;
        List<StepView> steps = new ArrayList<>();
        for (RoutePlan.Step s : route.steps()) {
            long stepGrants = sum(s, Funding.Kind.GRANT);
            long stepEmployer = sum(s, Funding.Kind.EMPLOYER_CONTRIBUTION);
            long stepLoans = sum(s, Funding.Kind.LOAN);
            grants += stepGrants;
            employer += stepEmployer;
            loans += stepLoans;
            List<FundingShareView> shares = s.funding().stream().map(f -> {
                FundingSource.SchemeRule rule = rules.get(f.schemeId());
                return new FundingShareView(f.schemeId(), rule.nameNl(), rule.nameEn(), f.kind().name(),
                        euros(f.cents()), rule.ruleNl(), rule.ruleEn());
            }).toList();
            steps.add(new StepView(units.get(s.unitId()), s.start(), s.finish(), s.hours(), euros(s.costCents()),
                    s.newlyCovers().stream().map(o -> atLevel(o, outcomes)).toList(),
                    s.pulledInBy().stream().map(p -> new PullView(p.kind().name(),
                            p.outcomeId() == null ? null : outcomes.get(p.outcomeId()),
                            p.outcomeId() == null ? null : p.level(), p.targetLabel(),
                            p.forUnitId() == null ? null : units.get(p.forUnitId()), p.describe())).toList(),
                    s.unitId(), shares, euros(s.costCents() - stepGrants), euros(stepEmployer),
                    euros(s.costCents() - stepGrants - stepEmployer), euros(stepLoans)));
        }
        long gross = route.totals().costCents();
        return new RouteView(steps, route.totals().hours(), euros(gross), route.totals().units(),
                route.totals().finish(), route.optimal(), euros(route.totals().basisCostCents()), euros(grants),
                euros(gross - grants), euros(employer), euros(gross - grants - employer), euros(loans));
    }

    private static long sum(RoutePlan.Step step, Funding.Kind kind) {
        return step.funding().stream().filter(f -> f.kind() == kind).mapToLong(Funding.Share::cents).sum();
    }

    private static OutcomeAtLevel atLevel(OutcomeLevel o, Map<String, LearningOutcome> outcomes) {
        return new OutcomeAtLevel(outcomes.get(o.outcomeId()), o.level());
    }

    public static double euros(long cents) {
        return BigDecimal.valueOf(cents).movePointLeft(2).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** A short account of the plan in the person's language. */
    static String explanation(RoutePlan plan, List<Target> targets, String goal, Locale locale) {
        boolean nl = locale.getLanguage().equals("nl");
        NumberFormat money = NumberFormat.getCurrencyInstance(nl ? Locale.forLanguageTag("nl-NL") : Locale.UK);
        money.setCurrency(java.util.Currency.getInstance("EUR"));
        long credited = plan.credits().stream().filter(c -> c.usedFor() != null && c.usedFor().startsWith("target"))
                .count();
        StringBuilder text = new StringBuilder();
        switch (plan.status()) {
            case OPTIMAL, FEASIBLE -> {
                RoutePlan.Totals totals = plan.best().totals();
                if (totals.units() == 0) {
                    text.append(nl ? "Je hebt alle " + targets.size() + " leeruitkomsten van " + goal
                            + " al aangetoond: er is niets meer te leren."
                            : "You have already shown all " + targets.size() + " outcomes of " + goal
                                    + ": there is nothing left to learn.");
                    break;
                }
                text.append(nl
                        ? "Route naar " + goal + ": " + totals.units() + " onderdelen, " + totals.hours()
                                + " studie-uren, " + money.format(totals.costCents() / 100.0) + ", klaar op "
                                + totals.finish() + ". "
                        : "Route to " + goal + ": " + totals.units() + " units, " + totals.hours()
                                + " study hours, " + money.format(totals.costCents() / 100.0) + ", finished by "
                                + totals.finish() + ". ");
                text.append(nl ? credited + " van de " + targets.size()
                        + " doelleeruitkomsten zijn erkend op grond van wat je al aantoonbaar kunt. "
                        : credited + " of the " + targets.size()
                                + " target outcomes are credited from what you have already shown. ");
                if (plan.status() == RoutePlan.Status.OPTIMAL) {
                    text.append(nl ? "Bewezen: geen route vraagt minder studie-uren."
                            : "Proven: no route takes fewer study hours.");
                } else {
                    text.append(nl ? "De zoektijd was op: elke route vraagt minstens " + plan.lowerBoundHours()
                            + " uur (verschil hoogstens " + Math.round(plan.gap() * 100) + "%)."
                            : "The search ran out of time: every route takes at least " + plan.lowerBoundHours()
                                    + " hours (gap at most " + Math.round(plan.gap() * 100) + "%).");
                }
            }
            case INFEASIBLE -> {
                text.append(nl ? "Er is geen route naar " + goal + " binnen deze grenzen: "
                        : "There is no route to " + goal + " within these limits: ");
                text.append(String.join(" ", plan.reasons().stream()
                        .map(r -> nl ? r.textNl() : r.textEn()).toList()));
            }
            case UNKNOWN -> text.append(nl ? "Binnen de zoektijd is geen route gevonden; niets is bewezen."
                    : "No route was found within the time limit; nothing was proven.");
        }
        return text.toString().strip();
    }

    /** Several what-if variants, each planned independently. */
    public List<PlanView> compare(Collection<PlanCommand> commands) {
        if (commands.isEmpty() || commands.size() > 6) {
            throw new IllegalArgumentException("compareRoutes takes 1 to 6 variants, got " + commands.size());
        }
        return commands.stream().map(this::plan).toList();
    }
}
