package nl.leerroute.institution.graphql;

import java.util.List;

import nl.leerroute.catalogue.Leveled.UnitAtLevel;
import nl.leerroute.institution.CatalogueInsights;
import nl.leerroute.institution.UncoveredOutcome;
import nl.leerroute.institution.UnitOverlap;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The institution queries; each calls {@link CatalogueInsights}. */
@Controller
class InstitutionQueryController {

    private final CatalogueInsights insights;

    InstitutionQueryController(CatalogueInsights insights) {
        this.insights = insights;
    }

    @QueryMapping
    List<UnitAtLevel> modulesCoveringOutcome(@Argument String outcomeId, @Argument Integer minLevel) {
        return insights.modulesCoveringOutcome(outcomeId, minLevel);
    }

    @QueryMapping
    List<UncoveredOutcome> uncoveredOutcomes(@Argument int first) {
        return insights.uncoveredOutcomes(first);
    }

    @QueryMapping
    List<UnitOverlap> catalogueOverlap(@Argument String institutionId) {
        return insights.catalogueOverlap(institutionId);
    }
}
