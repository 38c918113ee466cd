package nl.leerroute.catalogue.graphql;

import java.util.List;
import java.util.Optional;

import nl.leerroute.catalogue.Catalogue;
import nl.leerroute.catalogue.Certificate;
import nl.leerroute.catalogue.Competency;
import nl.leerroute.catalogue.FrameworkConcept;
import nl.leerroute.catalogue.Institution;
import nl.leerroute.catalogue.LabourMarketFigure;
import nl.leerroute.catalogue.LearningOutcome;
import nl.leerroute.catalogue.LearningUnit;
import nl.leerroute.catalogue.Leveled.CatalogueHit;
import nl.leerroute.catalogue.Minor;
import nl.leerroute.catalogue.Place;
import nl.leerroute.catalogue.Programme;
import nl.leerroute.catalogue.Role;
import nl.leerroute.graphql.Pages;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** Top-level catalogue queries; each translates its arguments and calls {@link Catalogue}. */
@Controller
class CatalogueQueryController {

    private final Catalogue catalogue;

    CatalogueQueryController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @QueryMapping
    List<Institution> institutions(@Argument String kind) {
        return catalogue.institutions(kind);
    }

    @QueryMapping
    Optional<Institution> institution(@Argument String id) {
        return catalogue.institution(id);
    }

    @QueryMapping
    List<Place> places() {
        return catalogue.places();
    }

    @QueryMapping
    List<Programme> programmes(@Argument String croho, @Argument String institutionId, @Argument String level,
            @Argument String mode, @Argument Integer appendix) {
        return catalogue.programmes(croho, institutionId, level, mode, appendix);
    }

    @QueryMapping
    Optional<Programme> programme(@Argument String id) {
        return catalogue.programme(id);
    }

    @QueryMapping
    List<Minor> minors(@Argument String nameContains, @Argument String institutionId, @Argument String status) {
        return catalogue.minors(nameContains, institutionId, status);
    }

    @QueryMapping
    Optional<Minor> minor(@Argument String id) {
        return catalogue.minor(id);
    }

    @QueryMapping
    Window<LearningUnit> learningUnits(@Argument String kind, @Argument String providerId, @Argument String partOfId,
            ScrollSubrange subrange) {
        return Pages.window(subrange, (offset, limit) -> catalogue.learningUnits(kind, providerId, partOfId, limit,
                offset));
    }

    @QueryMapping
    Optional<LearningUnit> learningUnit(@Argument String id) {
        return catalogue.learningUnit(id);
    }

    @QueryMapping
    Window<LearningOutcome> learningOutcomes(@Argument String competencyId, @Argument Integer eqfLevel,
            ScrollSubrange subrange) {
        return Pages.window(subrange, (offset, limit) -> catalogue.learningOutcomes(competencyId, eqfLevel, limit,
                offset));
    }

    @QueryMapping
    Optional<LearningOutcome> learningOutcome(@Argument String id) {
        return catalogue.learningOutcome(id);
    }

    @QueryMapping
    List<Competency> competencies(@Argument String kind, @Argument String tDimension) {
        return catalogue.competencies(kind, tDimension);
    }

    @QueryMapping
    Optional<Competency> competency(@Argument String id) {
        return catalogue.competency(id);
    }

    @QueryMapping
    List<FrameworkConcept> frameworkConcepts(@Argument String scheme) {
        return catalogue.frameworkConcepts(scheme);
    }

    @QueryMapping
    List<Role> roles() {
        return catalogue.roles();
    }

    @QueryMapping
    Optional<Role> role(@Argument String id) {
        return catalogue.role(id);
    }

    @QueryMapping
    List<Certificate> certificates() {
        return catalogue.certificates();
    }

    @QueryMapping
    Optional<Certificate> certificate(@Argument String id) {
        return catalogue.certificate(id);
    }

    @QueryMapping
    List<LabourMarketFigure> labourMarket(@Argument String region) {
        return catalogue.labourMarket(region);
    }

    @QueryMapping
    List<CatalogueHit> searchCatalogue(@Argument String text, @Argument int first) {
        if (first < 1 || first > 100) {
            throw new IllegalArgumentException("'first' must be between 1 and 100, got " + first);
        }
        return catalogue.search(text, first);
    }
}
