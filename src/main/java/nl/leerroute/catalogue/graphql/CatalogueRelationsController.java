package nl.leerroute.catalogue.graphql;

import java.util.List;
import java.util.Map;

import nl.leerroute.catalogue.Catalogue;
import nl.leerroute.catalogue.Certificate;
import nl.leerroute.catalogue.Competency;
import nl.leerroute.catalogue.FrameworkConcept;
import nl.leerroute.catalogue.Institution;
import nl.leerroute.catalogue.LearningOutcome;
import nl.leerroute.catalogue.LearningUnit;
import nl.leerroute.catalogue.Leveled.OutcomeAtLevel;
import nl.leerroute.catalogue.Leveled.RequirementGroup;
import nl.leerroute.catalogue.Leveled.UnitAtLevel;
import nl.leerroute.catalogue.Minor;
import nl.leerroute.catalogue.Place;
import nl.leerroute.catalogue.Programme;
import nl.leerroute.catalogue.Role;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** Relations between catalogue types, each one query per list of parents (no N+1). */
@Controller
class CatalogueRelationsController {

    private final Catalogue catalogue;

    CatalogueRelationsController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @BatchMapping(typeName = "Institution", field = "places")
    Map<Institution, List<Place>> institutionPlaces(List<Institution> institutions) {
        return catalogue.placesOf(institutions);
    }

    @BatchMapping(typeName = "Institution", field = "parent")
    Map<Institution, Institution> institutionParent(List<Institution> institutions) {
        return catalogue.institutionOf(institutions, Institution::id, "Institution", "PART_OF");
    }

    @BatchMapping(typeName = "Institution", field = "programmes")
    Map<Institution, List<Programme>> institutionProgrammes(List<Institution> institutions) {
        return catalogue.programmesOf(institutions);
    }

    @BatchMapping(typeName = "Institution", field = "minors")
    Map<Institution, List<Minor>> institutionMinors(List<Institution> institutions) {
        return catalogue.minorsOf(institutions);
    }

    @BatchMapping(typeName = "Institution", field = "learningUnits")
    Map<Institution, List<LearningUnit>> institutionUnits(List<Institution> institutions) {
        return catalogue.unitsProvidedBy(institutions);
    }

    @BatchMapping(typeName = "Programme", field = "institution")
    Map<Programme, Institution> programmeInstitution(List<Programme> programmes) {
        return catalogue.institutionOf(programmes, Programme::id, "Programme", "OFFERED_BY");
    }

    @BatchMapping(typeName = "Programme", field = "place")
    Map<Programme, Place> programmePlace(List<Programme> programmes) {
        return catalogue.placeOf(programmes, Programme::id, "Programme");
    }

    @BatchMapping(typeName = "Programme", field = "outcomes")
    Map<Programme, List<OutcomeAtLevel>> programmeOutcomes(List<Programme> programmes) {
        return catalogue.outcomesAtLevel(programmes, Programme::id, "Programme", "REQUIRES");
    }

    @BatchMapping(typeName = "Programme", field = "learningUnits")
    Map<Programme, List<LearningUnit>> programmeUnits(List<Programme> programmes) {
        return catalogue.unitsPartOf(programmes, Programme::id);
    }

    @BatchMapping(typeName = "Minor", field = "institution")
    Map<Minor, Institution> minorInstitution(List<Minor> minors) {
        return catalogue.institutionOf(minors, Minor::id, "Minor", "OFFERED_BY");
    }

    @BatchMapping(typeName = "Minor", field = "place")
    Map<Minor, Place> minorPlace(List<Minor> minors) {
        return catalogue.placeOf(minors, Minor::id, "Minor");
    }

    @BatchMapping(typeName = "Minor", field = "learningUnits")
    Map<Minor, List<LearningUnit>> minorUnits(List<Minor> minors) {
        return catalogue.unitsPartOf(minors, Minor::id);
    }

    @BatchMapping(typeName = "LearningUnit", field = "provider")
    Map<LearningUnit, Institution> unitProvider(List<LearningUnit> units) {
        return catalogue.institutionOf(units, LearningUnit::id, "LearningUnit", "PROVIDED_BY");
    }

    @BatchMapping(typeName = "LearningUnit", field = "place")
    Map<LearningUnit, Place> unitPlace(List<LearningUnit> units) {
        return catalogue.placeOf(units, LearningUnit::id, "LearningUnit");
    }

    @BatchMapping(typeName = "LearningUnit", field = "partOf")
    Map<LearningUnit, Object> unitContainer(List<LearningUnit> units) {
        return catalogue.containerOf(units);
    }

    @BatchMapping(typeName = "LearningUnit", field = "yields")
    Map<LearningUnit, List<OutcomeAtLevel>> unitYields(List<LearningUnit> units) {
        return catalogue.outcomesAtLevel(units, LearningUnit::id, "LearningUnit", "YIELDS");
    }

    @BatchMapping(typeName = "LearningUnit", field = "entryRequirements")
    Map<LearningUnit, List<RequirementGroup>> unitRequirements(List<LearningUnit> units) {
        return catalogue.entryRequirements(units);
    }

    @BatchMapping(typeName = "LearningUnit", field = "workForms")
    Map<LearningUnit, List<FrameworkConcept>> unitWorkForms(List<LearningUnit> units) {
        return catalogue.concepts(units, LearningUnit::id, "LearningUnit", "USES_WORK_FORM");
    }

    @BatchMapping(typeName = "LearningOutcome", field = "competency")
    Map<LearningOutcome, Competency> outcomeCompetency(List<LearningOutcome> outcomes) {
        return catalogue.competencyOf(outcomes);
    }

    @BatchMapping(typeName = "LearningOutcome", field = "dublinDescriptor")
    Map<LearningOutcome, FrameworkConcept> outcomeDublin(List<LearningOutcome> outcomes) {
        return catalogue.concept(outcomes, LearningOutcome::id, "LearningOutcome", "DESCRIBED_BY");
    }

    @BatchMapping(typeName = "LearningOutcome", field = "taughtBy")
    Map<LearningOutcome, List<UnitAtLevel>> outcomeTaughtBy(List<LearningOutcome> outcomes) {
        return catalogue.unitsTeaching(outcomes);
    }

    @BatchMapping(typeName = "Competency", field = "profile")
    Map<Competency, FrameworkConcept> competencyProfile(List<Competency> competencies) {
        return catalogue.concept(competencies, Competency::id, "Competency", "FOR_PROFILE");
    }

    @BatchMapping(typeName = "Competency", field = "domains")
    Map<Competency, List<FrameworkConcept>> competencyDomains(List<Competency> competencies) {
        return catalogue.concepts(competencies, Competency::id, "Competency", "DEEPENS");
    }

    @BatchMapping(typeName = "Competency", field = "outcomes")
    Map<Competency, List<LearningOutcome>> competencyOutcomes(List<Competency> competencies) {
        return catalogue.outcomesOf(competencies);
    }

    @BatchMapping(typeName = "Role", field = "requires")
    Map<Role, List<OutcomeAtLevel>> roleRequires(List<Role> roles) {
        return catalogue.outcomesAtLevel(roles, Role::id, "Role", "REQUIRES");
    }

    @BatchMapping(typeName = "Role", field = "transformations")
    Map<Role, List<FrameworkConcept>> roleTransformations(List<Role> roles) {
        return catalogue.concepts(roles, Role::id, "Role", "SERVES_TRANSFORMATION");
    }

    @BatchMapping(typeName = "Role", field = "maturityLevel")
    Map<Role, FrameworkConcept> roleMaturity(List<Role> roles) {
        return catalogue.concept(roles, Role::id, "Role", "AT_MATURITY_LEVEL");
    }

    @BatchMapping(typeName = "Certificate", field = "issuer")
    Map<Certificate, Institution> certificateIssuer(List<Certificate> certificates) {
        return catalogue.institutionOf(certificates, Certificate::id, "Certificate", "ISSUED_BY");
    }

    @BatchMapping(typeName = "Certificate", field = "line")
    Map<Certificate, FrameworkConcept> certificateLine(List<Certificate> certificates) {
        return catalogue.concept(certificates, Certificate::id, "Certificate", "CONCLUDES");
    }

    @BatchMapping(typeName = "Certificate", field = "requires")
    Map<Certificate, List<OutcomeAtLevel>> certificateRequires(List<Certificate> certificates) {
        return catalogue.outcomesAtLevel(certificates, Certificate::id, "Certificate", "REQUIRES");
    }
}
