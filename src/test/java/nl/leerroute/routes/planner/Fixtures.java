package nl.leerroute.routes.planner;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.leerroute.routes.planner.CatalogueSnapshot.Alternative;
import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeAlternative;
import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeLevel;
import nl.leerroute.routes.planner.CatalogueSnapshot.RequirementGroup;
import nl.leerroute.routes.planner.CatalogueSnapshot.Unit;
import nl.leerroute.routes.planner.CatalogueSnapshot.UnitKind;

/** Small hand-made catalogues for the rule tests. */
final class Fixtures {

    static final LocalDate TODAY = LocalDate.of(2026, 9, 1);

    /** A module that teaches one outcome at a level, any day, no requirements. */
    static Unit module(String id, int hours, long euros, String outcome, int level) {
        return unit(id, UnitKind.MODULE, hours, euros, List.of(new OutcomeLevel(outcome, level)), List.of());
    }

    static Unit unit(String id, UnitKind kind, int hours, long euros, List<OutcomeLevel> yields,
            List<RequirementGroup> requires) {
        return new Unit(id, kind, hours, euros * 100, 1, "online", null, "nl", "P1", List.of(), yields, requires);
    }

    static Unit withProvider(Unit u, String provider, String mode, String language) {
        return new Unit(u.id(), u.kind(), u.hours(), u.costCents(), u.durationWeeks(), mode, u.place(), language,
                provider, u.startMoments(), u.yields(), u.requires());
    }

    static Unit withStarts(Unit u, int durationWeeks, LocalDate... starts) {
        return new Unit(u.id(), u.kind(), u.hours(), u.costCents(), durationWeeks, u.mode(), u.place(),
                u.language(), u.providerId(), List.of(starts), u.yields(), u.requires());
    }

    static Unit requiring(Unit u, Alternative... anyOf) {
        List<RequirementGroup> req = new ArrayList<>(u.requires());
        req.add(new RequirementGroup(List.of(anyOf)));
        return new Unit(u.id(), u.kind(), u.hours(), u.costCents(), u.durationWeeks(), u.mode(), u.place(),
                u.language(), u.providerId(), u.startMoments(), u.yields(), req);
    }

    static OutcomeAlternative needs(String outcome, int level) {
        return new OutcomeAlternative(outcome, level);
    }

    static CatalogueSnapshot catalogue(List<String> outcomes, Integer shelfLife, Unit... units) {
        CatalogueSnapshot.Builder b = CatalogueSnapshot.builder();
        outcomes.forEach(o -> b.outcome(o, shelfLife));
        for (Unit u : units) {
            b.unit(u);
        }
        return b.build();
    }
}
