package nl.leerroute.seed;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import nl.leerroute.seed.CsvTable.Row;
import nl.leerroute.seed.ParsedSeed.NodeRecord;
import nl.leerroute.seed.ParsedSeed.RelationshipRecord;
import nl.leerroute.seed.SeedSchema.Column;
import nl.leerroute.seed.SeedSchema.FileSpec;
import nl.leerroute.seed.SeedSchema.Goals;
import nl.leerroute.seed.SeedSchema.LevelledOutcomes;
import nl.leerroute.seed.SeedSchema.Property;
import nl.leerroute.seed.SeedSchema.Reference;
import nl.leerroute.seed.SeedSchema.ReferenceList;
import nl.leerroute.seed.SeedSchema.Requirements;

/**
 * Reads and validates a whole seed directory without touching the database. Every problem is
 * collected (file, line, field) so that one run shows the editor everything to fix.
 */
final class SeedParser {

    /** Bump when the mapping from files to graph changes, so an unchanged seed is imported again. */
    private static final String IMPORTER_REVISION = "2";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final int EC_HOURS = 28;

    private final Path directory;
    private final List<SeedProblem> problems = new ArrayList<>();
    private final Map<String, CsvTable> tables = new LinkedHashMap<>();
    /** kind -> id -> row */
    private final Map<String, Map<String, Row>> index = new HashMap<>();
    /** kind:id:column -> parsed outcome levels, for assertions derived from a diploma, certificate or unit */
    private final Map<String, Map<String, Integer>> levelled = new HashMap<>();
    private final List<NodeRecord> nodes = new ArrayList<>();
    private final List<RelationshipRecord> relationships = new ArrayList<>();

    private SeedParser(Path directory) {
        this.directory = directory;
    }

    /** @throws InvalidSeedException listing every problem found */
    static ParsedSeed parse(Path directory) {
        return new SeedParser(directory).run();
    }

    private ParsedSeed run() {
        if (!Files.isDirectory(directory)) {
            throw new InvalidSeedException(List.of(new SeedProblem(directory.toString(), 0, "",
                    "is not a directory")));
        }
        readManifest();
        for (FileSpec spec : SeedSchema.FILES) {
            String content = read(spec.file());
            if (content != null) {
                CsvTable table = CsvTable.parse(spec.file(), content, problems);
                checkHeader(spec, table);
                tables.put(spec.kind(), table);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSeedException(problems);
        }
        for (FileSpec spec : SeedSchema.FILES) {
            indexIds(spec, tables.get(spec.kind()));
        }
        for (FileSpec spec : SeedSchema.FILES) {
            for (Row row : tables.get(spec.kind()).rows()) {
                convert(spec, row);
            }
        }
        addRegions();
        deriveAssertions();
        if (!problems.isEmpty()) {
            throw new InvalidSeedException(problems);
        }
        return new ParsedSeed(contentHash(directory), nodes, relationships);
    }

    private static final String MANIFEST = "manifest.properties";

    /**
     * A hash of every seed file and of the importer revision, cheap enough to decide at start-up
     * whether the graph already holds this seed without parsing it.
     */
    static String contentHash(Path directory) {
        MessageDigest digest = sha256();
        digest.update(IMPORTER_REVISION.getBytes(StandardCharsets.UTF_8));
        List<String> files = new ArrayList<>();
        files.add(MANIFEST);
        SeedSchema.FILES.forEach(spec -> files.add(spec.file()));
        for (String file : files) {
            digest.update(file.getBytes(StandardCharsets.UTF_8));
            try {
                digest.update(Files.readAllBytes(directory.resolve(file)));
            } catch (IOException e) {
                digest.update(new byte[] {0});
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private void readManifest() {
        String file = MANIFEST;
        String content = read(file);
        if (content == null) {
            return;
        }
        Properties manifest = new Properties();
        try {
            manifest.load(new StringReader(content));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(new SeedProblem(file, 0, "", "cannot be read: " + e.getMessage()));
            return;
        }
        String version = manifest.getProperty("format.version");
        if (!SeedSchema.FORMAT_VERSION.equals(version)) {
            problems.add(new SeedProblem(file, 0, "format.version", "is '" + version + "', this importer reads "
                    + "format version " + SeedSchema.FORMAT_VERSION));
        }
    }

    private String read(String file) {
        Path path = directory.resolve(file);
        if (!Files.isRegularFile(path)) {
            problems.add(new SeedProblem(file, 0, "", "is missing from " + directory));
            return null;
        }
        try {
            byte[] bytes = Files.readAllBytes(path);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(new SeedProblem(file, 0, "", "is not UTF-8: save it as 'CSV UTF-8'"));
        } catch (IOException e) {
            problems.add(new SeedProblem(file, 0, "", "cannot be read: " + e.getMessage()));
        }
        return null;
    }

    private void checkHeader(FileSpec spec, CsvTable table) {
        Set<String> known = new LinkedHashSet<>();
        spec.columns().forEach(c -> known.add(c.name()));
        for (String name : table.header()) {
            if (!known.contains(name)) {
                problems.add(new SeedProblem(spec.file(), 1, name, "is not a column of " + spec.file()
                        + " (known: " + String.join(", ", known) + ")"));
            }
        }
        for (Column column : spec.columns()) {
            if (column.required() && !table.header().contains(column.name())) {
                problems.add(new SeedProblem(spec.file(), 1, column.name(), "required column is missing"));
            }
        }
    }

    private String idOf(FileSpec spec, Row row) {
        if (spec.idColumn() != null) {
            return row.get(spec.idColumn());
        }
        List<String> parts = new ArrayList<>();
        for (String column : spec.key()) {
            parts.add(row.get(column) == null ? "" : row.get(column));
        }
        return spec.kind() + ":" + String.join("|", parts);
    }

    private void indexIds(FileSpec spec, CsvTable table) {
        Map<String, Row> ids = new LinkedHashMap<>();
        for (Row row : table.rows()) {
            String id = idOf(spec, row);
            String field = spec.idColumn() == null ? String.join("+", spec.key()) : spec.idColumn();
            if (spec.idColumn() != null) {
                if (id == null) {
                    problems.add(new SeedProblem(spec.file(), row.line(), field, "is required"));
                    continue;
                }
                if (!ID.matcher(id).matches() && !"place".equals(spec.kind())) {
                    problems.add(new SeedProblem(spec.file(), row.line(), field, "'" + id
                            + "' is not a valid id (letters, digits, '-', '_', '.'; no spaces)"));
                    continue;
                }
            }
            Row earlier = ids.putIfAbsent(id, row);
            if (earlier != null) {
                problems.add(new SeedProblem(spec.file(), row.line(), field, "'" + id
                        + "' is used twice (first on line " + earlier.line() + ")"));
            }
        }
        index.put(spec.kind(), ids);
    }

    private void convert(FileSpec spec, Row row) {
        String id = idOf(spec, row);
        if (id == null || index.get(spec.kind()).get(id) != row) {
            return; // already reported as missing or duplicate id
        }
        String label = spec.labels().get(0);
        List<String> labels = new ArrayList<>(spec.labels());
        Map<String, Object> properties = new TreeMap<>();
        properties.put("id", id);
        Ctx ctx = new Ctx(spec, row, label, id);
        for (Column column : spec.columns()) {
            String raw = row.get(column.name());
            if (raw == null) {
                if (column.required()) {
                    ctx.problem(column.name(), "is required");
                }
                continue;
            }
            if (column instanceof Property p) {
                Object value = value(ctx, p, raw);
                if (value != null) {
                    properties.put(p.property(), value);
                }
            } else if (column instanceof Reference r) {
                reference(ctx, r.name(), r.relationship(), r.targets(), r.scheme(), raw, Map.of());
            } else if (column instanceof ReferenceList r) {
                for (String item : items(raw)) {
                    reference(ctx, r.name(), r.relationship(), r.targets(), r.scheme(), item, Map.of());
                }
            } else if (column instanceof LevelledOutcomes l) {
                Map<String, Integer> levels = outcomeLevels(ctx, l.name(), raw);
                levelled.put(spec.kind() + ":" + id + ":" + l.name(), levels);
                levels.forEach((outcome, level) -> relationships.add(new RelationshipRecord(label, id,
                        l.relationship(), "LearningOutcome", outcome, Map.of("level", (long) level))));
                properties.put(l.name() + "Text", raw);
            } else if (column instanceof Requirements r) {
                requirements(ctx, r.name(), raw);
                properties.put("requiresText", raw);
            } else if (column instanceof Goals g) {
                goals(ctx, g.name(), raw);
            }
        }
        if ("framework".equals(spec.kind()) && properties.get("scheme") instanceof String scheme) {
            labels.add(SeedSchema.SCHEME_LABELS.get(scheme));
        }
        rowRules(ctx, properties);
        nodes.add(new NodeRecord(labels, id, properties));
    }

    /** Checks that involve more than one field of a record. */
    private void rowRules(Ctx ctx, Map<String, Object> p) {
        switch (ctx.spec.kind()) {
            case "unit" -> {
                if (p.get("ec") instanceof Double ec && p.get("hours") instanceof Long hours
                        && Math.round(ec * EC_HOURS) != hours) {
                    ctx.problem("hours", "is " + hours + " but " + format(ec) + " EC x " + EC_HOURS + " = "
                            + Math.round(ec * EC_HOURS));
                }
                if (!"ONLINE".equals(p.get("mode")) && ctx.row.get("place") == null && p.containsKey("mode")) {
                    ctx.problem("place", "is required unless mode is ONLINE");
                }
                positive(ctx, p, "hours", "hours");
                positive(ctx, p, "durationWeeks", "duration_weeks");
            }
            case "outcome" -> {
                range(ctx, p, "eqfLevel", "eqf_level", 1, 8);
                positive(ctx, p, "shelfLifeYears", "shelf_life_years");
            }
            case "programme" -> {
                range(ctx, p, "appendix", "appendix", 1, 2);
                if (p.get("croho") instanceof String croho && !DIGITS.matcher(croho).matches()) {
                    ctx.problem("croho", "'" + croho + "' is not a CROHO code (digits only)");
                }
            }
            case "role" -> range(ctx, p, "iscoLevel", "isco_level", 1, 4);
            case "framework" -> positive(ctx, p, "ordinal", "ordinal");
            case "labour" -> {
                String province = ctx.row.get("province");
                if (province != null && !provinces().contains(province)
                        && !SeedSchema.PROVINCE_NATIONAL.contains(province)) {
                    ctx.problem("province", "'" + province + "' is not a province of places.csv nor "
                            + SeedSchema.PROVINCE_NATIONAL);
                }
            }
            case "evidence" -> {
                if ("VALIDATED".equals(p.get("status"))) {
                    if (!p.containsKey("validationMethod")) {
                        ctx.problem("validation_method", "is required when status is VALIDATED");
                    }
                    if (!p.containsKey("validatedOn")) {
                        ctx.problem("validated_on", "is required when status is VALIDATED");
                    }
                }
                if (p.get("from") instanceof LocalDate from && p.get("to") instanceof LocalDate to
                        && to.isBefore(from)) {
                    ctx.problem("to", "is before 'from' (" + from + ")");
                }
            }
            case "account" -> {
                String role = String.valueOf(p.get("role"));
                if (role.equals("WORKER") != (ctx.row.get("person") != null)) {
                    ctx.problem("person", "is required for role WORKER and only for it");
                }
                boolean forInstitution = role.equals("INSTITUTION_EDITOR") || role.equals("EMPLOYER");
                if (forInstitution != (ctx.row.get("institution") != null)) {
                    ctx.problem("institution", "is required for roles INSTITUTION_EDITOR and EMPLOYER and only "
                            + "for them");
                }
                if (role.equals("EMPLOYER") && ctx.row.get("institution") != null) {
                    requireCompany(ctx, "institution");
                    // an employer represents its firm; it must never look like an editor of the catalogue
                    relationships.replaceAll(r -> r.fromId().equals(ctx.id) && r.type().equals("EDITS_FOR")
                            ? new RelationshipRecord(r.fromLabel(), r.fromId(), "REPRESENTS", r.toLabel(), r.toId(),
                                    r.properties()) : r);
                }
                if (p.get("passwordHash") instanceof String hash && !hash.startsWith("{bcrypt}$2")) {
                    ctx.problem("password_hash", "must be a {bcrypt} hash; plain passwords are never stored");
                }
            }
            case "requirement" -> {
                range(ctx, p, "level", "level", 1, 8);
                positive(ctx, p, "people", "people");
            }
            case "employment" -> requireCompany(ctx, "employer");
            case "employerconsent" -> {
                requireCompany(ctx, "employer");
                if (p.get("shares") instanceof List<?> shares) {
                    for (Object share : shares) {
                        if (!SeedSchema.EMPLOYER_SHARES.contains(share)) {
                            ctx.problem("shares", "'" + share + "' is not one of "
                                    + new java.util.TreeSet<>(SeedSchema.EMPLOYER_SHARES));
                        }
                    }
                    if (!shares.contains("CREDITS")) {
                        ctx.problem("shares", "must include CREDITS (claims alone say nothing an employer can "
                                + "plan with)");
                    }
                }
                if (p.get("grantedOn") instanceof LocalDate granted && p.get("until") instanceof LocalDate until
                        && until.isBefore(granted)) {
                    ctx.problem("until", "is before 'granted_on' (" + granted + ")");
                }
            }
            case "funding" -> fundingRules(ctx, p);
            case "skillslab" -> skillslabRules(ctx);
            case "person" -> {
                range(ctx, p, "birthYear", "birth_year", 1900, LocalDate.now().getYear());
                if (p.containsKey("employerSize") && !"EMPLOYED".equals(p.get("employmentStatus"))) {
                    ctx.problem("employer_size", "is only for employment_status EMPLOYED");
                }
            }
            case "consent" -> {
                if (p.get("grantedOn") instanceof LocalDate granted && p.get("until") instanceof LocalDate until
                        && until.isBefore(granted)) {
                    ctx.problem("until", "is before 'granted_on' (" + granted + ")");
                }
            }
            default -> {
            }
        }
    }

    /** Employers are firms: an institution of kind COMPANY. */
    private void requireCompany(Ctx ctx, String field) {
        Row firm = index.get("institution").get(ctx.row.get(field));
        if (firm != null && !"COMPANY".equals(firm.get("kind"))) {
            ctx.problem(field, "'" + ctx.row.get(field) + "' is a " + firm.get("kind") + ", an employer must be an "
                    + "institution of kind COMPANY");
        }
    }

    private void fundingRules(Ctx ctx, Map<String, Object> p) {
        range(ctx, p, "minAge", "min_age", 0, 120);
        range(ctx, p, "maxAge", "max_age", 0, 120);
        range(ctx, p, "minEqfLevel", "min_eqf_level", 1, 8);
        range(ctx, p, "maxEqfLevel", "max_eqf_level", 1, 8);
        if (p.get("minAge") instanceof Long min && p.get("maxAge") instanceof Long max && max < min) {
            ctx.problem("max_age", "is below min_age (" + min + ")");
        }
        if (p.get("minEqfLevel") instanceof Long min && p.get("maxEqfLevel") instanceof Long max && max < min) {
            ctx.problem("max_eqf_level", "is below min_eqf_level (" + min + ")");
        }
        if (p.get("ratePercent") instanceof Double rate && rate > 100) {
            ctx.problem("rate_percent", "must be between 0 and 100, got " + format(rate));
        }
        if ("ADVICE".equals(p.get("kind")) && p.get("ratePercent") instanceof Double rate && rate != 0) {
            ctx.problem("rate_percent", "must be 0 for kind ADVICE (advice pays for no learning unit)");
        }
        if (p.get("validFrom") instanceof LocalDate from && p.get("validUntil") instanceof LocalDate until
                && until.isBefore(from)) {
            ctx.problem("valid_until", "is before 'valid_from' (" + from + ")");
        }
        String excluded = ctx.row.get("not_combinable_with");
        if (excluded != null && items(excluded).contains(ctx.id)) {
            ctx.problem("not_combinable_with", "names the scheme itself");
        }
    }

    /** A skillslab is hosted by a fieldlab and offers that fieldlab's skillslab assignments. */
    private void skillslabRules(Ctx ctx) {
        String fieldlab = ctx.row.get("fieldlab");
        Row host = fieldlab == null ? null : index.get("institution").get(fieldlab);
        if (host != null && !"FIELDLAB".equals(host.get("kind"))) {
            ctx.problem("fieldlab", "'" + fieldlab + "' is a " + host.get("kind") + ", not a FIELDLAB");
        }
        String assignments = ctx.row.get("assignments");
        if (assignments == null) {
            return;
        }
        for (String unit : items(assignments)) {
            Row u = index.get("unit").get(unit);
            if (u == null) {
                continue; // reported as an unknown reference
            }
            if (!"SKILLSLAB".equals(u.get("kind"))) {
                ctx.problem("assignments", "'" + unit + "' is a " + u.get("kind") + ", not a SKILLSLAB assignment");
            } else if (fieldlab != null && !fieldlab.equals(u.get("provider"))) {
                ctx.problem("assignments", "'" + unit + "' is provided by " + u.get("provider")
                        + ", not by the hosting fieldlab " + fieldlab);
            }
        }
    }

    private static void positive(Ctx ctx, Map<String, Object> p, String property, String field) {
        if (p.get(property) instanceof Long value && value <= 0) {
            ctx.problem(field, "must be positive, got " + value);
        }
    }

    private static void range(Ctx ctx, Map<String, Object> p, String property, String field, int min, int max) {
        if (p.get(property) instanceof Long value && (value < min || value > max)) {
            ctx.problem(field, "must be between " + min + " and " + max + ", got " + value);
        }
    }

    private Object value(Ctx ctx, Property p, String raw) {
        String field = p.name();
        switch (p.type()) {
            case TEXT, ID -> {
                return raw;
            }
            case INTEGER -> {
                try {
                    return Long.parseLong(raw);
                } catch (NumberFormatException e) {
                    ctx.problem(field, "'" + raw + "' is not a whole number");
                    return null;
                }
            }
            case DECIMAL -> {
                try {
                    double value = Double.parseDouble(raw);
                    if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                        ctx.problem(field, "must be zero or more, got " + raw);
                        return null;
                    }
                    return value;
                } catch (NumberFormatException e) {
                    ctx.problem(field, "'" + raw + "' is not a number (use '.' as decimal separator)");
                    return null;
                }
            }
            case ENUM_LIST -> {
                List<String> values = items(raw);
                for (String v : values) {
                    if (!p.allowed().contains(v)) {
                        ctx.problem(field, "'" + v + "' is not one of " + new java.util.TreeSet<>(p.allowed()));
                        return null;
                    }
                }
                return values.isEmpty() ? null : values;
            }
            case ENUM -> {
                if (!p.allowed().contains(raw)) {
                    ctx.problem(field, "'" + raw + "' is not one of " + new java.util.TreeSet<>(p.allowed()));
                    return null;
                }
                return raw;
            }
            case BOOLEAN -> {
                if (!raw.equals("true") && !raw.equals("false")) {
                    ctx.problem(field, "'" + raw + "' is not true or false");
                    return null;
                }
                return Boolean.parseBoolean(raw);
            }
            case TEXT_LIST -> {
                List<String> texts = items(raw);
                if (texts.isEmpty()) {
                    ctx.problem(field, "lists no item (items are separated by ';')");
                    return null;
                }
                return texts;
            }
            case DATE -> {
                return date(ctx, field, raw);
            }
            case DATE_LIST -> {
                List<LocalDate> dates = new ArrayList<>();
                for (String item : items(raw)) {
                    LocalDate date = date(ctx, field, item);
                    if (date != null) {
                        dates.add(date);
                    }
                }
                return dates.stream().sorted().distinct().toList();
            }
        }
        throw new IllegalStateException("unhandled value type " + p.type());
    }

    private static LocalDate date(Ctx ctx, String field, String raw) {
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            ctx.problem(field, "'" + raw + "' is not a date YYYY-MM-DD");
            return null;
        }
    }

    private static List<String> items(String raw) {
        return java.util.Arrays.stream(raw.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Resolves an id among the target kinds; adds the relationship when it resolves. */
    private String reference(Ctx ctx, String field, String relationship, List<String> targets, String scheme,
            String targetId, Map<String, Object> properties) {
        List<String> found = targets.stream().filter(k -> index.get(k).containsKey(targetId)).toList();
        if (found.isEmpty()) {
            ctx.problem(field, "'" + targetId + "' is not an id in " + files(targets));
            return null;
        }
        if (found.size() > 1) {
            ctx.problem(field, "'" + targetId + "' is ambiguous: it is an id in " + files(found));
            return null;
        }
        String kind = found.get(0);
        if (scheme != null && "framework".equals(kind)) {
            String actual = index.get(kind).get(targetId).get("scheme");
            if (!scheme.equals(actual)) {
                ctx.problem(field, "'" + targetId + "' is a " + actual + ", expected a " + scheme);
                return null;
            }
        }
        String targetLabel = SeedSchema.spec(kind).labels().get(0);
        if (SeedSchema.INCOMING.contains(relationship)) {
            relationships.add(new RelationshipRecord(targetLabel, targetId, relationship, ctx.label, ctx.id,
                    properties));
        } else {
            relationships.add(new RelationshipRecord(ctx.label, ctx.id, relationship, targetLabel, targetId,
                    properties));
        }
        return kind;
    }

    private static String files(List<String> kinds) {
        return String.join(" or ", kinds.stream().map(k -> SeedSchema.spec(k).file()).toList());
    }

    private Map<String, Integer> outcomeLevels(Ctx ctx, String field, String raw) {
        Map<String, Integer> levels = new LinkedHashMap<>();
        for (String item : items(raw)) {
            OutcomeLevel parsed = outcomeLevel(ctx, field, item);
            if (parsed == null) {
                continue;
            }
            if (levels.putIfAbsent(parsed.outcome, parsed.level) != null) {
                ctx.problem(field, "names outcome '" + parsed.outcome + "' twice");
            }
        }
        return levels;
    }

    private record OutcomeLevel(String outcome, int level) {
    }

    private OutcomeLevel outcomeLevel(Ctx ctx, String field, String item) {
        int at = item.lastIndexOf('@');
        if (at <= 0 || at == item.length() - 1) {
            ctx.problem(field, "'" + item + "' is not of the form outcome-id@level");
            return null;
        }
        String outcome = item.substring(0, at).strip();
        String levelText = item.substring(at + 1).strip();
        int level;
        try {
            level = Integer.parseInt(levelText);
        } catch (NumberFormatException e) {
            ctx.problem(field, "'" + item + "': level '" + levelText + "' is not a number 1-8");
            return null;
        }
        if (level < 1 || level > 8) {
            ctx.problem(field, "'" + item + "': level " + level + " is not between 1 and 8");
            return null;
        }
        if (!index.get("outcome").containsKey(outcome)) {
            ctx.problem(field, "'" + outcome + "' is not an id in outcomes.csv");
            return null;
        }
        return new OutcomeLevel(outcome, level);
    }

    private void requirements(Ctx ctx, String field, String raw) {
        List<String> groups = items(raw);
        for (int group = 0; group < groups.size(); group++) {
            for (String alternative : groups.get(group).split("\\|")) {
                String item = alternative.strip();
                if (item.isEmpty()) {
                    ctx.problem(field, "group '" + groups.get(group) + "' has an empty alternative");
                } else if (item.startsWith("unit:")) {
                    String unit = item.substring("unit:".length()).strip();
                    if (unit.equals(ctx.id)) {
                        ctx.problem(field, "the unit requires itself");
                    } else {
                        reference(ctx, field, "REQUIRES_ENTRY", List.of("unit"), null, unit,
                                Map.of("group", (long) group));
                    }
                } else {
                    OutcomeLevel parsed = outcomeLevel(ctx, field, item);
                    if (parsed != null) {
                        relationships.add(new RelationshipRecord(ctx.label, ctx.id, "REQUIRES_ENTRY",
                                "LearningOutcome", parsed.outcome,
                                Map.of("group", (long) group, "level", (long) parsed.level)));
                    }
                }
            }
        }
    }

    private void goals(Ctx ctx, String field, String raw) {
        for (String item : items(raw)) {
            int colon = item.indexOf(':');
            String kind = colon < 0 ? "" : item.substring(0, colon);
            if (!Set.of("role", "certificate", "programme").contains(kind)) {
                ctx.problem(field, "'" + item + "' must start with role:, certificate: or programme:");
                continue;
            }
            reference(ctx, field, "HAS_GOAL", List.of(kind), null, item.substring(colon + 1).strip(), Map.of());
        }
    }

    private Set<String> provinces() {
        Set<String> provinces = new LinkedHashSet<>();
        index.get("place").values().forEach(row -> {
            if (row.get("province") != null) {
                provinces.add(row.get("province"));
            }
        });
        return provinces;
    }

    /** Provinces (and the country, for national figures) as Region nodes. */
    private void addRegions() {
        for (String province : provinces()) {
            nodes.add(new NodeRecord(List.of("Region"), province, Map.of("id", province, "name", province,
                    "kind", "PROVINCE")));
        }
        for (String country : SeedSchema.PROVINCE_NATIONAL) {
            nodes.add(new NodeRecord(List.of("Region"), country, Map.of("id", country, "name", country,
                    "kind", "COUNTRY")));
        }
        index.get("place").forEach((name, row) -> {
            if (row.get("province") != null) {
                relationships.add(new RelationshipRecord("Place", name, "IN_REGION", "Region", row.get("province"),
                        Map.of()));
            }
        });
        FileSpec labour = SeedSchema.spec("labour");
        index.get("labour").forEach((id, row) -> {
            String province = row.get("province");
            if (province != null && (provinces().contains(province)
                    || SeedSchema.PROVINCE_NATIONAL.contains(province))) {
                relationships.add(new RelationshipRecord(labour.labels().get(0), id, "FOR_REGION", "Region",
                        province, Map.of()));
            }
        });
    }

    /**
     * Evidence without its own assertions asserts what its source stands for: a diploma its
     * programme's outcomes, a certificate the outcomes it requires, a completed unit what it yields.
     */
    private void deriveAssertions() {
        FileSpec spec = SeedSchema.spec("evidence");
        index.get("evidence").forEach((id, row) -> {
            if (row.get("asserts") != null) {
                return;
            }
            Map<String, Integer> derived = null;
            if (row.get("programme") != null) {
                derived = levelled.get("programme:" + row.get("programme") + ":outcomes");
            } else if (row.get("certificate") != null) {
                derived = levelled.get("certificate:" + row.get("certificate") + ":requires");
            } else if (row.get("unit") != null) {
                derived = levelled.get("unit:" + row.get("unit") + ":yields");
            }
            if (derived == null || derived.isEmpty()) {
                problems.add(new SeedProblem(spec.file(), row.line(), "asserts", "is empty and the evidence names "
                        + "no programme with outcomes, certificate or unit to take them from"));
                return;
            }
            derived.forEach((outcome, level) -> relationships.add(new RelationshipRecord("Evidence", id, "ASSERTS",
                    "LearningOutcome", outcome, Map.of("level", (long) level, "derived", true))));
        });
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class Ctx {
        final FileSpec spec;
        final Row row;
        final String label;
        final String id;

        Ctx(FileSpec spec, Row row, String label, String id) {
            this.spec = spec;
            this.row = row;
            this.label = label;
            this.id = id;
        }

        void problem(String field, String message) {
            problems.add(new SeedProblem(spec.file(), row.line(), field, message));
        }
    }
}
