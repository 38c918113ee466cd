package nl.leerroute.institution.graphql;

import java.util.List;

import nl.leerroute.catalogue.Leveled.UnitAtLevel;
import nl.leerroute.institution.CatalogueInsights;
import nl.leerroute.institution.UncoveredOutcome;
import nl.leerroute.institution.UnitOverlap;
import nl.leerroute.graphql.Pages;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** The institution queries; each calls {@link CatalogueInsights}. */
@Controller
class InstitutionQueryController {

    private final CatalogueInsights insights;

    InstitutionQueryController(CatalogueInsights insights) {
        this.insights = insights;
    }

    @QueryMapping
    Window<UnitAtLevel> modulesCoveringOutcome(@Argument String outcomeId, @Argument Integer minLevel,
            ScrollSubrange subrange) {
        return Pages.window(subrange, (offset, limit) -> slice(insights.modulesCoveringOutcome(outcomeId, minLevel),
                offset, limit));
    }

    @QueryMapping
    Window<UncoveredOutcome> uncoveredOutcomes(ScrollSubrange subrange) {
        return Pages.window(subrange, (offset, limit) -> slice(insights.uncoveredOutcomes(offset + limit), offset,
                limit));
    }

    @QueryMapping
    Window<UnitOverlap> catalogueOverlap(@Argument String institutionId, ScrollSubrange subrange) {
        return Pages.window(subrange, (offset, limit) -> slice(insights.catalogueOverlap(institutionId), offset,
                limit));
    }

    private static <T> List<T> slice(List<T> all, int offset, int limit) {
        return all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
    }
}
