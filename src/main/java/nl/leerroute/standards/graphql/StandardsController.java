package nl.leerroute.standards.graphql;

import nl.leerroute.catalogue.LearningOutcome;
import nl.leerroute.catalogue.Leveled.OutcomeAtLevel;
import nl.leerroute.standards.Eqf;
import nl.leerroute.standards.EscoConcepts;
import nl.leerroute.standards.EscoConcepts.EscoConcept;
import nl.leerroute.standards.OoapiImporter;
import nl.leerroute.standards.OoapiImporter.ImportReport;
import nl.leerroute.standards.OpenBadges;
import nl.leerroute.standards.OpenBadges.Export;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The standards: OOAPI import, Open Badges export, ESCO lookup and EQF URIs. */
@Controller
class StandardsController {

    /** The input of importOoapiCatalogue. */
    record ImportOoapiCatalogueInput(String institutionId, String document, Boolean dryRun) {
    }

    private final EscoConcepts esco;
    private final OpenBadges badges;
    private final OoapiImporter importer;

    StandardsController(EscoConcepts esco, OpenBadges badges, OoapiImporter importer) {
        this.esco = esco;
        this.badges = badges;
        this.importer = importer;
    }

    @QueryMapping
    EscoConcept escoConcept(@Argument String uri) {
        return esco.lookup(uri);
    }

    @QueryMapping
    Export certificateBadge(@Argument String personId, @Argument String certificateId) {
        return badges.export(personId, certificateId);
    }

    @MutationMapping
    ImportReport importOoapiCatalogue(@Argument ImportOoapiCatalogueInput input) {
        return importer.importDocument(input.institutionId(), input.document(), Boolean.TRUE.equals(input.dryRun()));
    }

    @SchemaMapping(typeName = "LearningOutcome", field = "eqfUri")
    String outcomeEqfUri(LearningOutcome outcome) {
        return Eqf.uri(outcome.eqfLevel());
    }

    @SchemaMapping(typeName = "OutcomeAtLevel", field = "eqfUri")
    String levelEqfUri(OutcomeAtLevel outcomeAtLevel) {
        return Eqf.uri(outcomeAtLevel.level());
    }
}
