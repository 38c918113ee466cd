package nl.leerroute.standards;

import java.util.Map;
import java.util.Set;

/**
 * The parts of the OOAPI v6 specification (open-education-api/specification, folder {@code v6/}) that the
 * importer checks documents against: the properties of each object it reads and the values of each
 * enumeration. Copied from the schema files named in the README section "Standards"; an extensible
 * enumeration (marked {@code x-ooapi-extensible-enum} in the specification) also accepts any value
 * starting with {@code x-}.
 */
final class OoapiVocabulary {

    private OoapiVocabulary() {
    }

    /** An enumeration of the specification: its file, values, and whether {@code x-} values are allowed. */
    record Enumeration(String file, Set<String> values, boolean extensible) {

        boolean allows(String value) {
            return values.contains(value) || extensible && value.startsWith("x-");
        }
    }

    static final Enumeration STUDY_LOAD_UNIT = new Enumeration("enumerations/studyloadUnit.yaml",
            // 'contacttime' in the file read; later releases spell it 'contact_time': both mean contact hours
            Set.of("contacttime", "contact_time", "ects", "sbu", "sp", "hour"), true);
    static final Enumeration MODE_OF_DELIVERY = new Enumeration("enumerations/modeOfDelivery.yaml",
            Set.of("presential", "online", "hybrid", "blended", "research_lab_based", "work_based", "project_based"),
            true);
    static final Enumeration LEVEL = new Enumeration("enumerations/level.yaml", Set.of("pre_vocational",
            "secondary_vocational_education", "secondary_vocational_education_1", "secondary_vocational_education_2",
            "secondary_vocational_education_3", "secondary_vocational_education_4", "associate_degree", "bachelor",
            "master", "doctoral", "post_doctoral", "undefined", "undivided", "nt2_1", "nt2_2"), true);
    static final Enumeration LEVEL_OF_QUALIFICATION = new Enumeration("enumerations/levelOfQualification.yaml",
            Set.of("eqf_1", "eqf_2", "eqf_3", "eqf_4", "nlqf_4plus", "eqf_5", "eqf_6", "eqf_7", "eqf_8"), false);
    static final Enumeration PROGRAMME_TYPE = new Enumeration("enumerations/programmeType.yaml",
            Set.of("programme", "minor", "honours", "specialisation", "track", "specification"), true);
    static final Enumeration MODE_OF_STUDY = new Enumeration("enumerations/modeOfStudy.yaml",
            Set.of("full_time", "part_time", "dual_training", "self_paced"), false);
    static final Enumeration OFFERING_STATE = new Enumeration("enumerations/offeringState.yaml",
            Set.of("concept", "canceled", "active", "inactive"), true);
    static final Enumeration COST_TYPE = new Enumeration("enumerations/costType.yaml",
            Set.of("stap_eligible", "total_costs"), true);
    static final Enumeration ADDRESS_TYPE = new Enumeration("enumerations/addressType.yaml",
            Set.of("postal", "visit", "deliveries", "invoicing", "teaching"), true);
    static final Enumeration ORGANISATION_TYPE = new Enumeration("enumerations/organisationType.yaml",
            Set.of("root", "institute", "department", "faculty", "branch", "academy", "school"), true);
    static final Enumeration CODE_TYPE = new Enumeration("enumerations/codeType.yaml", Set.of("account_id",
            "bag_id", "building_id", "component_code", "email_address", "esi", "group_code", "group_type_code",
            "identifier", "institution_code", "isbn", "issn", "offering_code", "organisation_id", "orcid",
            "product_id", "programme_code", "room_code", "schac_home", "student_number", "studielink_number",
            "system_id", "username", "uuid", "national_identity_number"), true);

    /** The code type under which a learning outcome names its ESCO skill (an extension value, as the spec allows). */
    static final String ESCO_CODE_TYPE = "x-esco";

    /** An object of the specification: the schema files it is assembled from and its required properties. */
    record ObjectSpec(String name, String files, Set<String> properties, Set<String> required) {
    }

    static final ObjectSpec ORGANISATION = new ObjectSpec("Organisation", "schemas/Organisation.yaml",
            Set.of("organisationId", "primaryCode", "organisationType", "name", "shortName", "description",
                    "addresses", "link", "logo", "otherCodes", "parent", "children", "consumer", "ext"),
            Set.of("organisationId", "organisationType", "name", "primaryCode"));
    static final ObjectSpec PROGRAMME = new ObjectSpec("Programme",
            "schemas/Programme.yaml, ProgrammeId.yaml, ProgrammeProperties.yaml",
            Set.of("programmeId", "primaryCode", "programmeType", "name", "abbreviation", "description",
                    "teachingLanguages", "studyLoad", "qualificationAwarded", "qualificationDesignations",
                    "modeOfStudy", "modesOfDelivery", "duration", "firstStartDateTime", "levelOfQualification",
                    "level", "fieldsOfStudy", "enrolment", "resources", "learningOutcomes", "assessment",
                    "admissionRequirements", "qualificationRequirements", "formalDocument", "link", "otherCodes",
                    "addresses", "parent", "children", "coordinators", "organisation", "consumer", "ext",
                    "validFrom", "validTo"),
            Set.of("programmeId", "programmeType", "name", "primaryCode"));
    static final ObjectSpec COURSE = new ObjectSpec("Course", "schemas/Course.yaml, CourseId.yaml, CourseProperties.yaml",
            Set.of("courseId", "primaryCode", "name", "abbreviation", "studyLoad", "modesOfDelivery", "duration",
                    "firstStartDate", "description", "teachingLanguages", "fieldsOfStudy", "learningOutcomes",
                    "admissionRequirements", "qualificationRequirements", "level", "enrolment", "resources",
                    "assessment", "link", "addresses", "otherCodes", "consumer", "ext", "programmes", "coordinators",
                    "organisation", "validFrom", "validTo"),
            Set.of("courseId", "name", "primaryCode"));
    static final ObjectSpec COURSE_OFFERING = new ObjectSpec("CourseOffering",
            "schemas/CourseOffering.yaml, OfferingId.yaml, OfferingProperties.yaml",
            Set.of("offeringId", "primaryCode", "academicSession", "name", "state", "abbreviation", "description",
                    "teachingLanguages", "modesOfDelivery", "maxNumberStudents", "enrolledNumberStudents",
                    "pendingNumberStudents", "minNumberStudents", "resultExpected", "resultValueType", "link",
                    "otherCodes", "enrolmentPeriods", "consumer", "ext", "startDateTime", "endDateTime",
                    "enrolStartDateTime", "enrolEndDateTime", "flexibleEntryPeriodStart", "flexibleEntryPeriodEnd",
                    "addresses", "priceInformation", "course", "programmeOfferings", "organisation"),
            Set.of("offeringId", "primaryCode", "name"));
    static final ObjectSpec LEARNING_OUTCOME = new ObjectSpec("LearningOutcome", "schemas/LearningOutcome.yaml",
            Set.of("learningOutcomeId", "primaryCode", "name", "description", "parent", "children", "otherCodes",
                    "level", "startDate", "endDate", "consumers", "ext"),
            Set.of("learningOutcomeId", "name", "startDate"));

    /** Why a property that the specification defines has no place in Leerroute's catalogue. */
    static final Map<String, String> NOT_MAPPED = Map.ofEntries(
            Map.entry("abbreviation", "Leerroute keeps no abbreviations; the id comes from primaryCode"),
            Map.entry("shortName", "Leerroute keeps one name per institution"),
            Map.entry("firstStartDate", "start moments come from the course offerings"),
            Map.entry("firstStartDateTime", "start moments come from the course offerings"),
            Map.entry("fieldsOfStudy", "Leerroute classifies by competencies and ESCO skills, not by ISCED-F"),
            Map.entry("admissionRequirements", "free text; Leerroute's entry requirements are outcomes at levels"),
            Map.entry("qualificationRequirements", "free text with no Leerroute field"),
            Map.entry("enrolment", "free text with no Leerroute field"),
            Map.entry("resources", "free text with no Leerroute field"),
            Map.entry("assessment", "free text with no Leerroute field"),
            Map.entry("link", "Leerroute keeps no web links"),
            Map.entry("logo", "Leerroute keeps no images"),
            Map.entry("coordinators", "Leerroute keeps no staff"),
            Map.entry("consumer", "consumer-specific data (RIO, eduXchange) has no Leerroute field"),
            Map.entry("consumers", "consumer-specific data (RIO, eduXchange) has no Leerroute field"),
            Map.entry("validFrom", "Leerroute has no validity period; leave out what is no longer offered"),
            Map.entry("validTo", "Leerroute has no validity period; leave out what is no longer offered"),
            Map.entry("parent", "Leerroute does not nest these records"),
            Map.entry("children", "Leerroute does not nest these records"),
            Map.entry("qualificationAwarded", "Leerroute records no qualification per record"),
            Map.entry("qualificationDesignations", "Leerroute records no qualification per record"),
            Map.entry("formalDocument", "Leerroute records no formal document per record"),
            Map.entry("academicSession", "start moments come from startDateTime"),
            Map.entry("maxNumberStudents", "Leerroute does not plan capacity"),
            Map.entry("enrolledNumberStudents", "Leerroute does not plan capacity"),
            Map.entry("pendingNumberStudents", "Leerroute does not plan capacity"),
            Map.entry("minNumberStudents", "Leerroute does not plan capacity"),
            Map.entry("resultExpected", "Leerroute records results as evidence, not per offering"),
            Map.entry("resultValueType", "Leerroute records results as evidence, not per offering"),
            Map.entry("enrolmentPeriods", "Leerroute does not handle enrolment"),
            Map.entry("enrolStartDateTime", "Leerroute does not handle enrolment"),
            Map.entry("enrolEndDateTime", "Leerroute does not handle enrolment"),
            Map.entry("programmeOfferings", "Leerroute has no programme offerings"),
            Map.entry("otherCodes", "only x-esco codes of learning outcomes and programme_code of programmes are read"),
            Map.entry("endDate", "Leerroute keeps no end date for outcomes"));
}
