package nl.leerroute.employers;

import static nl.leerroute.routes.RouteService.euros;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import nl.leerroute.catalogue.Catalogue;
import nl.leerroute.catalogue.Competency;
import nl.leerroute.catalogue.FrameworkConcept;
import nl.leerroute.catalogue.LearningOutcome;
import nl.leerroute.catalogue.LearningUnit;
import nl.leerroute.catalogue.Leveled.OutcomeAtLevel;
import nl.leerroute.database.GraphReader;
import nl.leerroute.employers.Teams.Member;
import nl.leerroute.employers.Teams.Team;
import nl.leerroute.people.Credits;
import nl.leerroute.people.TShapes;
import nl.leerroute.people.TShapes.CompetencyStrength;
import nl.leerroute.people.TShapes.DomainDepth;
import nl.leerroute.routes.CatalogueSnapshots;
import nl.leerroute.routes.Profiles;
import nl.leerroute.routes.RouteService;
import nl.leerroute.routes.RouteService.ReasonView;
import nl.leerroute.routes.RouteService.RouteView;
import nl.leerroute.routes.planner.PersonProfile;
import nl.leerroute.routes.planner.PersonProfile.EvidenceStatus;
import nl.leerroute.routes.planner.PlanRequest;
import nl.leerroute.routes.planner.PlanRequest.Constraints;
import nl.leerroute.routes.planner.RoutePlan;
import nl.leerroute.routes.planner.TeamPlan;
import nl.leerroute.routes.planner.TeamPlanner;
import nl.leerroute.routes.planner.TeamRequest;
import nl.leerroute.routes.planner.TeamRequest.Need;
import org.springframework.stereotype.Service;

/**
 * A team's gap for its goal and the plan that closes it. Uses only what each member shares with the firm:
 * validated evidence always (CREDITS), claims only when the member shares CLAIMS.
 */
@Service
public class TeamGaps {

    /** Per team member plan: at most this long in all; each member's own route at most {@link #PERSON_LIMIT}. */
    static final Duration TEAM_LIMIT = Duration.ofSeconds(12);
    static final Duration PERSON_LIMIT = Duration.ofSeconds(2);

    /** One requirement of the goal, merged over transformations: an outcome at a level, held by {@code people}. */
    public record GoalNeed(LearningOutcome outcome, int level, int people, List<FrameworkConcept> transformations,
            List<FrameworkConcept> maturityLevels) {
    }

    public record NeedGap(GoalNeed need, List<Member> creditedMembers, List<Member> claimedMembers, int credited,
            int claimed, int lacking, boolean met) {
    }

    public record TransformationCoverage(FrameworkConcept transformation, int needs, int met, double coverage) {
    }

    public record MemberTShape(Member member, List<CompetencyStrength> breadth, List<DomainDepth> depth,
            int breadthScore) {
    }

    /** How many members hold a competency (any credited outcome of it), and the highest level among them. */
    public record TeamCompetency(Competency competency, String tDimension, int members, int highestLevel) {
    }

    public record Gap(Team team, FrameworkConcept maturityLevel, List<NeedGap> needs,
            List<TransformationCoverage> transformations, List<MemberTShape> tShapes,
            List<TeamCompetency> competencies, String explanationNl, String explanationEn) {
    }

    public record NeedCoverageView(OutcomeAtLevel need, int people, List<Member> creditedMembers,
            List<Member> learners) {
    }

    public record MemberRouteView(Member member, List<OutcomeAtLevel> assigned, RouteView route) {
    }

    public record GroupTraining(LearningUnit learningUnit, List<Member> members, int participants, int hoursPerPerson,
            double costEurPerPerson, long totalHours, double totalCostEur) {
    }

    public record BlockerView(LearningOutcome outcome, Integer level, String code, String textNl, String textEn,
            List<ReasonView> details, Double shortByEur) {
    }

    public record Plan(Team team, RoutePlan.Status status, long totalHours, double totalCostEur, long lowerBoundHours,
            double gap, List<NeedCoverageView> coverage, List<MemberRouteView> routes,
            List<GroupTraining> groupTrainings, List<BlockerView> blockers, String explanationNl,
            String explanationEn) {
    }

    private final GraphReader graph;
    private final Catalogue catalogue;
    private final Credits credits;
    private final TShapes tShapes;
    private final Profiles profiles;
    private final CatalogueSnapshots snapshots;
    private final RouteService routes;
    private final Clock clock = Clock.systemDefaultZone();

    TeamGaps(GraphReader graph, Catalogue catalogue, Credits credits, TShapes tShapes, Profiles profiles,
            CatalogueSnapshots snapshots, RouteService routes) {
        this.graph = graph;
        this.catalogue = catalogue;
        this.credits = credits;
        this.tShapes = tShapes;
        this.profiles = profiles;
        this.snapshots = snapshots;
        this.routes = routes;
    }

    /**
     * What a firm needs for the transformations at a maturity level. Levels are cumulative: a firm at
     * koploper needs what starter and gevorderd ask too. The same outcome at the same level from several
     * transformations is one need (the most people any of them asks); different levels stay separate needs.
     */
    @SuppressWarnings("unchecked")
    public List<GoalNeed> needs(List<String> transformationIds, String maturityLevelId) {
        Map<String, FrameworkConcept> concepts = new LinkedHashMap<>();
        catalogue.frameworkConcepts("TRANSFORMATION").forEach(c -> concepts.put(c.id(), c));
        catalogue.frameworkConcepts("MATURITY_LEVEL").forEach(c -> concepts.put(c.id(), c));
        Map<String, Object[]> merged = new TreeMap<>();
        for (Map<String, Object> row : graph.rows("""
                MATCH (target:MaturityLevel {id: $level})
                MATCH (r:TransformationRequirement)-[:AT_MATURITY_LEVEL]->(m:MaturityLevel)
                WHERE m.ordinal <= target.ordinal
                MATCH (r)-[:FOR_TRANSFORMATION]->(t:Transformation) WHERE t.id IN $transformations
                MATCH (r)-[:NEEDS]->(o:LearningOutcome)
                RETURN o.id AS outcome, r.level AS level, r.people AS people, t.id AS transformation, m.id AS maturity
                ORDER BY m.ordinal, t.ordinal
                """, Map.of("level", String.valueOf(maturityLevelId), "transformations", transformationIds))) {
            String outcome = (String) row.get("outcome");
            int level = ((Number) row.get("level")).intValue();
            Object[] need = merged.computeIfAbsent(outcome + "@" + level, k -> new Object[] {outcome, level, 0,
                    new LinkedHashSet<String>(), new LinkedHashSet<String>()});
            need[2] = Math.max((Integer) need[2], ((Number) row.get("people")).intValue());
            ((Set<String>) need[3]).add((String) row.get("transformation"));
            ((Set<String>) need[4]).add((String) row.get("maturity"));
        }
        Map<String, LearningOutcome> outcomes = catalogue.outcomesById(merged.values().stream()
                .map(n -> (String) n[0]).toList());
        return merged.values().stream().map(n -> new GoalNeed(outcomes.get((String) n[0]), (Integer) n[1],
                (Integer) n[2], ((Set<String>) n[3]).stream().map(concepts::get).toList(),
                ((Set<String>) n[4]).stream().map(concepts::get).toList())).toList();
    }

    public Gap gap(Team team) {
        LocalDate today = LocalDate.now(clock);
        List<GoalNeed> needs = needs(team.transformationIds(), team.maturityLevelId());
        Map<Member, Map<String, Integer>> credited = new LinkedHashMap<>();
        Map<Member, Map<String, Integer>> claimed = new LinkedHashMap<>();
        for (Member member : team.members()) {
            credited.put(member, credits.of(member.personId(), today));
            // what is asserted but not credited is claimed or out of date: an assessment step can confirm it
            Map<String, Integer> claims = new TreeMap<>();
            shared(member).evidence().forEach(e -> e.asserts()
                    .forEach(a -> claims.merge(a.outcomeId(), a.level(), Math::max)));
            claimed.put(member, claims);
        }
        List<NeedGap> gaps = new ArrayList<>();
        for (GoalNeed need : needs) {
            String id = need.outcome().id();
            List<Member> have = team.members().stream()
                    .filter(m -> credited.get(m).getOrDefault(id, 0) >= need.level()).toList();
            List<Member> claim = team.members().stream().filter(m -> !have.contains(m))
                    .filter(m -> claimed.get(m).getOrDefault(id, 0) >= need.level()).toList();
            gaps.add(new NeedGap(need, have, claim, have.size(), claim.size(),
                    team.members().size() - have.size() - claim.size(), have.size() >= need.people()));
        }
        List<TransformationCoverage> coverage = new ArrayList<>();
        for (FrameworkConcept transformation : catalogue.frameworkConcepts("TRANSFORMATION")) {
            if (!team.transformationIds().contains(transformation.id())) {
                continue;
            }
            List<NeedGap> of = gaps.stream().filter(g -> g.need().transformations().contains(transformation))
                    .toList();
            int met = (int) of.stream().filter(NeedGap::met).count();
            coverage.add(new TransformationCoverage(transformation, of.size(), met,
                    of.isEmpty() ? 1.0 : round((double) met / of.size())));
        }
        List<MemberTShape> shapes = new ArrayList<>();
        Map<String, Object[]> competencies = new TreeMap<>();
        for (Member member : team.members()) {
            TShapes.TShapeProfile shape = tShapes.of(member.personId(), today);
            shapes.add(new MemberTShape(member, shape.breadth(), shape.depth(), shape.breadthScore()));
            List<CompetencyStrength> all = new ArrayList<>(shape.breadth());
            shape.depth().forEach(d -> all.addAll(d.competencies()));
            Set<String> counted = new java.util.HashSet<>();
            for (CompetencyStrength s : all) {
                if (s.creditedOutcomes() == 0 || !counted.add(s.competency().id())) {
                    continue;
                }
                Object[] c = competencies.computeIfAbsent(s.competency().id(), k -> new Object[] {s.competency(), 0,
                        0});
                c[1] = (Integer) c[1] + 1;
                c[2] = Math.max((Integer) c[2], s.highestLevel());
            }
        }
        List<TeamCompetency> teamCompetencies = competencies.values().stream()
                .map(c -> new TeamCompetency((Competency) c[0], ((Competency) c[0]).tDimension(), (Integer) c[1],
                        (Integer) c[2]))
                .sorted(java.util.Comparator.comparing(TeamCompetency::tDimension)
                        .thenComparing(c -> -c.members()).thenComparing(c -> c.competency().id()))
                .toList();
        FrameworkConcept level = concept("MATURITY_LEVEL", team.maturityLevelId());
        long met = gaps.stream().filter(NeedGap::met).count();
        String nl = String.format("%s: %d van de %d behoeften voor %s op niveau %s zijn gedekt door erkende "
                + "leeruitkomsten van %d teamleden die gegevens delen%s.", team.name(), met, gaps.size(),
                names(team, true), level.nameNl(), team.members().size(),
                team.notSharing() > 0 ? " (" + team.notSharing() + " lid/leden delen niets en tellen niet mee)" : "");
        String en = String.format("%s: %d of the %d needs for %s at level %s are covered by credited outcomes of "
                + "the %d members who share their data%s.", team.name(), met, gaps.size(), names(team, false),
                level.nameEn(), team.members().size(),
                team.notSharing() > 0 ? " (" + team.notSharing() + " member(s) share nothing and are not counted)"
                        : "");
        return new Gap(team, level, gaps, coverage, shapes, teamCompetencies, nl, en);
    }

    /** The units that close the gap for the team at least total study hours, within the constraints. */
    public Plan plan(Team team, Long budgetCents, Constraints constraints) {
        LocalDate today = LocalDate.now(clock);
        List<GoalNeed> needs = needs(team.transformationIds(), team.maturityLevelId());
        String goal = names(team, false) + " @ " + concept("MATURITY_LEVEL", team.maturityLevelId()).nameEn();
        List<Need> coreNeeds = needs.stream().map(n -> new Need(n.outcome().id(), n.level(), n.people(), goal))
                .toList();
        List<TeamRequest.Member> members = team.members().stream()
                .map(m -> new TeamRequest.Member(m.personId(), shared(m))).toList();
        PlanRequest personal = new PlanRequest(List.of(), constraints == null ? Constraints.none() : constraints,
                today, 0, PERSON_LIMIT, 0);
        TeamPlan plan = TeamPlanner.plan(snapshots.current(), new TeamRequest(members, coreNeeds, personal,
                budgetCents, TEAM_LIMIT, 0));
        Map<String, Member> byId = new LinkedHashMap<>();
        team.members().forEach(m -> byId.put(m.personId(), m));
        Set<String> outcomeIds = new LinkedHashSet<>();
        needs.forEach(n -> outcomeIds.add(n.outcome().id()));
        Map<String, LearningOutcome> outcomes = catalogue.outcomesById(outcomeIds);
        List<NeedCoverageView> coverage = plan.coverage().stream().map(c -> new NeedCoverageView(
                new OutcomeAtLevel(outcomes.get(c.need().outcomeId()), c.need().level()), c.need().people(),
                c.credited().stream().map(byId::get).toList(), c.learners().stream().map(byId::get).toList()))
                .toList();
        List<RouteView> views = routes.views(plan.routes().stream().map(TeamPlan.MemberRoute::route).toList());
        List<MemberRouteView> memberRoutes = new ArrayList<>();
        for (int i = 0; i < plan.routes().size(); i++) {
            TeamPlan.MemberRoute r = plan.routes().get(i);
            memberRoutes.add(new MemberRouteView(byId.get(r.memberId()), r.assigned().stream()
                    .map(n -> new OutcomeAtLevel(outcomes.get(n.outcomeId()), n.level())).toList(), views.get(i)));
        }
        Map<String, LearningUnit> units = catalogue.unitsById(plan.groups().stream().map(TeamPlan.GroupUnit::unitId)
                .toList());
        List<GroupTraining> groups = plan.groups().stream().map(g -> new GroupTraining(units.get(g.unitId()),
                g.memberIds().stream().map(byId::get).toList(), g.memberIds().size(), g.hoursPerPerson(),
                euros(g.costCentsPerPerson()), (long) g.hoursPerPerson() * g.memberIds().size(),
                euros(g.costCentsPerPerson() * g.memberIds().size()))).toList();
        List<BlockerView> blockers = plan.blockers().stream().map(b -> new BlockerView(
                b.need() == null ? null : outcomes.get(b.need().outcomeId()), b.need() == null ? null : b.need().level(),
                b.code().name(), b.textNl(), b.textEn(), routes.reasons(b.details()),
                b.shortByCents() == null ? null : euros(b.shortByCents()))).toList();
        return new Plan(team, plan.status(), plan.totalHours(), euros(plan.totalCostCents()), plan.lowerBoundHours(),
                plan.gap(), coverage, memberRoutes, groups, blockers, explanation(plan, team, goal, true),
                explanation(plan, team, goal, false));
    }

    /** The member's evidence as the firm may use it: claims only when the member shares them. */
    private PersonProfile shared(Member member) {
        PersonProfile profile = profiles.of(member.personId());
        if (member.sharesClaims()) {
            return profile;
        }
        return new PersonProfile(profile.evidence().stream().filter(e -> e.status() == EvidenceStatus.VALIDATED)
                .toList());
    }

    private static String explanation(TeamPlan plan, Team team, String goal, boolean nl) {
        return switch (plan.status()) {
            case OPTIMAL, FEASIBLE -> {
                String text = nl
                        ? String.format("Teamplan voor %s: %d teamleden leren, samen %d studie-uren en EUR %.2f; "
                                + "%d onderdelen kunnen als groepstraining. ", goal, plan.routes().size(),
                                plan.totalHours(), plan.totalCostCents() / 100.0, plan.groups().size())
                        : String.format("Team plan for %s: %d members learn, %d study hours in all and EUR %.2f; "
                                + "%d units can be a group training. ", goal, plan.routes().size(), plan.totalHours(),
                                plan.totalCostCents() / 100.0, plan.groups().size());
                if (plan.status() == RoutePlan.Status.OPTIMAL) {
                    yield text + (nl ? "Bewezen: geen plan vraagt samen minder studie-uren."
                            : "Proven: no plan takes fewer study hours in all.");
                }
                yield text + (nl ? "De zoektijd was op: elk plan vraagt minstens " + plan.lowerBoundHours() + " uur."
                        : "The search ran out of time: every plan takes at least " + plan.lowerBoundHours()
                                + " hours.");
            }
            case INFEASIBLE -> (nl ? "Geen teamplan voor " + goal + " binnen deze grenzen: "
                    : "No team plan for " + goal + " within these limits: ")
                    + String.join(" ", plan.blockers().stream().map(b -> nl ? b.textNl() : b.textEn()).toList());
            case UNKNOWN -> nl ? "Binnen de zoektijd is geen teamplan gevonden; niets is bewezen."
                    : "No team plan was found within the time limit; nothing was proven.";
        };
    }

    private String names(Team team, boolean nl) {
        return String.join(" + ", catalogue.frameworkConcepts("TRANSFORMATION").stream()
                .filter(c -> team.transformationIds().contains(c.id())).map(c -> nl ? c.nameNl() : c.nameEn())
                .toList());
    }

    private FrameworkConcept concept(String scheme, String id) {
        return catalogue.frameworkConcepts(scheme).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }
}
