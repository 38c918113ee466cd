package nl.leerroute.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.leerroute.LeerrouteIntegrationTest;
import nl.leerroute.routes.Targets.Goal;
import nl.leerroute.routes.planner.CatalogueSnapshot;
import nl.leerroute.routes.planner.CatalogueSnapshot.Alternative;
import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeAlternative;
import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeLevel;
import nl.leerroute.routes.planner.CatalogueSnapshot.RequirementGroup;
import nl.leerroute.routes.planner.CatalogueSnapshot.Unit;
import nl.leerroute.routes.planner.CatalogueSnapshot.UnitAlternative;
import nl.leerroute.routes.planner.PersonProfile;
import nl.leerroute.routes.planner.PlanRequest;
import nl.leerroute.routes.planner.PlanRequest.Constraints;
import nl.leerroute.routes.planner.PlanRequest.Target;
import nl.leerroute.routes.planner.RoutePlan;
import nl.leerroute.routes.planner.RoutePlanner;
import nl.leerroute.seed.SeedFixtures;
import nl.leerroute.seed.SeedImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Routes on the shipped seed's catalogue and demo people, checked independently of the planner. */
@LeerrouteIntegrationTest
class RoutePlanningIntegrationTest {

    static final LocalDate TODAY = LocalDate.of(2027, 1, 4);
    static final String TECHNICIAN = "p-marco-dijkstra";
    static final String MAINTENANCE_ROLE = "role-smart-maintenance-technician";

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Driver driver;

    @Autowired
    CatalogueSnapshots snapshots;

    @Autowired
    Profiles profiles;

    @Autowired
    Targets targets;

    @Autowired
    SeedImporter importer;

    @TempDir
    Path directory;

    List<Record> cypher(String query, Map<String, Object> parameters) {
        return driver.executableQuery(query).withParameters(parameters).execute().records();
    }

    /** Outcome levels credited by current validated evidence, computed from the graph without the planner. */
    Map<String, Integer> creditedFromGraph(String personId) {
        Map<String, Integer> credited = new HashMap<>();
        for (Record r : cypher("""
                MATCH (:Person {id: $id})-[:HAS_EVIDENCE]->(e:Evidence {status: 'VALIDATED'})-[a:ASSERTS]->(o)
                WHERE e.to IS NULL OR (e.to <= $today AND (o.shelfLifeYears IS NULL
                      OR e.to + duration({years: o.shelfLifeYears}) > $today))
                RETURN o.id AS outcome, max(a.level) AS level
                """, Map.of("id", personId, "today", TODAY))) {
            credited.put(r.get("outcome").asString(), r.get("level").asInt());
        }
        return credited;
    }

    Set<String> completedUnits(String personId) {
        Set<String> units = new HashSet<>();
        cypher("MATCH (:Person {id: $id})-[:HAS_EVIDENCE]->(e:Evidence {status: 'VALIDATED'})-[:OF_UNIT]->(u) "
                + "RETURN u.id AS id", Map.of("id", personId)).forEach(r -> units.add(r.get("id").asString()));
        return units;
    }

    /** Checks a route step by step: requirements met in order, targets covered, totals right. */
    void assertValidRoute(CatalogueSnapshot catalogue, String personId, List<Target> goal, RoutePlan.Route route) {
        Map<String, Integer> level = new HashMap<>(creditedFromGraph(personId));
        Set<String> done = completedUnits(personId);
        LocalDate previousFinish = TODAY;
        long hours = 0;
        for (RoutePlan.Step step : route.steps()) {
            Unit unit = catalogue.unit(step.unitId());
            assertThat(unit).as("unit %s", step.unitId()).isNotNull();
            for (RequirementGroup group : unit.requires()) {
                boolean met = false;
                for (Alternative alternative : group.anyOf()) {
                    met |= alternative instanceof OutcomeAlternative o
                            ? level.getOrDefault(o.outcomeId(), 0) >= o.minLevel()
                            : done.contains(((UnitAlternative) alternative).unitId());
                }
                assertThat(met).as("%s: entry requirement %s of %s", personId, group, unit.id()).isTrue();
            }
            assertThat(step.start()).as("%s starts after the previous step", unit.id()).isAfterOrEqualTo(previousFinish);
            assertThat(unit.startMoments().isEmpty() || unit.startMoments().contains(step.start())).isTrue();
            for (OutcomeLevel y : unit.yields()) {
                level.merge(y.outcomeId(), y.level(), Math::max);
            }
            done.add(unit.id());
            hours += unit.hours();
            previousFinish = step.finish();
        }
        for (Target target : goal) {
            assertThat(level.getOrDefault(target.outcomeId(), 0)).as("%s: target %s", personId, target)
                    .isGreaterThanOrEqualTo(target.minLevel());
        }
        assertThat(route.totals().hours()).isEqualTo(hours);
    }

    @Test
    void shouldPlanAValidRouteForEveryGoalOfEveryDemoPerson() {
        CatalogueSnapshot catalogue = snapshots.current();
        List<Record> goals = cypher("MATCH (p:Person)-[:HAS_GOAL]->(g) RETURN p.id AS person, g.id AS goal, "
                + "labels(g)[0] AS kind ORDER BY person, goal", Map.of());
        assertThat(goals).hasSizeGreaterThanOrEqualTo(5);
        int optimal = 0;
        for (Record g : goals) {
            String kind = g.get("kind").asString();
            String id = g.get("goal").asString();
            Goal goal = new Goal(null, kind.equals("Certificate") ? id : null, kind.equals("Programme") ? id : null,
                    null, null, kind.equals("Role") ? id : null, null, null);
            List<Target> goalTargets = targets.resolve(goal);
            PersonProfile profile = profiles.of(g.get("person").asString());
            RoutePlan plan = RoutePlanner.plan(catalogue, profile, new PlanRequest(goalTargets, Constraints.none(),
                    TODAY, 1, java.time.Duration.ofSeconds(20), 0));
            if (plan.status() == RoutePlan.Status.INFEASIBLE) {
                assertThat(plan.reasons()).as("reasons for %s", id).isNotEmpty();
                continue;
            }
            assertThat(plan.status()).as("%s -> %s", g.get("person"), id).isEqualTo(RoutePlan.Status.OPTIMAL);
            optimal++;
            assertValidRoute(catalogue, g.get("person").asString(), goalTargets, plan.best());
            for (RoutePlan.Route alternative : plan.alternatives()) {
                assertValidRoute(catalogue, g.get("person").asString(), goalTargets, alternative);
                assertThat(alternative.totals().hours()).isGreaterThanOrEqualTo(plan.best().totals().hours());
            }
        }
        assertThat(optimal).isGreaterThan(goals.size() / 2);
    }

    @Test
    void shouldCreditTheTechniciansValidatedOutcomesAndNeedFewerHoursThanANewcomer() {
        GraphQlTester.Response technician = graphQl.documentName("planRouteForPerson")
                .variable("personId", TECHNICIAN).variable("roleId", MAINTENANCE_ROLE).execute();
        GraphQlTester.Response newcomer = graphQl.documentName("planRouteForPerson")
                .variable("profile", List.of()).variable("roleId", MAINTENANCE_ROLE).execute();
        technician.path("planRoute.status").entity(String.class).isEqualTo("OPTIMAL");
        newcomer.path("planRoute.status").entity(String.class).isEqualTo("OPTIMAL");
        int technicianHours = technician.path("planRoute.best.totalHours").entity(Integer.class).get();
        int newcomerHours = newcomer.path("planRoute.best.totalHours").entity(Integer.class).get();
        assertThat(technicianHours).isLessThan(newcomerHours);

        Set<String> technicianEvidence = new HashSet<>();
        cypher("MATCH (:Person {id: $id})-[:HAS_EVIDENCE]->(e) RETURN e.id AS id", Map.of("id", TECHNICIAN))
                .forEach(r -> technicianEvidence.add(r.get("id").asString()));
        List<String> credited = technician.path("planRoute.credits[*].evidenceIds[*]").entityList(String.class).get();
        assertThat(credited).isNotEmpty().allMatch(technicianEvidence::contains);
        newcomer.path("planRoute.credits").entityList(Object.class).hasSize(0);
        technician.path("planRoute.explanationNl").entity(String.class)
                .satisfies(text -> assertThat(text).contains("studie-uren").contains("Bewezen"));
        technician.path("planRoute.best.steps[*].pulledInBy[*].description").entityList(String.class)
                .satisfies(reasons -> assertThat(reasons).isNotEmpty());
    }

    @Test
    void shouldOfferGenuinelyDifferentAlternatives() {
        GraphQlTester.Response response = graphQl.documentName("planRouteForPerson").variable("profile", List.of())
                .variable("roleId", MAINTENANCE_ROLE).variable("alternatives", 2).execute();
        int best = response.path("planRoute.best.totalHours").entity(Integer.class).get();
        response.path("planRoute.alternatives[*].totalHours").entityList(Integer.class)
                .satisfies(hours -> assertThat(hours).allMatch(h -> h >= best));
    }

    @Test
    void shouldSayWhyAnOutcomeAboveWhatIsTaughtCannotBeReached() {
        Record outcome = cypher("MATCH (o:LearningOutcome) OPTIONAL MATCH (:LearningUnit)-[y:YIELDS]->(o) "
                + "WITH o, coalesce(max(y.level), 0) AS taught WHERE taught < 8 "
                + "RETURN o.id AS id, taught ORDER BY o.id LIMIT 1", Map.of()).get(0);
        GraphQlTester.Response response = graphQl.documentName("planRouteToOutcome")
                .variable("outcomeId", outcome.get("id").asString()).variable("level", 8).execute();
        response.path("planRoute.status").entity(String.class).isEqualTo("INFEASIBLE");
        response.path("planRoute.infeasibility[0].code").entity(String.class).isEqualTo("NOT_TAUGHT");
        response.path("planRoute.infeasibility[0].outcome.id").entity(String.class)
                .isEqualTo(outcome.get("id").asString());
        response.path("planRoute.infeasibility[0].textNl").entity(String.class)
                .satisfies(text -> assertThat(text).isNotBlank());
    }

    @Test
    void shouldSayByHowMuchTheBudgetIsShort() {
        GraphQlTester.Response response = graphQl.documentName("planRouteForPerson").variable("profile", List.of())
                .variable("roleId", MAINTENANCE_ROLE).variable("budget", 1.0).execute();
        response.path("planRoute.status").entity(String.class).isEqualTo("INFEASIBLE");
        response.path("planRoute.infeasibility[*].code").entityList(String.class).contains("BUDGET_TOO_TIGHT");
        response.path("planRoute.infeasibility[*].shortByEur").entityList(Double.class)
                .satisfies(shorts -> assertThat(shorts).anyMatch(s -> s != null && s > 0));
    }

    @Test
    void shouldCompareWhatIfVariantsSideBySide() {
        GraphQlTester.Response response = graphQl.documentName("compareBudgets").variable("personId", TECHNICIAN)
                .variable("roleId", MAINTENANCE_ROLE).execute();
        response.path("compareRoutes[*].label").entityList(String.class)
                .containsExactly("no limits", "online only", "8 hours a week");
        String unlimitedFinish = response.path("compareRoutes[0].best.finish").entity(String.class).get();
        response.path("compareRoutes[2].best.finish").entity(String.class)
                .satisfies(finish -> assertThat(LocalDate.parse(finish)).isAfterOrEqualTo(LocalDate.parse(unlimitedFinish)));
    }

    @Test
    void shouldTellAPersonWhatToLearnNextForEachSavedGoal() {
        long goals = cypher("MATCH (:Person {id: $id})-[:HAS_GOAL]->(g) RETURN count(g) AS c",
                Map.of("id", TECHNICIAN)).get(0).get("c").asLong();
        GraphQlTester.Response response = graphQl.documentName("nextSteps").variable("personId", TECHNICIAN).execute();
        response.path("nextSteps").entityList(Object.class).hasSize((int) goals);
        response.path("nextSteps[0].steps").entityList(Object.class)
                .satisfies(steps -> assertThat(steps.size()).isBetween(1, 2));
    }

    @Test
    void shouldRefuseAnUnknownPersonByName() {
        graphQl.documentName("planRouteForPerson").variable("personId", "nobody").variable("roleId", MAINTENANCE_ROLE)
                .execute().errors().expect(e -> e.getMessage().contains("no person with id 'nobody'")).verify();
    }

    @Test
    void shouldPlanOnTheNewCatalogueAfterTheSeedChanged() {
        RoutePlan before = planForTechnician();
        String firstUnit = before.best().steps().get(0).unitId();
        try {
            SeedFixtures.copyOfShippedSeed(directory);
            SeedFixtures.replaceCell(directory, "units.csv",
                    SeedFixtures.lineContaining(directory, "units.csv", firstUnit + ","), "cost_eur", "0");
            importer.importSeed(directory, false);
            assertThat(snapshots.current().unit(firstUnit).costCents()).isZero();
        } finally {
            importer.importSeed(SeedFixtures.SHIPPED, false);
        }
        assertThat(snapshots.current().unit(firstUnit).costCents())
                .isEqualTo(before.best().steps().get(0).costCents());
    }

    private RoutePlan planForTechnician() {
        List<Target> goal = targets.resolve(new Goal(null, null, null, null, null, MAINTENANCE_ROLE, null, null));
        return RoutePlanner.plan(snapshots.current(), profiles.of(TECHNICIAN),
                new PlanRequest(goal, Constraints.none(), TODAY, 0, java.time.Duration.ofSeconds(20), 0));
    }
}
