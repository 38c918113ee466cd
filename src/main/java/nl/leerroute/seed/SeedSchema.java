package nl.leerroute.seed;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seed format, version 3 (version 2 plus {@code funding.csv}, {@code skillslabs.csv}, the people's
 * employment columns, and the employer files {@code transformation_requirements.csv},
 * {@code employments.csv}, {@code employer_consents.csv}), as data: which files exist, their columns, how
 * each column is checked and what it becomes in the graph. {@code graph-seed/README.md} documents the same.
 */
final class SeedSchema {

    static final String FORMAT_VERSION = "3";

    private SeedSchema() {
    }

    /** A column and what the parser makes of it. */
    sealed interface Column {
        String name();

        boolean required();
    }

    /** A plain property; {@code type} says how the text is checked and converted. */
    record Property(String name, String property, ValueType type, boolean required, Set<String> allowed)
            implements Column {
    }

    /** A reference to one record of another file, written as a relationship. */
    record Reference(String name, String relationship, List<String> targets, String scheme, boolean required)
            implements Column {
    }

    /** A {@code ;} list of references, one relationship each. */
    record ReferenceList(String name, String relationship, List<String> targets, String scheme, boolean required)
            implements Column {
    }

    /** An {@code outcome@level} list: relationships to outcomes carrying {@code level}. */
    record LevelledOutcomes(String name, String relationship, boolean required) implements Column {
    }

    /** Entry requirements in the CNF syntax of the README. */
    record Requirements(String name) implements Column {
        @Override
        public boolean required() {
            return false;
        }
    }

    /** A person's goals: {@code role:id}, {@code certificate:id}, {@code programme:id}. */
    record Goals(String name) implements Column {
        @Override
        public boolean required() {
            return false;
        }
    }

    enum ValueType { TEXT, TEXT_LIST, ID, INTEGER, DECIMAL, ENUM, ENUM_LIST, DATE, DATE_LIST, BOOLEAN }

    /**
     * One seed file.
     *
     * @param kind     name used by references to records of this file
     * @param labels   node labels
     * @param idColumn column holding the record's id (null: the id is composed from {@code key})
     * @param key      columns whose values together must be unique (and form the id when idColumn is null)
     */
    record FileSpec(String file, String kind, List<String> labels, String idColumn, List<String> key,
            List<Column> columns) {

        Column column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        }
    }

    static final String PROVENANCE_MASTERPLAN = "masterplan";
    static final String PROVENANCE_ILLUSTRATIVE = "illustrative";

    /** Framework schemes and the extra label their concepts get. */
    static final Map<String, String> SCHEME_LABELS = Map.ofEntries(
            Map.entry("SMART_INDUSTRY_TECHNOLOGY", "SmartIndustryTechnology"),
            Map.entry("KEY_ENABLING_TECHNOLOGY", "KeyEnablingTechnology"),
            Map.entry("T_SHAPE_DIMENSION", "TShapeDimension"),
            Map.entry("DUBLIN_DESCRIPTOR", "DublinDescriptor"),
            Map.entry("MATURITY_LEVEL", "MaturityLevel"),
            Map.entry("TRANSFORMATION", "Transformation"),
            Map.entry("WORK_FORM", "WorkForm"),
            Map.entry("LEARNING_LINE", "LearningLine"),
            Map.entry("LEARNING_FACTORY_DIMENSION", "LearningFactoryDimension"),
            Map.entry("PROFESSIONAL_PROFILE", "ProfessionalProfile"));

    static final Set<String> PROVINCE_NATIONAL = Set.of("Nederland");

    private static Property text(String name, String property, boolean required) {
        return new Property(name, property, ValueType.TEXT, required, Set.of());
    }

    private static Property integer(String name, String property, boolean required) {
        return new Property(name, property, ValueType.INTEGER, required, Set.of());
    }

    private static Property decimal(String name, String property, boolean required) {
        return new Property(name, property, ValueType.DECIMAL, required, Set.of());
    }

    private static Property date(String name, String property, boolean required) {
        return new Property(name, property, ValueType.DATE, required, Set.of());
    }

    private static Property oneOf(String name, String property, boolean required, String... values) {
        return new Property(name, property, ValueType.ENUM, required, Set.of(values));
    }

    private static Property id() {
        return new Property("id", "id", ValueType.ID, true, Set.of());
    }

    private static Property provenance() {
        return oneOf("provenance", "provenance", true, PROVENANCE_MASTERPLAN, PROVENANCE_ILLUSTRATIVE);
    }

    private static Reference ref(String name, String relationship, boolean required, String... targets) {
        return new Reference(name, relationship, List.of(targets), null, required);
    }

    private static Reference concept(String name, String relationship, String scheme) {
        return new Reference(name, relationship, List.of("framework"), scheme, false);
    }

    private static ReferenceList concepts(String name, String relationship, String scheme) {
        return new ReferenceList(name, relationship, List.of("framework"), scheme, false);
    }

    private static List<Column> bilingual(String prefix, boolean required) {
        return List.of(text(prefix + "_nl", prefix + "Nl", required), text(prefix + "_en", prefix + "En", required));
    }

    private static List<Column> columns(Object... parts) {
        return java.util.Arrays.stream(parts)
                .flatMap(p -> p instanceof List<?> list ? list.stream() : java.util.stream.Stream.of(p))
                .map(Column.class::cast)
                .toList();
    }

    static final String STUDY_MODES_PROGRAMME = "FULL_TIME,PART_TIME,DUAL";

    static final String[] INSTITUTION_KINDS = {"UNIVERSITY_OF_APPLIED_SCIENCES", "UNIVERSITY", "MBO_COLLEGE",
        "CENTRE_OF_EXPERTISE", "HUB", "FIELDLAB", "ACADEMY", "INITIATIVE", "PUBLIC_BODY", "COMPANY"};
    static final String[] UNIT_KINDS = {"MODULE", "TRAINING", "SKILLSLAB", "ONLINE_COURSE", "ASSESSMENT"};
    static final String[] EDUCATION_LEVELS = {"SECONDARY", "MBO_2", "MBO_3", "MBO_4", "AD", "BACHELOR", "MASTER"};
    static final String[] EMPLOYMENT_STATUSES = {"EMPLOYED", "SELF_EMPLOYED", "JOB_SEEKER_WW", "JOB_SEEKER",
        "STUDENT", "NOT_WORKING"};
    static final String[] EMPLOYER_SIZES = {"SME", "LARGE"};

    private static Property enumList(String name, String property, String... values) {
        return new Property(name, property, ValueType.ENUM_LIST, false, Set.of(values));
    }

    /**
     * The Learning Factory descriptive model (masterplan, chapter 4): per dimension (a LEARNING_FACTORY_DIMENSION
     * framework id) its aspects as {column, property}. The didactic concept's competencies and work forms are
     * references, listed separately in skillslabs.csv.
     */
    static final Map<String, List<String>> LEARNING_FACTORY_ASPECTS = new java.util.LinkedHashMap<>();

    static {
        LEARNING_FACTORY_ASPECTS.put("lf-business-model", List.of("bm_operator", "bm_trainer", "bm_funding"));
        LEARNING_FACTORY_ASPECTS.put("lf-purpose", List.of("purpose_objective", "purpose_target_group",
                "purpose_sector", "purpose_subjects", "purpose_research_themes"));
        LEARNING_FACTORY_ASPECTS.put("lf-process", List.of("process_product_life_cycle",
                "process_factory_life_cycle", "process_type", "process_production_techniques", "process_materials",
                "process_automation_level"));
        LEARNING_FACTORY_ASPECTS.put("lf-setting", List.of("setting_learning_environment", "setting_system_level",
                "setting_flexibility"));
        LEARNING_FACTORY_ASPECTS.put("lf-product", List.of("product_type", "product_variety", "product_quantity",
                "product_components", "product_marketability"));
        LEARNING_FACTORY_ASPECTS.put("lf-didactic-concept", List.of("didactic_competencies",
                "didactic_learning_goal", "didactic_work_forms", "didactic_learning_strategy",
                "didactic_participants", "didactic_time", "didactic_assessment"));
    }

    /** Aspect columns that hold text (the two reference columns of the didactic concept excluded). */
    private static List<Column> aspectColumns() {
        List<Column> columns = new java.util.ArrayList<>();
        LEARNING_FACTORY_ASPECTS.values().forEach(aspects -> aspects.stream()
                .filter(a -> !a.equals("didactic_competencies") && !a.equals("didactic_work_forms"))
                .forEach(a -> columns.add(text(a, aspectProperty(a), true))));
        return columns;
    }

    /** {@code purpose_target_group} -> {@code purposeTargetGroup}. */
    static String aspectProperty(String column) {
        return org.apache.commons.text.CaseUtils.toCamelCase(column, false, '_');
    }

    /** In dependency order: a file only references files above it (people: also programmes etc.). */
    static final List<FileSpec> FILES = List.of(
            new FileSpec("places.csv", "place", List.of("Place"), "name", List.of("name"), columns(
                    new Property("name", "name", ValueType.ID, true, Set.of()),
                    new Property("province", "province", ValueType.TEXT, true, Set.of()),
                    provenance())),
            new FileSpec("institutions.csv", "institution", List.of("Institution"), "id", List.of("id"), columns(
                    id(), text("name", "name", true),
                    oneOf("kind", "kind", true, INSTITUTION_KINDS),
                    new ReferenceList("places", "LOCATED_IN", List.of("place"), null, false),
                    ref("parent", "PART_OF", false, "institution"),
                    bilingual("description", false), provenance())),
            new FileSpec("frameworks.csv", "framework", List.of("Concept"), "id", List.of("id"), columns(
                    oneOf("scheme", "scheme", true, SCHEME_LABELS.keySet().toArray(String[]::new)),
                    id(), integer("ordinal", "ordinal", true), text("group", "group", false),
                    bilingual("name", true), bilingual("description", false), provenance())),
            new FileSpec("competencies.csv", "competency", List.of("Competency"), "id", List.of("id"), columns(
                    id(), oneOf("kind", "kind", true, "INDUSTRY_4_0", "DIGITAL_SKILL", "SOFT_SKILL", "SMART_SKILL",
                            "DOMAIN"),
                    concept("profile", "FOR_PROFILE", "PROFESSIONAL_PROFILE"),
                    oneOf("t_dimension", "tDimension", true, "HORIZONTAL", "VERTICAL"),
                    new ReferenceList("domains", "DEEPENS", List.of("framework"), null, false),
                    bilingual("name", true), bilingual("description", false),
                    text("esco_uri", "escoUri", false), provenance())),
            new FileSpec("outcomes.csv", "outcome", List.of("LearningOutcome"), "id", List.of("id"), columns(
                    id(), bilingual("title", true), bilingual("description", false),
                    integer("eqf_level", "eqfLevel", true),
                    ref("competency", "BELONGS_TO", true, "competency"),
                    concept("dublin", "DESCRIBED_BY", "DUBLIN_DESCRIPTOR"),
                    integer("shelf_life_years", "shelfLifeYears", false),
                    text("esco_uri", "escoUri", false), provenance())),
            new FileSpec("synonyms.csv", "synonym", List.of("Synonym"), "id", List.of("id"), columns(
                    id(), text("term", "term", true),
                    new Property("variants", "variants", ValueType.TEXT_LIST, true, Set.of()),
                    new ReferenceList("outcomes", "SUGGESTS", List.of("outcome"), null, false), provenance())),
            new FileSpec("programmes.csv", "programme", List.of("Programme"), "id", List.of("id"), columns(
                    id(), new Property("croho", "croho", ValueType.TEXT, true, Set.of()),
                    oneOf("level", "level", true, "AD", "BACHELOR", "MASTER"),
                    text("name_nl", "nameNl", true), text("name_en", "nameEn", false),
                    ref("institution", "OFFERED_BY", true, "institution"),
                    ref("place", "IN_PLACE", true, "place"),
                    text("domain", "domain", true),
                    oneOf("mode", "mode", true, STUDY_MODES_PROGRAMME.split(",")),
                    integer("ec", "ec", false),
                    integer("appendix", "appendix", true),
                    new LevelledOutcomes("outcomes", "REQUIRES", false), provenance())),
            new FileSpec("minors.csv", "minor", List.of("Minor"), "id", List.of("id"), columns(
                    id(), text("name_nl", "nameNl", true), text("name_en", "nameEn", false),
                    ref("institution", "OFFERED_BY", true, "institution"),
                    oneOf("status", "status", true, "OFFERED", "PROPOSED"),
                    integer("ec", "ec", false), ref("place", "IN_PLACE", false, "place"),
                    oneOf("language", "language", false, "nl", "en"),
                    bilingual("description", false), provenance())),
            new FileSpec("units.csv", "unit", List.of("LearningUnit"), "id", List.of("id"), columns(
                    id(), oneOf("kind", "kind", true, "MODULE", "TRAINING", "SKILLSLAB", "ONLINE_COURSE", "ASSESSMENT"),
                    bilingual("title", true), bilingual("description", false),
                    ref("provider", "PROVIDED_BY", true, "institution"),
                    new Reference("part_of", "PART_OF", List.of("minor", "programme", "framework"), "LEARNING_LINE",
                            false),
                    integer("sequence", "sequence", false),
                    decimal("ec", "ec", false), integer("hours", "hours", true),
                    integer("duration_weeks", "durationWeeks", true),
                    decimal("cost_eur", "costEur", true),
                    oneOf("mode", "mode", true, "FULL_TIME", "PART_TIME", "DUAL", "ONLINE", "ON_SITE"),
                    ref("place", "IN_PLACE", false, "place"),
                    oneOf("language", "language", true, "nl", "en"),
                    new Property("start_moments", "startMoments", ValueType.DATE_LIST, false, Set.of()),
                    new LevelledOutcomes("yields", "YIELDS", true),
                    new Requirements("requires"),
                    concepts("work_forms", "USES_WORK_FORM", "WORK_FORM"), provenance())),
            new FileSpec("certificates.csv", "certificate", List.of("Certificate"), "id", List.of("id"), columns(
                    id(), bilingual("name", true), bilingual("description", false),
                    ref("issuer", "ISSUED_BY", true, "institution"),
                    concept("line", "CONCLUDES", "LEARNING_LINE"),
                    new LevelledOutcomes("requires", "REQUIRES", true), provenance())),
            new FileSpec("roles.csv", "role", List.of("Role"), "id", List.of("id"), columns(
                    id(), bilingual("name", true), bilingual("description", false),
                    integer("isco_level", "iscoLevel", true),
                    oneOf("sector", "sector", true, "ICT", "TECHNICAL", "OTHER"),
                    concepts("transformations", "SERVES_TRANSFORMATION", "TRANSFORMATION"),
                    concept("maturity_level", "AT_MATURITY_LEVEL", "MATURITY_LEVEL"),
                    new LevelledOutcomes("requires", "REQUIRES", true), provenance())),
            new FileSpec("labour_market.csv", "labour", List.of("LabourMarketFigure"), null,
                    List.of("province", "sector", "indicator", "period"), columns(
                    text("province", "province", true),
                    oneOf("sector", "sector", true, "ICT", "TECHNICAL"),
                    oneOf("indicator", "indicator", true, "TENSION", "VACANCIES"),
                    decimal("value", "value", true), text("label", "label", false),
                    text("period", "period", true), integer("occupation_level", "occupationLevel", false),
                    provenance())),
            new FileSpec("people.csv", "person", List.of("Person"), "id", List.of("id"), columns(
                    id(), text("name", "name", true), integer("birth_year", "birthYear", true),
                    ref("place", "LIVES_IN", true, "place"),
                    oneOf("education", "education", true, "SECONDARY", "MBO_2", "MBO_3", "MBO_4", "AD", "BACHELOR",
                            "MASTER"),
                    integer("years_of_work", "yearsOfWork", false), text("current_role", "currentRole", false),
                    text("employer_sector", "employerSector", false), new Goals("goals"),
                    oneOf("employment_status", "employmentStatus", false, EMPLOYMENT_STATUSES),
                    oneOf("employer_size", "employerSize", false, EMPLOYER_SIZES),
                    bilingual("summary", false), provenance())),
            new FileSpec("evidence.csv", "evidence", List.of("Evidence"), "id", List.of("id"), columns(
                    id(), new Reference("person", "HAS_EVIDENCE", List.of("person"), null, true),
                    oneOf("kind", "kind", true, "DIPLOMA", "CERTIFICATE", "COMPLETED_UNIT", "WORK_EXPERIENCE",
                            "INFORMAL"),
                    text("title", "title", true),
                    ref("programme", "OF_PROGRAMME", false, "programme"),
                    ref("certificate", "OF_CERTIFICATE", false, "certificate"),
                    ref("unit", "OF_UNIT", false, "unit"),
                    text("role", "role", false), text("employer_sector", "employerSector", false),
                    date("from", "from", false), date("to", "to", false),
                    text("description", "description", false),
                    new LevelledOutcomes("asserts", "ASSERTS", false),
                    oneOf("status", "status", true, "CLAIMED", "VALIDATED"),
                    text("validated_by", "validatedBy", false),
                    oneOf("validation_method", "validationMethod", false, "ASSESSMENT", "PORTFOLIO",
                            "EMPLOYER_STATEMENT", "DIPLOMA", "CERTIFICATE"),
                    date("validated_on", "validatedOn", false), provenance())),
            new FileSpec("accounts.csv", "account", List.of("Account"), "id", List.of("id"), columns(
                    id(), new Property("username", "username", ValueType.ID, true, Set.of()),
                    text("password_hash", "passwordHash", true), text("display_name", "displayName", true),
                    oneOf("role", "role", true, "WORKER", "ADVISOR", "INSTITUTION_EDITOR", "ADMIN", "EMPLOYER"),
                    ref("person", "IS", false, "person"),
                    ref("institution", "EDITS_FOR", false, "institution"), provenance())),
            new FileSpec("consents.csv", "consent", List.of("Consent"), "id", List.of("id"), columns(
                    id(), new Reference("person", "GRANTED", List.of("person"), null, true),
                    ref("advisor", "TO", true, "account"),
                    text("purpose", "purpose", true), date("granted_on", "grantedOn", true),
                    date("until", "until", true), date("withdrawn_on", "withdrawnOn", false), provenance())),
            new FileSpec("funding.csv", "funding", List.of("FundingScheme"), "id", List.of("id"), columns(
                    id(), bilingual("name", true), bilingual("description", false),
                    oneOf("kind", "kind", true, "GRANT", "EMPLOYER_CONTRIBUTION", "LOAN", "ADVICE"),
                    text("funder", "funder", true), integer("priority", "priority", true),
                    enumList("employment_statuses", "employmentStatuses", EMPLOYMENT_STATUSES),
                    integer("min_age", "minAge", false), integer("max_age", "maxAge", false),
                    enumList("education_levels", "educationLevels", EDUCATION_LEVELS),
                    enumList("employer_sizes", "employerSizes", EMPLOYER_SIZES),
                    new Property("employer_sectors", "employerSectors", ValueType.TEXT_LIST, false, Set.of()),
                    enumList("unit_kinds", "unitKinds", UNIT_KINDS),
                    enumList("provider_kinds", "providerKinds", INSTITUTION_KINDS),
                    integer("min_eqf_level", "minEqfLevel", false), integer("max_eqf_level", "maxEqfLevel", false),
                    decimal("rate_percent", "ratePercent", true),
                    decimal("unit_cap_eur", "unitCapEur", false), decimal("route_cap_eur", "routeCapEur", false),
                    new ReferenceList("not_combinable_with", "NOT_COMBINABLE_WITH", List.of("funding"), null, false),
                    date("valid_from", "validFrom", true), date("valid_until", "validUntil", false),
                    oneOf("rules_provenance", "rulesProvenance", true, PROVENANCE_MASTERPLAN,
                            PROVENANCE_ILLUSTRATIVE),
                    provenance())),
            new FileSpec("skillslabs.csv", "skillslab", List.of("Skillslab"), "id", List.of("id"), columns(
                    id(), bilingual("name", true), bilingual("description", false),
                    ref("fieldlab", "HOSTED_BY", true, "institution"),
                    ref("place", "IN_PLACE", true, "place"),
                    new ReferenceList("assignments", "OFFERS", List.of("unit"), null, true),
                    new ReferenceList("didactic_competencies", "DEVELOPS", List.of("competency"), null, true),
                    new ReferenceList("didactic_work_forms", "USES_WORK_FORM", List.of("framework"), "WORK_FORM",
                            true),
                    aspectColumns(), provenance())),
            new FileSpec("transformation_requirements.csv", "requirement", List.of("TransformationRequirement"), null,
                    List.of("transformation", "maturity_level", "outcome"), columns(
                    new Reference("transformation", "FOR_TRANSFORMATION", List.of("framework"), "TRANSFORMATION", true),
                    new Reference("maturity_level", "AT_MATURITY_LEVEL", List.of("framework"), "MATURITY_LEVEL", true),
                    ref("outcome", "NEEDS", true, "outcome"), integer("level", "level", true),
                    integer("people", "people", true), provenance())),
            new FileSpec("employments.csv", "employment", List.of("Employment"), "id", List.of("id"), columns(
                    id(), new Reference("person", "HAS_EMPLOYMENT", List.of("person"), null, true),
                    ref("employer", "AT_EMPLOYER", true, "institution"), text("job_title", "jobTitle", false),
                    date("since", "since", false), provenance())),
            new FileSpec("employer_consents.csv", "employerconsent", List.of("EmployerConsent"), "id", List.of("id"),
                    columns(id(), new Reference("person", "GRANTED", List.of("person"), null, true),
                    ref("employer", "TO_EMPLOYER", true, "institution"),
                    new Property("shares", "shares", ValueType.TEXT_LIST, true, Set.of()),
                    text("purpose", "purpose", true), date("granted_on", "grantedOn", true),
                    date("until", "until", true), date("withdrawn_on", "withdrawnOn", false), provenance())));

    /** What an employee may share with their employer: credited outcomes (required) and claims. */
    static final Set<String> EMPLOYER_SHARES = Set.of("CREDITS", "CLAIMS");

    /** Relationships whose direction is from the referenced record to this one. */
    static final Set<String> INCOMING = Set.of("HAS_EVIDENCE", "GRANTED", "HAS_EMPLOYMENT");

    static FileSpec spec(String kind) {
        return FILES.stream().filter(f -> f.kind().equals(kind)).findFirst().orElseThrow();
    }
}
