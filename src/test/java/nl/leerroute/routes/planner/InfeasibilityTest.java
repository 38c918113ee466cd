package nl.leerroute.routes.planner;

import static nl.leerroute.routes.planner.Fixtures.TODAY;
import static nl.leerroute.routes.planner.Fixtures.catalogue;
import static nl.leerroute.routes.planner.Fixtures.module;
import static nl.leerroute.routes.planner.Fixtures.needs;
import static nl.leerroute.routes.planner.Fixtures.requiring;
import static nl.leerroute.routes.planner.Fixtures.withProvider;
import static nl.leerroute.routes.planner.Fixtures.withStarts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.leerroute.routes.planner.RoutePlan.Infeasibility;
import nl.leerroute.routes.planner.RoutePlan.ReasonCode;
import nl.leerroute.routes.planner.RoutePlan.Status;

class InfeasibilityTest {

    private static Infeasibility only(RoutePlan plan) {
        assertEquals(Status.INFEASIBLE, plan.status());
        assertNull(plan.best());
        assertEquals(1, plan.reasons().size(), plan.reasons().toString());
        return plan.reasons().get(0);
    }

    @Test
    void nothingTeachesItAtThatLevel() {
        CatalogueSnapshot c = catalogue(List.of("A", "B"), null, module("M-A", 10, 100, "A", 3));
        Infeasibility r = only(RoutePlanner.plan(c, PersonProfile.of(),
                PlanRequest.builder(TODAY).target("A", 5).build()));
        assertEquals(ReasonCode.NOT_TAUGHT, r.code());
        assertEquals("A", r.outcomeId());
        assertTrue(r.textEn().contains("highest level taught is 3"), r.textEn());
        assertTrue(r.textNl().contains("hoogste niveau"), r.textNl());
        Infeasibility b = only(RoutePlanner.plan(c, PersonProfile.of(),
                PlanRequest.builder(TODAY).target("B", 1).build()));
        assertEquals(ReasonCode.NOT_TAUGHT, b.code());
    }

    @Test
    void allTeachersExcludedNamesEachConstraint() {
        CatalogueSnapshot c = catalogue(List.of("A"), null,
                withProvider(module("M1", 10, 100, "A", 3), "ROC", "online", "en"),
                withProvider(module("M2", 20, 100, "A", 3), "HAN", "full-time", "nl"),
                withProvider(module("M3", 30, 100, "A", 3), "FON", "online", "nl"));
        Infeasibility r = only(RoutePlanner.plan(c, PersonProfile.of(), PlanRequest.builder(TODAY).target("A", 3)
                .languages("nl").modes("online").excludedProviders("FON").build()));
        assertEquals(ReasonCode.ALL_EXCLUDED, r.code());
        assertEquals(List.of("M1", "M2", "M3"), r.unitIds());
        assertTrue(r.textEn().contains("M1 because its language is not allowed"), r.textEn());
        assertTrue(r.textEn().contains("M2 because its delivery mode is not allowed"), r.textEn());
        assertTrue(r.textEn().contains("M3 because its provider is excluded"), r.textEn());
        assertTrue(r.textNl().contains("M1 omdat de taal niet is toegestaan"), r.textNl());
    }

    @Test
    void prerequisiteCycleWithNoWayInIsUnreachable() {
        // X needs what Y teaches and Y needs what X teaches: a model that only selects units would take both
        CatalogueSnapshot c = catalogue(List.of("A", "B", "T"), null,
                requiring(module("X", 10, 100, "A", 3), needs("B", 2)),
                requiring(module("Y", 10, 100, "B", 3), needs("A", 2)),
                requiring(module("Z", 10, 100, "T", 3), needs("A", 3)));
        Infeasibility r = only(RoutePlanner.plan(c, PersonProfile.of(), PlanRequest.builder(TODAY).target("T", 3).build()));
        assertEquals(ReasonCode.PREREQUISITES_UNREACHABLE, r.code());
        assertTrue(r.textEn().contains("Z needs A@3"), r.textEn());
    }

    @Test
    void cycleWithAWayInIsFine() {
        CatalogueSnapshot c = catalogue(List.of("A", "B", "T"), null,
                requiring(module("X", 10, 100, "A", 3), needs("B", 2)),
                requiring(module("Y", 10, 100, "B", 3), needs("A", 2)),
                module("W", 50, 100, "B", 2),
                requiring(module("Z", 10, 100, "T", 3), needs("A", 3)));
        RoutePlan plan = RoutePlanner.plan(c, PersonProfile.of(), PlanRequest.builder(TODAY).target("T", 3).build());
        assertEquals(Status.OPTIMAL, plan.status());
        assertEquals(List.of("W", "X", "Z"), plan.best().unitIds());
        assertEquals("entry requirement of X: B@2", plan.best().steps().get(0).pulledInBy().get(0).describe());
    }

    @Test
    void budgetTooTightSaysByHowMuch() {
        CatalogueSnapshot c = catalogue(List.of("A", "B"), null, module("M-A", 10, 600, "A", 3),
                module("M-A2", 30, 450, "A", 3), module("M-B", 10, 400, "B", 3));
        // each alone fits 1000, together they need at least 850: budget 700 is short by EUR 150
        Infeasibility r = only(RoutePlanner.plan(c, PersonProfile.of(),
                PlanRequest.builder(TODAY).target("A", 3).target("B", 3).budgetEur(700).build()));
        assertEquals(ReasonCode.BUDGET_TOO_TIGHT, r.code());
        assertNull(r.outcomeId());
        assertEquals(15_000L, r.shortByCents());
        assertTrue(r.textEn().contains("short by EUR 150.00"), r.textEn());
        assertTrue(r.textNl().contains("een tekort van EUR 150.00"), r.textNl());
        // an outcome that alone does not fit is named
        Infeasibility alone = only(RoutePlanner.plan(c, PersonProfile.of(),
                PlanRequest.builder(TODAY).target("A", 3).target("B", 3).budgetEur(420).build()));
        assertEquals("A", alone.outcomeId());
        assertEquals(3_000L, alone.shortByCents());
    }

    @Test
    void deadlineTooTightSaysByHowMuch() {
        // 10 weeks then 4 weeks, any day: earliest finish is 98 days after the start
        CatalogueSnapshot c = catalogue(List.of("A", "B"), null,
                withStarts(module("M-A", 10, 100, "A", 3), 10),
                withStarts(requiring(module("M-B", 10, 100, "B", 3), needs("A", 3)), 4));
        Infeasibility r = only(RoutePlanner.plan(c, PersonProfile.of(),
                PlanRequest.builder(TODAY).target("B", 3).deadline(TODAY.plusDays(90)).build()));
        assertEquals(ReasonCode.DEADLINE_TOO_TIGHT, r.code());
        assertEquals("B", r.outcomeId());
        assertEquals(8L, r.lateByDays());
        assertTrue(r.textEn().contains("8 days after the deadline"), r.textEn());
        assertTrue(r.textNl().contains("8 dagen na de deadline"), r.textNl());
    }

    @Test
    void startMomentsThatCannotAllBeMet() {
        // M-B only starts today, but needs M-A first
        CatalogueSnapshot c = catalogue(List.of("A", "B"), null, withStarts(module("M-A", 10, 100, "A", 3), 2),
                withStarts(requiring(module("M-B", 10, 100, "B", 3), needs("A", 3)), 2, TODAY));
        Infeasibility r = only(RoutePlanner.plan(c, PersonProfile.of(), PlanRequest.builder(TODAY).target("B", 3).build()));
        assertEquals(ReasonCode.START_MOMENTS_MISSED, r.code());
    }
}
