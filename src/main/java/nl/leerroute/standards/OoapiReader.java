package nl.leerroute.standards;

import static nl.leerroute.standards.OoapiVocabulary.NOT_MAPPED;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.leerroute.institution.CatalogueChanges.OutcomeInput;
import nl.leerroute.institution.CatalogueChanges.UnitInput;
import nl.leerroute.institution.CatalogueChanges.YieldInput;
import nl.leerroute.standards.OoapiVocabulary.Enumeration;
import nl.leerroute.standards.OoapiVocabulary.ObjectSpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an OOAPI v6 dump of one institution and maps it onto Leerroute's catalogue, in plain Java: every
 * problem, every record made and every property left out is named with its JSON path in the document.
 * The dump is one JSON object holding what the institution's OOAPI endpoints return: {@code organisation}
 * (GET /organisations/{id}) and the arrays {@code programmes}, {@code courses}, {@code courseOfferings} and
 * {@code learningOutcomes} (the items of the collection endpoints, expanded or as ids).
 */
final class OoapiReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** The pattern of schemas/Language.yaml. */
    private static final Pattern LANGUAGE = Pattern.compile(
            "^([a-z]{2,3})(-([A-Z]{2}|[0-9]{3}))?(-([a-z]{4}))?(-([a-z]{2}|[0-9]{3}))*(-[a-z0-9]{2,8})*(-x(-[a-z0-9]{1,8})+)?$");
    /** The duration pattern of schemas/CourseProperties.yaml (ISO 8601 as in RFC 3339 appendix A). */
    private static final Pattern DURATION = Pattern.compile(
            "^(-?)P(?=\\d|T\\d)(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)([DW]))?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?$");
    static final Pattern ESCO_SKILL = Pattern.compile("http://data\\.europa\\.eu/esco/skill/[0-9a-f-]{36}");
    private static final int HOURS_PER_EC = 28;
    private static final Set<String> DOCUMENT_MEMBERS = Set.of("organisation", "programmes", "courses",
            "courseOfferings", "learningOutcomes");
    private static final Set<String> LEERROUTE_OUTCOME_EXT = Set.of("outcomeId", "competencyId", "eqfLevel",
            "shelfLifeYears");

    /** What the graph already holds that the mapping needs to know. */
    record Facts(String institutionId, String institutionName, String institutionKind, Set<String> places,
            Map<String, String> outcomeByEsco, Map<String, String> competencyByEsco, Set<String> outcomes,
            Set<String> competencies, List<RegisterProgramme> programmes) {
    }

    /** A programme of the register (the seed's programmes) at the importing institution. */
    record RegisterProgramme(String id, String croho, String mode) {
    }

    record Problem(String path, String message) {
    }

    record Unmapped(String path, String reason) {
    }

    /** One OOAPI object that became (or was linked to) a Leerroute record. */
    record Mapping(String path, String kind, String leerrouteId, String note) {
    }

    record MinorRecord(String id, String ooapiId, String path, String nameNl, String nameEn, Integer ec,
            String language, String place, String descriptionNl, String descriptionEn) {
    }

    record UnitRecord(String ooapiId, String path, UnitInput unit) {
    }

    record OutcomeRecord(String ooapiId, String path, OutcomeInput outcome) {
    }

    record Result(List<UnitRecord> units, List<OutcomeRecord> outcomes, List<MinorRecord> minors,
            List<Mapping> mapped, List<Unmapped> notMapped, List<Problem> errors) {
    }

    private final Facts facts;
    private final List<Problem> errors = new ArrayList<>();
    private final List<Unmapped> notMapped = new ArrayList<>();
    private final List<Mapping> mapped = new ArrayList<>();
    private final Set<String> leerrouteIds = new TreeSet<>();
    private String organisationPlace;

    private OoapiReader(Facts facts) {
        this.facts = facts;
    }

    static Result read(String json, Facts facts) {
        return new OoapiReader(facts).map(json);
    }

    // --- the document

    private Result map(String json) {
        Object root;
        try {
            root = JSON.readValue(json, Object.class);
        } catch (JacksonException e) {
            var location = e.getLocation();
            errors.add(new Problem("$", "not valid JSON" + (location == null ? "" : " at line " + location.getLineNr()
                    + ", column " + location.getColumnNr()) + ": " + e.getOriginalMessage()));
            return result(List.of(), List.of(), List.of());
        }
        if (!(root instanceof Map<?, ?> document)) {
            errors.add(new Problem("$", "must be a JSON object with organisation, programmes, courses, "
                    + "courseOfferings and learningOutcomes, got " + describe(root)));
            return result(List.of(), List.of(), List.of());
        }
        for (Object key : document.keySet()) {
            if (!DOCUMENT_MEMBERS.contains(key)) {
                notMapped.add(new Unmapped("$." + key, "not read: the importer reads organisation, programmes, "
                        + "courses, courseOfferings and learningOutcomes"));
            }
        }
        Map<?, ?> organisation = object(document.get("organisation"), "$.organisation", true);
        if (organisation != null) {
            organisation(organisation);
        }
        Map<String, Outcome> outcomes = outcomes(objects(document, "learningOutcomes"));
        Map<String, Programme> programmes = programmes(objects(document, "programmes"));
        Map<String, List<Offering>> offerings = offerings(objects(document, "courseOfferings"));
        List<Course> courses = courses(objects(document, "courses"), programmes, outcomes, offerings);
        List<OutcomeRecord> outcomeRecords = resolveOutcomes(outcomes, courses);
        List<UnitRecord> units = units(courses, outcomes);
        List<MinorRecord> minors = programmes.values().stream().map(p -> p.minor).filter(m -> m != null).toList();
        return result(units, outcomeRecords, minors);
    }

    private Result result(List<UnitRecord> units, List<OutcomeRecord> outcomes, List<MinorRecord> minors) {
        return new Result(units, outcomes, minors, List.copyOf(mapped), List.copyOf(notMapped), List.copyOf(errors));
    }

    /** The members of an array of objects at the top of the document, with their paths. */
    private List<Map.Entry<String, Map<?, ?>>> objects(Map<?, ?> document, String member) {
        List<Map.Entry<String, Map<?, ?>>> items = new ArrayList<>();
        List<?> list = array(document.get(member), "$." + member, false);
        for (int i = 0; list != null && i < list.size(); i++) {
            String path = "$." + member + "[" + i + "]";
            Map<?, ?> item = object(list.get(i), path, true);
            if (item != null) {
                items.add(Map.entry(path, item));
            }
        }
        return items;
    }

    // --- organisation

    private void organisation(Map<?, ?> organisation) {
        String path = "$.organisation";
        properties(organisation, OoapiVocabulary.ORGANISATION, path, Set.of("organisationId", "primaryCode",
                "organisationType", "name", "description", "addresses", "ext"));
        uuid(organisation, "organisationId", path);
        identifier(organisation.get("primaryCode"), path + ".primaryCode", true);
        enumeration(organisation.get("organisationType"), path + ".organisationType", OoapiVocabulary.ORGANISATION_TYPE,
                true);
        Map<String, String> names = texts(organisation.get("name"), path + ".name", true);
        Set<String> candidates = new LinkedHashSet<>(names.values());
        String shortName = string(organisation.get("shortName"), path + ".shortName", false);
        if (shortName != null) {
            candidates.add(shortName);
        }
        if (!names.isEmpty() && candidates.stream().noneMatch(n -> n.equalsIgnoreCase(facts.institutionName()))) {
            errors.add(new Problem(path + ".name", "the document is of " + candidates + ", not of the institution "
                    + facts.institutionId() + " ('" + facts.institutionName() + "'): import it for its own institution"));
        } else if (!names.isEmpty()) {
            mapped.add(new Mapping(path, "Institution", facts.institutionId(), "matched by name"));
        }
        texts(organisation.get("description"), path + ".description", false);
        organisationPlace = place(organisation.get("addresses"), path + ".addresses", false);
        ext(organisation, path);
    }

    // --- learning outcomes

    /** An OOAPI learning outcome, resolved later against the catalogue. */
    private static final class Outcome {
        String path;
        String ooapiId;
        String code;
        Map<String, String> names = Map.of();
        Map<String, String> descriptions = Map.of();
        String escoUri;
        String linkTo;
        String competencyId;
        Integer eqfLevel;
        Integer shelfLifeYears;
        String leerrouteId;
        /** The level each course yields it at (min is the level it is described at). */
        final List<Integer> yieldLevels = new ArrayList<>();
    }

    private Map<String, Outcome> outcomes(List<Map.Entry<String, Map<?, ?>>> items) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (var item : items) {
            Outcome outcome = outcome(item.getValue(), item.getKey());
            if (outcome.ooapiId != null && outcomes.putIfAbsent(outcome.ooapiId, outcome) != null) {
                errors.add(new Problem(item.getKey() + ".learningOutcomeId", "'" + outcome.ooapiId
                        + "' is the id of an earlier learning outcome too (" + outcomes.get(outcome.ooapiId).path + ")"));
            }
        }
        return outcomes;
    }

    private Outcome outcome(Map<?, ?> item, String path) {
        Outcome outcome = new Outcome();
        outcome.path = path;
        properties(item, OoapiVocabulary.LEARNING_OUTCOME, path, Set.of("learningOutcomeId", "primaryCode", "name",
                "description", "otherCodes", "startDate", "ext", "level"));
        outcome.ooapiId = uuid(item, "learningOutcomeId", path);
        Map<?, ?> code = identifier(item.get("primaryCode"), path + ".primaryCode", false);
        outcome.code = code == null ? null : (String) code.get("code");
        outcome.names = texts(item.get("name"), path + ".name", true);
        outcome.descriptions = texts(item.get("description"), path + ".description", false);
        date(item.get("startDate"), path + ".startDate", true);
        if (item.get("level") != null) {
            notMapped.add(new Unmapped(path + ".level", "the OOAPI level says where the outcome sits (curriculum, "
                    + "programme, course, component) or its Bloom/SOLO level, not its EQF level; the EQF level comes "
                    + "from the courses that teach it or ext.leerroute.eqfLevel"));
        }
        List<?> otherCodes = array(item.get("otherCodes"), path + ".otherCodes", false);
        for (int i = 0; otherCodes != null && i < otherCodes.size(); i++) {
            String codePath = path + ".otherCodes[" + i + "]";
            Map<?, ?> entry = identifier(otherCodes.get(i), codePath, true);
            if (entry == null) {
                continue;
            }
            if (OoapiVocabulary.ESCO_CODE_TYPE.equals(entry.get("codeType"))) {
                String uri = (String) entry.get("code");
                if (!ESCO_SKILL.matcher(uri).matches()) {
                    errors.add(new Problem(codePath + ".code", "an x-esco code must be an ESCO skill URI "
                            + "(http://data.europa.eu/esco/skill/<uuid>), got '" + uri + "'"));
                } else if (outcome.escoUri != null) {
                    notMapped.add(new Unmapped(codePath, "Leerroute keeps one ESCO URI per outcome; the first is used"));
                } else {
                    outcome.escoUri = uri;
                }
            } else {
                notMapped.add(new Unmapped(codePath, "code type '" + entry.get("codeType") + "': " + NOT_MAPPED
                        .get("otherCodes")));
            }
        }
        Map<?, ?> leerroute = leerrouteExt(item, path);
        if (leerroute != null) {
            String extPath = path + ".ext.leerroute";
            for (Object key : leerroute.keySet()) {
                if (!LEERROUTE_OUTCOME_EXT.contains(key)) {
                    errors.add(new Problem(extPath + "." + key, "not a Leerroute extension of a learning outcome; "
                            + "known are " + new TreeSet<>(LEERROUTE_OUTCOME_EXT)));
                }
            }
            outcome.linkTo = string(leerroute.get("outcomeId"), extPath + ".outcomeId", false);
            if (outcome.linkTo != null && !facts.outcomes().contains(outcome.linkTo)) {
                errors.add(new Problem(extPath + ".outcomeId", "there is no Leerroute outcome '" + outcome.linkTo + "'"));
            }
            outcome.competencyId = string(leerroute.get("competencyId"), extPath + ".competencyId", false);
            if (outcome.competencyId != null && !facts.competencies().contains(outcome.competencyId)) {
                errors.add(new Problem(extPath + ".competencyId", "there is no Leerroute competency '"
                        + outcome.competencyId + "'"));
            }
            outcome.eqfLevel = level(leerroute.get("eqfLevel"), extPath + ".eqfLevel");
            outcome.shelfLifeYears = integer(leerroute.get("shelfLifeYears"), extPath + ".shelfLifeYears", 1, 50);
        }
        return outcome;
    }

    /**
     * Decides for every outcome a course teaches whether it is one Leerroute already has (named in
     * ext.leerroute.outcomeId, or with the same ESCO URI) or a new one, and under which competency.
     */
    private List<OutcomeRecord> resolveOutcomes(Map<String, Outcome> outcomes, List<Course> courses) {
        List<OutcomeRecord> records = new ArrayList<>();
        for (Outcome outcome : outcomes.values()) {
            if (outcome.yieldLevels.isEmpty()) {
                notMapped.add(new Unmapped(outcome.path, "no course in the document teaches it, so Leerroute has "
                        + "no level for it: not imported"));
                continue;
            }
            String byEsco = outcome.escoUri == null ? null : facts.outcomeByEsco().get(outcome.escoUri);
            if (outcome.linkTo != null || byEsco != null) {
                outcome.leerrouteId = outcome.linkTo != null ? outcome.linkTo : byEsco;
                mapped.add(new Mapping(outcome.path, "LearningOutcome", outcome.leerrouteId, outcome.linkTo != null
                        ? "linked to an existing outcome (ext.leerroute.outcomeId); its titles are kept"
                        : "linked to the existing outcome with ESCO skill " + outcome.escoUri + "; its titles are kept"));
                continue;
            }
            String competency = outcome.competencyId;
            String note = "under competency " + competency + " (ext.leerroute.competencyId)";
            if (competency == null && outcome.escoUri != null) {
                competency = facts.competencyByEsco().get(outcome.escoUri);
                note = "under competency " + competency + ", which has its ESCO skill " + outcome.escoUri;
            }
            if (competency == null) {
                errors.add(new Problem(outcome.path, "Leerroute places every outcome under a competency: give "
                        + "ext.leerroute.competencyId, ext.leerroute.outcomeId, or an otherCodes entry with codeType "
                        + "'x-esco' whose ESCO skill a Leerroute outcome or competency has"
                        + (outcome.escoUri == null ? "" : " (none has " + outcome.escoUri + ")")));
                continue;
            }
            int level = outcome.eqfLevel != null ? outcome.eqfLevel
                    : outcome.yieldLevels.stream().min(Comparator.naturalOrder()).orElseThrow();
            outcome.leerrouteId = leerrouteId(outcome.code, "lo", outcome.ooapiId, outcome.path);
            Titles titles = titles(outcome.names, outcome.path + ".name");
            records.add(new OutcomeRecord(outcome.ooapiId, outcome.path, new OutcomeInput(outcome.leerrouteId,
                    titles.nl, titles.en, outcome.descriptions.get("nl"), outcome.descriptions.get("en"), level,
                    competency, outcome.shelfLifeYears, outcome.escoUri)));
            mapped.add(new Mapping(outcome.path, "LearningOutcome", outcome.leerrouteId, "new outcome at EQF " + level
                    + (outcome.eqfLevel != null ? " (ext.leerroute.eqfLevel)" : " (the lowest level a course teaches it at)")
                    + ", " + note + titles.note));
        }
        return records;
    }

    // --- programmes

    private static final class Programme {
        String ooapiId;
        String path;
        Integer eqfLevel;
        String mode;
        String partOf;
        MinorRecord minor;
    }

    private Map<String, Programme> programmes(List<Map.Entry<String, Map<?, ?>>> items) {
        Map<String, Programme> programmes = new LinkedHashMap<>();
        for (var item : items) {
            Programme programme = programme(item.getValue(), item.getKey());
            if (programme.ooapiId != null && programmes.putIfAbsent(programme.ooapiId, programme) != null) {
                errors.add(new Problem(item.getKey() + ".programmeId", "'" + programme.ooapiId
                        + "' is the id of an earlier programme too"));
            }
        }
        return programmes;
    }

    private Programme programme(Map<?, ?> item, String path) {
        Programme programme = new Programme();
        programme.path = path;
        properties(item, OoapiVocabulary.PROGRAMME, path, Set.of("programmeId", "primaryCode", "programmeType", "name",
                "description", "teachingLanguages", "studyLoad", "modeOfStudy", "modesOfDelivery", "duration",
                "levelOfQualification", "level", "learningOutcomes", "otherCodes", "addresses", "organisation", "ext"));
        programme.ooapiId = uuid(item, "programmeId", path);
        Map<?, ?> code = identifier(item.get("primaryCode"), path + ".primaryCode", true);
        String type = enumeration(item.get("programmeType"), path + ".programmeType", OoapiVocabulary.PROGRAMME_TYPE,
                true);
        Map<String, String> names = texts(item.get("name"), path + ".name", true);
        Map<String, String> descriptions = texts(item.get("description"), path + ".description", false);
        String language = teachingLanguage(item.get("teachingLanguages"), path + ".teachingLanguages", false);
        StudyLoad load = studyLoad(item.get("studyLoad"), path + ".studyLoad", false);
        programme.mode = enumeration(item.get("modeOfStudy"), path + ".modeOfStudy", OoapiVocabulary.MODE_OF_STUDY,
                false);
        modesOfDelivery(item.get("modesOfDelivery"), path + ".modesOfDelivery");
        duration(item.get("duration"), path + ".duration");
        String qualification = enumeration(item.get("levelOfQualification"), path + ".levelOfQualification",
                OoapiVocabulary.LEVEL_OF_QUALIFICATION, false);
        Integer fromLevel = eqfOfLevel(enumeration(item.get("level"), path + ".level", OoapiVocabulary.LEVEL, false));
        programme.eqfLevel = qualification != null ? Integer.valueOf(qualification.equals("nlqf_4plus") ? 4
                : Integer.parseInt(qualification.substring(4))) : fromLevel;
        organisationReference(item.get("organisation"), path + ".organisation");
        ext(item, path);
        if (item.get("learningOutcomes") != null) {
            notMapped.add(new Unmapped(path + ".learningOutcomes", "Leerroute keeps outcomes per unit (the courses); "
                    + "a programme's final qualifications are the register's and a minor has none of its own"));
        }
        String place = place(item.get("addresses"), path + ".addresses", false);
        if (type == null || code == null || names.isEmpty()) {
            return programme;
        }
        if (type.equals("minor")) {
            String id = leerrouteId((String) code.get("code"), "minor", programme.ooapiId, path);
            Titles titles = titles(names, path + ".name");
            programme.partOf = id;
            programme.minor = new MinorRecord(id, programme.ooapiId, path, titles.nl, names.get("en"),
                    load == null || load.ec == null ? null : (int) Math.round(load.ec), language,
                    place != null ? place : organisationPlace, descriptions.get("nl"), descriptions.get("en"));
            mapped.add(new Mapping(path, "Minor", id, "programmeType minor" + titles.note));
        } else if (type.equals("programme")) {
            registerProgramme(item, programme, path);
        } else {
            notMapped.add(new Unmapped(path, "programmeType '" + type + "' has no Leerroute counterpart (Leerroute "
                    + "has register programmes and minors); its courses are imported without it"));
        }
        return programme;
    }

    /** A programme of type programme is the register's (CROHO, masterplan appendix): it is linked, never changed. */
    private void registerProgramme(Map<?, ?> item, Programme programme, String path) {
        String croho = null;
        List<?> otherCodes = array(item.get("otherCodes"), path + ".otherCodes", false);
        for (int i = 0; otherCodes != null && i < otherCodes.size(); i++) {
            Map<?, ?> entry = identifier(otherCodes.get(i), path + ".otherCodes[" + i + "]", true);
            if (entry != null && "programme_code".equals(entry.get("codeType"))) {
                croho = (String) entry.get("code");
            } else if (entry != null) {
                notMapped.add(new Unmapped(path + ".otherCodes[" + i + "]", "code type '" + entry.get("codeType")
                        + "': " + NOT_MAPPED.get("otherCodes")));
            }
        }
        String mode = programme.mode == null ? null : switch (programme.mode) {
            case "full_time" -> "FULL_TIME";
            case "part_time" -> "PART_TIME";
            case "dual_training" -> "DUAL";
            default -> null;
        };
        String code = croho;
        List<RegisterProgramme> matches = facts.programmes().stream()
                .filter(p -> p.croho().equals(code) && (mode == null || p.mode().equals(mode))).toList();
        if (croho != null && matches.size() == 1) {
            programme.partOf = matches.get(0).id();
            mapped.add(new Mapping(path, "Programme", programme.partOf, "the register programme with programme_code "
                    + croho + (mode == null ? "" : " and mode " + mode) + " at " + facts.institutionId()
                    + "; its courses become its units, the programme itself is not changed"));
        } else {
            notMapped.add(new Unmapped(path, croho == null ? "a programme without a programme_code (CROHO/CREBO) in "
                    + "otherCodes cannot be matched to the register; its courses are imported without it"
                    : matches.isEmpty() ? "no register programme with programme_code " + croho + " at "
                            + facts.institutionId() + (mode == null ? "" : " in mode " + mode)
                            + " (Leerroute's programmes are the masterplan's register lines); its courses are imported "
                            + "without it"
                            : "programme_code " + croho + " matches " + matches.size() + " register programmes; give "
                                    + "modeOfStudy to choose one"));
        }
    }

    // --- offerings

    private record Offering(String path, List<LocalDate> starts, LocalDate start, LocalDate end, Double priceEur,
            String place, Set<String> modes, String language, boolean flexible) {
    }

    private Map<String, List<Offering>> offerings(List<Map.Entry<String, Map<?, ?>>> items) {
        Map<String, List<Offering>> byCourse = new HashMap<>();
        Set<String> ids = new java.util.HashSet<>();
        for (var item : items) {
            String path = item.getKey();
            Map<?, ?> offering = item.getValue();
            properties(offering, OoapiVocabulary.COURSE_OFFERING, path, Set.of("offeringId", "primaryCode", "name",
                    "state", "description", "teachingLanguages", "modesOfDelivery", "startDateTime", "endDateTime",
                    "flexibleEntryPeriodStart", "flexibleEntryPeriodEnd", "addresses", "priceInformation", "course",
                    "organisation", "ext"));
            String id = uuid(offering, "offeringId", path);
            if (id != null && !ids.add(id)) {
                errors.add(new Problem(path + ".offeringId", "'" + id + "' is the id of an earlier offering too"));
            }
            identifier(offering.get("primaryCode"), path + ".primaryCode", true);
            texts(offering.get("name"), path + ".name", true);
            texts(offering.get("description"), path + ".description", false);
            String course = reference(offering.get("course"), path + ".course", "courseId");
            if (course == null) {
                errors.add(new Problem(path + ".course", "is required: Leerroute needs the course an offering is of"));
            }
            String state = enumeration(offering.get("state"), path + ".state", OoapiVocabulary.OFFERING_STATE, false);
            LocalDate start = dateTime(offering.get("startDateTime"), path + ".startDateTime");
            LocalDate end = dateTime(offering.get("endDateTime"), path + ".endDateTime");
            if (start != null && end != null && end.isBefore(start)) {
                errors.add(new Problem(path + ".endDateTime", "is before startDateTime"));
            }
            // both are read so that a wrong value in either is reported
            LocalDate flexibleFrom = dateTime(offering.get("flexibleEntryPeriodStart"), path + ".flexibleEntryPeriodStart");
            LocalDate flexibleTo = dateTime(offering.get("flexibleEntryPeriodEnd"), path + ".flexibleEntryPeriodEnd");
            boolean flexible = flexibleFrom != null || flexibleTo != null;
            Double price = price(offering.get("priceInformation"), path + ".priceInformation");
            String place = place(offering.get("addresses"), path + ".addresses", true);
            Set<String> modes = modesOfDelivery(offering.get("modesOfDelivery"), path + ".modesOfDelivery");
            String language = teachingLanguage(offering.get("teachingLanguages"), path + ".teachingLanguages", false);
            organisationReference(offering.get("organisation"), path + ".organisation");
            ext(offering, path);
            if (state != null && (state.equals("canceled") || state.equals("inactive") || state.equals("concept"))) {
                notMapped.add(new Unmapped(path, "state '" + state + "': not open to learners, so not a start moment"));
                continue;
            }
            if (course != null) {
                byCourse.computeIfAbsent(course, c -> new ArrayList<>()).add(new Offering(path,
                        start == null ? List.of() : List.of(start), start, end, price, place, modes, language, flexible));
            }
        }
        return byCourse;
    }

    // --- courses

    private static final class Course {
        String path;
        String ooapiId;
        String id;
        Titles titles;
        Map<String, String> descriptions;
        StudyLoad load;
        Integer weeks;
        Integer eqfLevel;
        String language;
        String place;
        String mode;
        String kind;
        Double costEur;
        List<LocalDate> startMoments = List.of();
        String partOf;
        final List<Outcome> outcomes = new ArrayList<>();
    }

    private List<Course> courses(List<Map.Entry<String, Map<?, ?>>> items, Map<String, Programme> programmes,
            Map<String, Outcome> outcomes, Map<String, List<Offering>> offerings) {
        List<Course> courses = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (var item : items) {
            Course course = course(item.getValue(), item.getKey(), programmes, outcomes, offerings);
            if (course.ooapiId != null && !ids.add(course.ooapiId)) {
                errors.add(new Problem(item.getKey() + ".courseId", "'" + course.ooapiId
                        + "' is the id of an earlier course too"));
            }
            courses.add(course);
        }
        for (String course : offerings.keySet()) {
            if (!ids.contains(course)) {
                offerings.get(course).forEach(o -> errors.add(new Problem(o.path() + ".course",
                        "there is no course '" + course + "' in the document")));
            }
        }
        return courses;
    }

    private Course course(Map<?, ?> item, String path, Map<String, Programme> programmes, Map<String, Outcome> outcomes,
            Map<String, List<Offering>> offeringsByCourse) {
        Course course = new Course();
        course.path = path;
        properties(item, OoapiVocabulary.COURSE, path, Set.of("courseId", "primaryCode", "name", "studyLoad",
                "modesOfDelivery", "duration", "description", "teachingLanguages", "learningOutcomes", "level",
                "addresses", "programmes", "organisation", "ext"));
        course.ooapiId = uuid(item, "courseId", path);
        Map<?, ?> code = identifier(item.get("primaryCode"), path + ".primaryCode", true);
        Map<String, String> names = texts(item.get("name"), path + ".name", true);
        course.titles = names.isEmpty() ? null : titles(names, path + ".name");
        course.descriptions = texts(item.get("description"), path + ".description", false);
        course.load = studyLoad(item.get("studyLoad"), path + ".studyLoad", true);
        Set<String> modes = new LinkedHashSet<>(modesOfDelivery(item.get("modesOfDelivery"), path + ".modesOfDelivery"));
        Integer weeks = duration(item.get("duration"), path + ".duration");
        String language = teachingLanguage(item.get("teachingLanguages"), path + ".teachingLanguages", false);
        Integer level = eqfOfLevel(enumeration(item.get("level"), path + ".level", OoapiVocabulary.LEVEL, false));
        String coursePlace = place(item.get("addresses"), path + ".addresses", true);
        organisationReference(item.get("organisation"), path + ".organisation");
        ext(item, path);

        Programme container = null;
        List<?> inProgrammes = array(item.get("programmes"), path + ".programmes", false);
        for (int i = 0; inProgrammes != null && i < inProgrammes.size(); i++) {
            String ref = reference(inProgrammes.get(i), path + ".programmes[" + i + "]", "programmeId");
            Programme programme = ref == null ? null : programmes.get(ref);
            if (ref != null && programme == null) {
                errors.add(new Problem(path + ".programmes[" + i + "]", "there is no programme '" + ref
                        + "' in the document"));
            } else if (programme != null && container == null) {
                container = programme;
            } else if (programme != null) {
                notMapped.add(new Unmapped(path + ".programmes[" + i + "]", "a Leerroute unit is part of one minor or "
                        + "programme; the first is used"));
            }
        }
        course.partOf = container == null ? null : container.partOf;
        course.eqfLevel = level != null ? level : container == null ? null : container.eqfLevel;
        if (course.eqfLevel == null) {
            errors.add(new Problem(path + ".level", "Leerroute needs the EQF level a course teaches at: give level "
                    + "(e.g. bachelor, secondary_vocational_education_3) or levelOfQualification on its programme"));
        }

        List<?> taught = array(item.get("learningOutcomes"), path + ".learningOutcomes", false);
        for (int i = 0; taught != null && i < taught.size(); i++) {
            String ref = reference(taught.get(i), path + ".learningOutcomes[" + i + "]", "learningOutcomeId");
            Outcome outcome = ref == null ? null : outcomes.get(ref);
            if (ref != null && outcome == null) {
                errors.add(new Problem(path + ".learningOutcomes[" + i + "]", "there is no learning outcome '" + ref
                        + "' in the document's learningOutcomes"));
            } else if (outcome != null && !course.outcomes.contains(outcome)) {
                course.outcomes.add(outcome);
                if (course.eqfLevel != null) {
                    outcome.yieldLevels.add(course.eqfLevel);
                }
            }
        }
        if (taught == null || taught.isEmpty()) {
            errors.add(new Problem(path + ".learningOutcomes", "Leerroute needs at least one learning outcome a "
                    + "course teaches (routes are planned by outcomes)"));
        }

        List<Offering> offerings = offeringsByCourse.getOrDefault(course.ooapiId, List.of());
        List<LocalDate> starts = offerings.stream().filter(o -> !o.flexible()).flatMap(o -> o.starts().stream())
                .distinct().sorted().toList();
        course.startMoments = offerings.stream().anyMatch(Offering::flexible) ? List.of() : starts;
        offerings.forEach(o -> modes.addAll(o.modes()));
        course.costEur = offerings.stream().map(Offering::priceEur).filter(p -> p != null).max(Comparator.naturalOrder())
                .orElse(null);
        if (course.costEur == null) {
            errors.add(new Problem(path, "Leerroute needs the price of a course: give a course offering with "
                    + "priceInformation of costType total_costs in EUR"));
        } else if (offerings.stream().map(Offering::priceEur).filter(p -> p != null).distinct().count() > 1) {
            notMapped.add(new Unmapped(path, "its offerings have different prices; Leerroute keeps one: the highest"));
        }
        if (weeks == null) {
            weeks = offerings.stream().filter(o -> o.start() != null && o.end() != null)
                    .map(o -> (int) Math.max(1, (ChronoUnit.DAYS.between(o.start(), o.end()) + 7) / 7))
                    .max(Comparator.naturalOrder()).orElse(null);
        }
        course.weeks = weeks;
        if (weeks == null) {
            errors.add(new Problem(path + ".duration", "Leerroute needs the calendar length of a course: give duration "
                    + "(e.g. P10W) or offerings with startDateTime and endDateTime"));
        }
        course.language = language != null ? language : offerings.stream().map(Offering::language)
                .filter(l -> l != null).findFirst().orElse(null);
        if (course.language == null) {
            errors.add(new Problem(path + ".teachingLanguages", "Leerroute needs the teaching language of a course "
                    + "(Dutch or English)"));
        }
        course.mode = mode(modes, container, path);
        String offeringPlace = offerings.stream().map(Offering::place).filter(p -> p != null).findFirst().orElse(null);
        course.place = course.mode.equals("ONLINE") ? null
                : offeringPlace != null ? offeringPlace : coursePlace != null ? coursePlace : organisationPlace;
        if (!course.mode.equals("ONLINE") && course.place == null) {
            errors.add(new Problem(path + ".addresses", "Leerroute needs the place where a course is taught (an address "
                    + "of type teaching on the course, its offerings or the organisation, in a known place)"));
        }
        course.kind = course.mode.equals("ONLINE") ? "ONLINE_COURSE" : course.partOf != null
                || facts.institutionKind().equals("UNIVERSITY_OF_APPLIED_SCIENCES")
                || facts.institutionKind().equals("UNIVERSITY") ? "MODULE" : "TRAINING";
        course.id = code == null ? null : leerrouteId((String) code.get("code"), "u", course.ooapiId, path);
        return course;
    }

    /** Leerroute's delivery mode from OOAPI's modes of delivery and the programme's mode of study. */
    private String mode(Set<String> modes, Programme container, String path) {
        if (!modes.isEmpty() && modes.stream().allMatch("online"::equals)) {
            return "ONLINE";
        }
        if (container != null && container.mode != null && !container.mode.equals("self_paced")) {
            return switch (container.mode) {
                case "full_time" -> "FULL_TIME";
                case "dual_training" -> "DUAL";
                default -> "PART_TIME";
            };
        }
        if (modes.contains("work_based")) {
            return "DUAL";
        }
        notMapped.add(new Unmapped(path + ".modesOfDelivery", "OOAPI says how a course is delivered " + modes
                + ", not whether it is full-time; without a programme's modeOfStudy it is taken as PART_TIME"));
        return "PART_TIME";
    }

    private List<UnitRecord> units(List<Course> courses, Map<String, Outcome> outcomes) {
        List<UnitRecord> units = new ArrayList<>();
        for (Course c : courses) {
            if (c.id == null || c.titles == null || c.load == null || c.eqfLevel == null) {
                continue;
            }
            List<YieldInput> yields = new ArrayList<>();
            Set<String> yielded = new java.util.HashSet<>();
            for (Outcome outcome : c.outcomes) {
                if (outcome.leerrouteId != null && !yielded.add(outcome.leerrouteId)) {
                    notMapped.add(new Unmapped(outcome.path, "maps onto " + outcome.leerrouteId + " like another "
                            + "outcome of " + c.path + ": yielded once"));
                } else if (outcome.leerrouteId != null) {
                    yields.add(new YieldInput(outcome.leerrouteId, c.eqfLevel));
                }
            }
            UnitInput unit = new UnitInput(c.id, c.kind, c.titles.nl, c.titles.en, c.descriptions.get("nl"),
                    c.descriptions.get("en"), facts.institutionId(), c.partOf, null, c.load.ec, c.load.hours, c.weeks,
                    c.costEur, c.mode, c.place, c.language, c.startMoments, yields, null);
            units.add(new UnitRecord(c.ooapiId, c.path, unit));
            mapped.add(new Mapping(c.path, "LearningUnit", c.id, c.kind + ", " + c.load.hours + " h" + (c.load.ec == null
                    ? "" : " (" + number(c.load.ec) + " EC)") + ", EQF " + c.eqfLevel + c.titles.note));
        }
        return units;
    }

    // --- value types of the specification

    private record StudyLoad(Double ec, int hours) {
    }

    /** Study hours from studyLoad: ects (28 h each), sbu and hour count; contact time is not study load. */
    private StudyLoad studyLoad(Object value, String path, boolean required) {
        List<?> loads = array(value, path, false);
        StudyLoad found = null;
        for (int i = 0; loads != null && i < loads.size(); i++) {
            String itemPath = path + "[" + i + "]";
            Map<?, ?> load = object(loads.get(i), itemPath, true);
            if (load == null) {
                continue;
            }
            only(load, Set.of("studyLoadUnit", "value"), itemPath, "StudyLoadDescriptor");
            String unit = enumeration(load.get("studyLoadUnit"), itemPath + ".studyLoadUnit",
                    OoapiVocabulary.STUDY_LOAD_UNIT, true);
            Double amount = positive(load.get("value"), itemPath + ".value", true);
            if (unit == null || amount == null) {
                continue;
            }
            StudyLoad load2 = switch (unit) {
                case "ects" -> new StudyLoad(amount, (int) Math.round(amount * HOURS_PER_EC));
                case "sbu", "hour" -> new StudyLoad(null, (int) Math.round(amount));
                default -> null;
            };
            if (load2 == null) {
                notMapped.add(new Unmapped(itemPath, "study load in '" + unit + "' has no fixed number of study hours"));
            } else if (found != null) {
                notMapped.add(new Unmapped(itemPath, "Leerroute keeps one study load; the first in ects, sbu or hour "
                        + "is used"));
            } else {
                found = load2;
            }
        }
        if (found == null && required) {
            errors.add(new Problem(path, "Leerroute needs the study hours: give a studyLoad in ects, sbu or hour"));
        }
        return found;
    }

    private Set<String> modesOfDelivery(Object value, String path) {
        Set<String> modes = new LinkedHashSet<>();
        List<?> list = array(value, path, false);
        for (int i = 0; list != null && i < list.size(); i++) {
            String mode = enumeration(list.get(i), path + "[" + i + "]", OoapiVocabulary.MODE_OF_DELIVERY, true);
            if (mode != null && mode.startsWith("x-")) {
                notMapped.add(new Unmapped(path + "[" + i + "]", "custom mode of delivery '" + mode + "'"));
            } else if (mode != null) {
                modes.add(mode);
            }
        }
        return modes;
    }

    /** Weeks of an ISO 8601 duration (schemas/CourseProperties.yaml's pattern), rounded up; at least 1. */
    private Integer duration(Object value, String path) {
        String text = string(value, path, false);
        if (text == null) {
            return null;
        }
        Matcher m = DURATION.matcher(text);
        if (!m.matches() || !m.group(1).isEmpty()) {
            errors.add(new Problem(path, "must be an ISO 8601 duration such as P10W or P3M, got '" + text + "'"));
            return null;
        }
        double days = 365.0 * num(m.group(2)) + 30.0 * num(m.group(3))
                + ("W".equals(m.group(5)) ? 7.0 : 1.0) * num(m.group(4))
                + (num(m.group(6)) + num(m.group(7)) / 60.0 + (m.group(8) == null ? 0 : Double.parseDouble(m.group(8))
                        / 3600.0)) / 24.0;
        return (int) Math.max(1, Math.ceil(days / 7.0));
    }

    private static long num(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }

    /** The EQF level of OOAPI's level enumeration, as its descriptions pair them with levelOfQualification. */
    private static Integer eqfOfLevel(String level) {
        if (level == null) {
            return null;
        }
        return switch (level) {
            case "secondary_vocational_education_1" -> 1;
            case "secondary_vocational_education_2" -> 2;
            case "secondary_vocational_education_3" -> 3;
            case "secondary_vocational_education_4" -> 4;
            case "associate_degree" -> 5;
            case "bachelor" -> 6;
            case "master" -> 7;
            case "doctoral" -> 8;
            default -> null;
        };
    }

    /** The highest total_costs amount in EUR of an offering's priceInformation. */
    private Double price(Object value, String path) {
        List<?> prices = array(value, path, false);
        Double total = null;
        for (int i = 0; prices != null && i < prices.size(); i++) {
            String itemPath = path + "[" + i + "]";
            Map<?, ?> price = object(prices.get(i), itemPath, true);
            if (price == null) {
                continue;
            }
            String type = enumeration(price.get("costType"), itemPath + ".costType", OoapiVocabulary.COST_TYPE, true);
            Double amount = positive(price.get("amount"), itemPath + ".amount", true);
            String currency = string(price.get("currency"), itemPath + ".currency", false);
            for (Object key : price.keySet()) {
                if (!Set.of("costType", "amount", "currency").contains(key)) {
                    notMapped.add(new Unmapped(itemPath + "." + key, "Leerroute keeps one total price per unit"));
                }
            }
            if (type == null || amount == null) {
                continue;
            }
            if (!type.equals("total_costs")) {
                notMapped.add(new Unmapped(itemPath, "costType '" + type + "': Leerroute keeps the total costs only"));
            } else if (currency != null && !currency.equals("EUR")) {
                errors.add(new Problem(itemPath + ".currency", "Leerroute keeps prices in EUR, got '" + currency + "'"));
            } else {
                total = total == null ? amount : Math.max(total, amount);
            }
        }
        return total;
    }

    /** The Leerroute place of the first address (teaching first) whose city is a known place. */
    private String place(Object value, String path, boolean teachingOnly) {
        List<?> addresses = array(value, path, false);
        String found = null;
        int foundRank = Integer.MAX_VALUE;
        for (int i = 0; addresses != null && i < addresses.size(); i++) {
            String itemPath = path + "[" + i + "]";
            Map<?, ?> address = object(addresses.get(i), itemPath, true);
            if (address == null) {
                continue;
            }
            String type = enumeration(address.get("addressType"), itemPath + ".addressType", OoapiVocabulary.ADDRESS_TYPE,
                    true);
            String city = string(address.get("city"), itemPath + ".city", false);
            int rank = "teaching".equals(type) ? 0 : "visit".equals(type) && !teachingOnly ? 1 : -1;
            if (city == null || rank < 0) {
                continue;
            }
            if (!facts.places().contains(city)) {
                errors.add(new Problem(itemPath + ".city", "'" + city + "' is not a place Leerroute knows "
                        + "(graph-seed/places.csv)"));
            } else if (rank < foundRank) {
                found = city;
                foundRank = rank;
            }
        }
        return found;
    }

    private String teachingLanguage(Object value, String path, boolean required) {
        List<?> languages = array(value, path, false);
        String found = null;
        for (int i = 0; languages != null && i < languages.size(); i++) {
            String tag = language(languages.get(i), path + "[" + i + "]");
            String mapped2 = leerrouteLanguage(tag);
            if (tag != null && mapped2 == null) {
                notMapped.add(new Unmapped(path + "[" + i + "]", "language '" + tag + "': Leerroute units are taught "
                        + "in Dutch or English"));
            } else if (mapped2 != null && found == null) {
                found = mapped2;
            } else if (mapped2 != null) {
                notMapped.add(new Unmapped(path + "[" + i + "]", "a Leerroute unit has one teaching language; the "
                        + "first is used"));
            }
        }
        if (required && found == null) {
            errors.add(new Problem(path, "is required"));
        }
        return found;
    }

    private static String leerrouteLanguage(String tag) {
        if (tag == null) {
            return null;
        }
        String primary = tag.split("-")[0];
        return switch (primary) {
            case "nl", "nld", "dut" -> "nl";
            case "en", "eng" -> "en";
            default -> null;
        };
    }

    private String language(Object value, String path) {
        String tag = string(value, path, true);
        if (tag != null && !LANGUAGE.matcher(tag).matches()) {
            errors.add(new Problem(path, "must be a language tag such as nl-NL or en-GB (schemas/Language.yaml), got '"
                    + tag + "'"));
            return null;
        }
        return tag;
    }

    /** LanguageTypedString list: Leerroute language (nl, en) -> value; other languages are reported. */
    private Map<String, String> texts(Object value, String path, boolean required) {
        Map<String, String> texts = new LinkedHashMap<>();
        List<?> list = array(value, path, required);
        if (list != null && list.isEmpty() && required) {
            errors.add(new Problem(path, "needs at least one item (minItems 1)"));
        }
        for (int i = 0; list != null && i < list.size(); i++) {
            String itemPath = path + "[" + i + "]";
            Map<?, ?> text = object(list.get(i), itemPath, true);
            if (text == null) {
                continue;
            }
            only(text, Set.of("language", "value"), itemPath, "LanguageTypedString");
            String tag = text.containsKey("language") ? language(text.get("language"), itemPath + ".language")
                    : missing(itemPath + ".language");
            String content = string(text.get("value"), itemPath + ".value", true);
            String language = leerrouteLanguage(tag);
            if (tag != null && content != null && language == null) {
                notMapped.add(new Unmapped(itemPath, "language '" + tag + "': Leerroute keeps Dutch and English texts"));
            } else if (language != null && content != null && texts.putIfAbsent(language, content) != null) {
                notMapped.add(new Unmapped(itemPath, "a second " + language + " text; the first is kept"));
            }
        }
        return texts;
    }

    private record Titles(String nl, String en, String note) {
    }

    /** Leerroute needs both a Dutch and an English title: a missing one takes the other's text. */
    private static Titles titles(Map<String, String> names, String path) {
        String nl = names.get("nl");
        String en = names.get("en");
        if (nl == null && en == null) {
            return new Titles(null, null, "");
        }
        String note = nl == null ? "; no Dutch name at " + path + ", the English one is used for both"
                : en == null ? "; no English name at " + path + ", the Dutch one is used for both" : "";
        return new Titles(nl != null ? nl : en, en != null ? en : nl, note);
    }

    /** An IdentifierEntry (codeType, code; no other properties). */
    private Map<?, ?> identifier(Object value, String path, boolean required) {
        Map<?, ?> entry = object(value, path, required);
        if (entry == null) {
            return null;
        }
        for (Object key : entry.keySet()) {
            if (!key.equals("codeType") && !key.equals("code")) {
                errors.add(new Problem(path + "." + key, "not a property of IdentifierEntry (codeType and code only: "
                        + "schemas/IdentifierEntry.yaml has additionalProperties false)"));
            }
        }
        String type = enumeration(entry.get("codeType"), path + ".codeType", OoapiVocabulary.CODE_TYPE, true);
        String code = string(entry.get("code"), path + ".code", true);
        if (code != null && code.isBlank()) {
            errors.add(new Problem(path + ".code", "must not be blank"));
            return null;
        }
        return type == null || code == null ? null : entry;
    }

    /** A reference to another object: its uuid, or the expanded object carrying it in {@code idProperty}. */
    private String reference(Object value, String path, String idProperty) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> expanded) {
            return uuid(expanded, idProperty, path);
        }
        String id = string(value, path, true);
        if (id != null && !UUID.matcher(id).matches()) {
            errors.add(new Problem(path, "must be a uuid (schemas/Identifier.yaml), got '" + id + "'"));
            return null;
        }
        return id;
    }

    private void organisationReference(Object value, String path) {
        if (value != null) {
            reference(value, path, "organisationId");
            notMapped.add(new Unmapped(path, "the provider is the importing institution"));
        }
    }

    private String uuid(Map<?, ?> object, String property, String path) {
        String id = string(object.get(property), path + "." + property, true);
        if (id != null && !UUID.matcher(id).matches()) {
            errors.add(new Problem(path + "." + property, "must be a uuid (format uuid), got '" + id + "'"));
            return null;
        }
        return id;
    }

    private String enumeration(Object value, String path, Enumeration enumeration, boolean required) {
        String text = string(value, path, required);
        if (text != null && !enumeration.allows(text)) {
            errors.add(new Problem(path, "'" + text + "' is not a value of " + enumeration.file() + " "
                    + new TreeSet<>(enumeration.values()) + (enumeration.extensible() ? " (custom values start with x-)"
                    : "")));
            return null;
        }
        return text;
    }

    private Integer level(Object value, String path) {
        return integer(value, path, 1, 8);
    }

    private Integer integer(Object value, String path, int min, int max) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < min
                || ((Number) value).longValue() > max) {
            errors.add(new Problem(path, "must be a whole number " + min + "-" + max + ", got " + describe(value)));
            return null;
        }
        return ((Number) value).intValue();
    }

    private Double positive(Object value, String path, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new Problem(path, "is required"));
            }
            return null;
        }
        if (!(value instanceof Number number)) {
            errors.add(new Problem(path, "must be a number, got " + describe(value)));
            return null;
        }
        if (number.doubleValue() < 0 || Double.isNaN(number.doubleValue())) {
            errors.add(new Problem(path, "must be 0 or more, got " + number));
            return null;
        }
        return number.doubleValue();
    }

    private LocalDate date(Object value, String path, boolean required) {
        String text = string(value, path, required);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new Problem(path, "must be a date (YYYY-MM-DD), got '" + text + "'"));
            return null;
        }
    }

    /** The calendar day of an RFC 3339 date-time. */
    private LocalDate dateTime(Object value, String path) {
        String text = string(value, path, false);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            errors.add(new Problem(path, "must be an RFC 3339 date-time such as 2027-02-01T09:00:00+01:00, got '"
                    + text + "'"));
            return null;
        }
    }

    private String string(Object value, String path, boolean required) {
        if (value == null) {
            if (required) {
                missing(path);
            }
            return null;
        }
        if (!(value instanceof String text)) {
            errors.add(new Problem(path, "must be a string, got " + describe(value)));
            return null;
        }
        return text;
    }

    private String missing(String path) {
        if (errors.stream().noneMatch(p -> p.path().equals(path))) {
            errors.add(new Problem(path, "is required"));
        }
        return null;
    }

    private List<?> array(Object value, String path, boolean required) {
        if (value == null) {
            if (required) {
                missing(path);
            }
            return null;
        }
        if (!(value instanceof List<?> list)) {
            errors.add(new Problem(path, "must be an array, got " + describe(value)));
            return null;
        }
        return list;
    }

    private Map<?, ?> object(Object value, String path, boolean required) {
        if (value == null) {
            if (required) {
                missing(path);
            }
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            errors.add(new Problem(path, "must be an object, got " + describe(value)));
            return null;
        }
        return map;
    }

    /**
     * Checks an object against its specification: required properties present, and every other property
     * either read ({@code read}), reported as not mapped (with the reason), or reported as unknown.
     */
    private void properties(Map<?, ?> object, ObjectSpec spec, String path, Set<String> read) {
        for (String required : spec.required()) {
            if (object.get(required) == null) {
                errors.add(new Problem(path + "." + required, "is required (" + spec.files() + ")"));
            }
        }
        for (Object key : object.keySet()) {
            String name = String.valueOf(key);
            if (read.contains(name) || object.get(key) == null) {
                continue;
            }
            if (!spec.properties().contains(name)) {
                notMapped.add(new Unmapped(path + "." + name, "not a property of OOAPI v6 " + spec.name() + " ("
                        + spec.files() + "); ignored"));
            } else {
                notMapped.add(new Unmapped(path + "." + name, NOT_MAPPED.getOrDefault(name,
                        "has no Leerroute field")));
            }
        }
    }

    private void only(Map<?, ?> object, Set<String> allowed, String path, String schema) {
        for (Object key : object.keySet()) {
            if (!allowed.contains(key)) {
                notMapped.add(new Unmapped(path + "." + key, "not a property of OOAPI v6 " + schema + "; ignored"));
            }
        }
    }

    /** {@code ext.leerroute} of an object (Leerroute's own extension, through OOAPI's ext); other ext content is reported. */
    private Map<?, ?> leerrouteExt(Map<?, ?> object, String path) {
        Map<?, ?> ext = object(object.get("ext"), path + ".ext", false);
        if (ext == null) {
            return null;
        }
        for (Object key : ext.keySet()) {
            if (!"leerroute".equals(key)) {
                notMapped.add(new Unmapped(path + ".ext." + key, "an extension Leerroute does not know"));
            }
        }
        return object(ext.get("leerroute"), path + ".ext.leerroute", false);
    }

    private void ext(Map<?, ?> object, String path) {
        Map<?, ?> leerroute = leerrouteExt(object, path);
        if (leerroute != null) {
            errors.add(new Problem(path + ".ext.leerroute", "Leerroute reads ext.leerroute on learning outcomes only"));
        }
    }

    /** A Leerroute id from an OOAPI code: {@code ooapi-<institution>-<code>}, or the uuid when there is no code. */
    private String leerrouteId(String code, String kind, String ooapiId, String path) {
        String base = code != null ? code : kind + "-" + ooapiId;
        String slug = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^-|-$", "");
        String id = "ooapi-" + facts.institutionId() + "-" + (kind.equals("u") || code == null ? "" : kind + "-") + slug;
        if (!leerrouteIds.add(id)) {
            errors.add(new Problem(path + ".primaryCode.code", "'" + base + "' gives the Leerroute id '" + id
                    + "', which an earlier record of the document already has"));
        }
        return id;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "the string '" + s + "'";
        }
        if (value instanceof Number n) {
            return "the number " + n;
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        return String.valueOf(value);
    }

    private static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
