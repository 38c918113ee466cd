package nl.leerroute.routes.planner;

import static nl.leerroute.routes.planner.Fixtures.TODAY;
import static nl.leerroute.routes.planner.Fixtures.catalogue;
import static nl.leerroute.routes.planner.Fixtures.module;
import static nl.leerroute.routes.planner.Fixtures.needs;
import static nl.leerroute.routes.planner.Fixtures.requiring;
import static nl.leerroute.routes.planner.Fixtures.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeLevel;
import nl.leerroute.routes.planner.CatalogueSnapshot.UnitKind;
import nl.leerroute.routes.planner.PersonProfile.Evidence;
import nl.leerroute.routes.planner.PersonProfile.EvidenceStatus;
import nl.leerroute.routes.planner.RoutePlan.Status;

class CreditingTest {

    // A@3 is taught by a 100-hour module; an assessment of A@3 takes 4 hours
    private final CatalogueSnapshot cat = catalogue(List.of("A", "B"), 3, module("M-A", 100, 900, "A", 3),
            unit("EVC-A", UnitKind.ASSESSMENT, 4, 150, List.of(new OutcomeLevel("A", 3)), List.of()),
            module("M-B", 40, 300, "B", 2));

    private static PersonProfile person(EvidenceStatus status, java.time.LocalDate obtained, int level) {
        return PersonProfile.of(new Evidence("E1", "diploma", status, obtained, List.of(new OutcomeLevel("A", level))));
    }

    private RoutePlan plan(PersonProfile p) {
        return RoutePlanner.plan(cat, p, PlanRequest.builder(TODAY).target("A", 3, "certificate X").build());
    }

    @Test
    void validatedAtOrAboveTheLevelCredits() {
        RoutePlan plan = plan(person(EvidenceStatus.VALIDATED, TODAY.minusYears(1), 4));
        assertEquals(Status.OPTIMAL, plan.status());
        assertTrue(plan.best().steps().isEmpty());
        assertEquals(1, plan.credits().size());
        assertEquals("A", plan.credits().get(0).outcomeId());
        assertEquals(4, plan.credits().get(0).level());
        assertEquals(List.of("E1"), plan.credits().get(0).evidenceIds());
        assertTrue(plan.credits().get(0).usedFor().contains("certificate X"));
    }

    @Test
    void validatedBelowTheLevelDoesNotCredit() {
        RoutePlan plan = plan(person(EvidenceStatus.VALIDATED, TODAY.minusYears(1), 2));
        assertEquals(List.of("M-A"), plan.best().unitIds());
        assertTrue(plan.credits().isEmpty());
    }

    @Test
    void shelfLifeExpiresEvidenceAtExactlyItsAge() {
        // shelf life 3 years: 3 years minus a day is current, exactly 3 years is stale
        assertTrue(plan(person(EvidenceStatus.VALIDATED, TODAY.minusYears(3).plusDays(1), 3)).best().steps().isEmpty());
        RoutePlan stale = plan(person(EvidenceStatus.VALIDATED, TODAY.minusYears(3), 3));
        // stale validated evidence works like a claim: the assessment is the cheap way back
        assertEquals(List.of("EVC-A"), stale.best().unitIds());
    }

    @Test
    void undatedEvidenceIsCurrentAndFutureEvidenceIsNot() {
        assertTrue(plan(person(EvidenceStatus.VALIDATED, null, 3)).best().steps().isEmpty());
        assertEquals(List.of("M-A"), plan(person(EvidenceStatus.VALIDATED, TODAY.plusDays(1), 3)).best().unitIds());
    }

    @Test
    void claimedEvidenceCreditsNothingButOpensTheAssessmentStep() {
        RoutePlan plan = plan(person(EvidenceStatus.CLAIMED, TODAY.minusYears(10), 3));
        assertTrue(plan.credits().isEmpty());
        assertEquals(List.of("EVC-A"), plan.best().unitIds());
        assertEquals(UnitKind.ASSESSMENT, plan.best().steps().get(0).kind());
        assertEquals(List.of(new OutcomeLevel("A", 3)), plan.best().steps().get(0).newlyCovers());
    }

    @Test
    void assessmentNeedsAClaimAtTheLevelItCertifies() {
        // claimed at 2 only: the assessment of A@3 is not usable
        assertEquals(List.of("M-A"), plan(person(EvidenceStatus.CLAIMED, null, 2)).best().unitIds());
        // without any claim it is not usable either
        assertEquals(List.of("M-A"), plan(PersonProfile.of()).best().unitIds());
    }

    @Test
    void assessmentCoveringAnUnclaimedOutcomeIsNotUsable() {
        CatalogueSnapshot c = catalogue(List.of("A", "B"), null, module("M-A", 100, 900, "A", 3),
                unit("EVC-AB", UnitKind.ASSESSMENT, 4, 150,
                        List.of(new OutcomeLevel("A", 3), new OutcomeLevel("B", 2)), List.of()));
        PersonProfile claimsA = person(EvidenceStatus.CLAIMED, null, 3);
        RoutePlan plan = RoutePlanner.plan(c, claimsA, PlanRequest.builder(TODAY).target("A", 3).build());
        assertEquals(List.of("M-A"), plan.best().unitIds());
    }

    @Test
    void creditsMeetEntryRequirementsAndAreReported() {
        CatalogueSnapshot c = catalogue(List.of("A", "B"), null,
                requiring(module("M-B", 40, 300, "B", 2), needs("A", 2)), module("M-A", 100, 900, "A", 3));
        RoutePlan plan = RoutePlanner.plan(c, person(EvidenceStatus.VALIDATED, null, 2),
                PlanRequest.builder(TODAY).target("B", 2).build());
        assertEquals(List.of("M-B"), plan.best().unitIds());
        assertEquals(1, plan.credits().size());
        assertEquals("entry requirement of M-B", plan.credits().get(0).usedFor());
        assertEquals(List.of("E1"), plan.credits().get(0).evidenceIds());
    }

    @Test
    void completedUnitMeetsAUnitRequirement() {
        CatalogueSnapshot c = catalogue(List.of("A", "B"), null, module("M-A", 100, 900, "A", 3),
                requiring(module("M-B", 40, 300, "B", 2), new CatalogueSnapshot.UnitAlternative("M-A")));
        PersonProfile done = PersonProfile.of(new Evidence("E9", "completed M-A", EvidenceStatus.VALIDATED,
                TODAY.minusYears(20), List.of(), "M-A"));
        assertEquals(List.of("M-B"), RoutePlanner.plan(c, done, PlanRequest.builder(TODAY).target("B", 2).build())
                .best().unitIds());
        assertEquals(List.of("M-A", "M-B"),
                RoutePlanner.plan(c, PersonProfile.of(), PlanRequest.builder(TODAY).target("B", 2).build())
                        .best().unitIds());
    }
}
