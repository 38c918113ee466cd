package nl.leerroute.institution;

import static nl.leerroute.database.Props.dates;
import static nl.leerroute.database.Props.decimal;
import static nl.leerroute.database.Props.integer;
import static nl.leerroute.database.Props.str;
import static nl.leerroute.institution.CatalogueInsights.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import nl.leerroute.catalogue.Catalogue;
import nl.leerroute.database.GraphReader;
import nl.leerroute.institution.CatalogueChanges.OutcomeInput;
import nl.leerroute.institution.CatalogueChanges.OutcomeResult;
import nl.leerroute.institution.CatalogueChanges.Removal;
import nl.leerroute.institution.CatalogueChanges.RemoveInput;
import nl.leerroute.institution.CatalogueChanges.RequirementGroupInput;
import nl.leerroute.institution.CatalogueChanges.RequirementInput;
import nl.leerroute.institution.CatalogueChanges.UnitInput;
import nl.leerroute.institution.CatalogueChanges.UnitResult;
import nl.leerroute.institution.CatalogueChanges.YieldInput;
import nl.leerroute.institution.InputError.DuplicateId;
import nl.leerroute.institution.InputError.InvalidValue;
import nl.leerroute.institution.InputError.StillInUse;
import nl.leerroute.institution.InputError.UnknownReference;
import nl.leerroute.institution.InputError.Usage;
import nl.leerroute.routes.CatalogueSnapshots;
import org.springframework.dao.DataIntegrityViolationException;
import nl.leerroute.database.CatalogueRevision;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds, changes and removes learning units and outcomes. Each change is checked completely and
 * written in one transaction, so a change with errors leaves the graph as it was; after a change
 * the planner's catalogue snapshot is rebuilt. Created records get {@code origin = 'api'} and
 * provenance {@code api}; relationships carry the origin of the record they belong to (their start
 * node), so a seed re-import restores a seed-owned unit completely.
 */
@Service
public class CatalogueEditor {

    static final String ORIGIN = "api";

    private final Neo4jClient client;
    private final GraphReader graph;
    private final Catalogue catalogue;
    private final CatalogueSnapshots snapshots;
    private final TransactionTemplate transactions;

    CatalogueEditor(Neo4jClient client, GraphReader graph, Catalogue catalogue, CatalogueSnapshots snapshots,
            PlatformTransactionManager transactionManager) {
        this.client = client;
        this.graph = graph;
        this.catalogue = catalogue;
        this.snapshots = snapshots;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    // --- learning units

    public UnitResult addLearningUnit(UnitInput input) {
        try {
            return change(() -> {
                List<InputError> errors = new ArrayList<>(ChangeRules.unit(input));
                if (validId(input.id()) && exists("LearningUnit", input.id())) {
                    errors.add(duplicate("learning unit", input.id()));
                }
                checkReferences(input, errors);
                if (!errors.isEmpty()) {
                    return new UnitResult(null, errors);
                }
                Map<String, Object> properties = unitProperties(input, true);
                properties.put("provenance", ORIGIN);
                properties.put("origin", ORIGIN);
                run("CREATE (n:LearningUnit) SET n = $properties", Map.of("properties", properties));
                writeUnitRelationships(input);
                return new UnitResult(catalogue.learningUnit(input.id()).orElseThrow(), List.of());
            }, UnitResult::errors);
        } catch (DataIntegrityViolationException e) {
            // another request created the same id between our check and our write
            return new UnitResult(null, List.of(duplicate("learning unit", input.id())));
        }
    }

    public UnitResult updateLearningUnit(UnitInput input) {
        return change(() -> {
            Optional<UnitInput> current = Optional.empty();
            List<InputError> errors = new ArrayList<>();
            if (validId(input.id())) {
                current = currentUnit(input.id());
            }
            if (current.isEmpty()) {
                errors.add(unknownId("learning unit", input.id()));
                return new UnitResult(null, errors);
            }
            UnitInput merged = merge(current.get(), input);
            errors.addAll(ChangeRules.unit(merged));
            checkReferences(merged, errors);
            if (!errors.isEmpty()) {
                return new UnitResult(null, errors);
            }
            run("MATCH (n:LearningUnit {id: $id}) SET n += $properties",
                    Map.of("id", input.id(), "properties", unitProperties(merged, input.entryRequirements() != null)));
            writeUnitRelationships(input);
            return new UnitResult(catalogue.learningUnit(input.id()).orElseThrow(), List.of());
        }, UnitResult::errors);
    }

    public Removal removeLearningUnit(RemoveInput input) {
        return change(() -> {
            if (!validId(input.id()) || !exists("LearningUnit", input.id())) {
                return new Removal(null, List.of(unknownId("learning unit", input.id())));
            }
            List<Usage> usages = usages("MATCH (:LearningUnit {id: $id})<-[r:REQUIRES_ENTRY|OF_UNIT]-(x)", input.id());
            if (!usages.isEmpty()) {
                return new Removal(null, List.of(new StillInUse("id", "learning unit '" + input.id() + "' is still used by "
                        + usages.size() + " record(s): " + describe(usages), usages)));
            }
            run("MATCH (n:LearningUnit {id: $id}) DETACH DELETE n", Map.of("id", input.id()));
            return new Removal(input.id(), List.of());
        }, Removal::errors);
    }

    // --- learning outcomes

    public OutcomeResult addLearningOutcome(OutcomeInput input) {
        try {
            return change(() -> {
                List<InputError> errors = new ArrayList<>(ChangeRules.outcome(input));
                if (validId(input.id()) && exists("LearningOutcome", input.id())) {
                    errors.add(duplicate("learning outcome", input.id()));
                }
                checkCompetency(input.competencyId(), errors);
                if (!errors.isEmpty()) {
                    return new OutcomeResult(null, errors);
                }
                Map<String, Object> properties = outcomeProperties(input);
                properties.put("provenance", ORIGIN);
                properties.put("origin", ORIGIN);
                run("CREATE (n:LearningOutcome) SET n = $properties", Map.of("properties", properties));
                writeCompetency(input);
                return new OutcomeResult(catalogue.learningOutcome(input.id()).orElseThrow(), List.of());
            }, OutcomeResult::errors);
        } catch (DataIntegrityViolationException e) {
            return new OutcomeResult(null, List.of(duplicate("learning outcome", input.id())));
        }
    }

    public OutcomeResult updateLearningOutcome(OutcomeInput input) {
        return change(() -> {
            Optional<OutcomeInput> current = validId(input.id()) ? currentOutcome(input.id()) : Optional.empty();
            if (current.isEmpty()) {
                return new OutcomeResult(null, List.of(unknownId("learning outcome", input.id())));
            }
            OutcomeInput merged = merge(current.get(), input);
            List<InputError> errors = new ArrayList<>(ChangeRules.outcome(merged));
            checkCompetency(merged.competencyId(), errors);
            if (!errors.isEmpty()) {
                return new OutcomeResult(null, errors);
            }
            run("MATCH (n:LearningOutcome {id: $id}) SET n += $properties",
                    Map.of("id", input.id(), "properties", outcomeProperties(merged)));
            writeCompetency(input);
            return new OutcomeResult(catalogue.learningOutcome(input.id()).orElseThrow(), List.of());
        }, OutcomeResult::errors);
    }

    public Removal removeLearningOutcome(RemoveInput input) {
        return change(() -> {
            if (!validId(input.id()) || !exists("LearningOutcome", input.id())) {
                return new Removal(null, List.of(unknownId("learning outcome", input.id())));
            }
            List<Usage> usages = usages(
                    "MATCH (:LearningOutcome {id: $id})<-[r:YIELDS|REQUIRES_ENTRY|REQUIRES|ASSERTS]-(x)", input.id());
            if (!usages.isEmpty()) {
                return new Removal(null, List.of(new StillInUse("id", "learning outcome '" + input.id()
                        + "' is still used by " + usages.size() + " record(s): " + describe(usages), usages)));
            }
            run("MATCH (n:LearningOutcome {id: $id}) DETACH DELETE n", Map.of("id", input.id()));
            return new Removal(input.id(), List.of());
        }, Removal::errors);
    }

    // --- the transaction around every change

    /**
     * Runs {@code work} in one transaction; rolls back when it reports errors, otherwise commits with a new
     * catalogue revision (for the other replicas) and rebuilds the planner's snapshot so the next route sees the change.
     */
    private <R> R change(Supplier<R> work, Function<R, List<InputError>> errorsOf) {
        R result = transactions.execute(status -> {
            R outcome = work.get();
            if (!errorsOf.apply(outcome).isEmpty()) {
                status.setRollbackOnly();
            } else {
                client.query(CatalogueRevision.BUMP).run();
            }
            return outcome;
        });
        if (errorsOf.apply(result).isEmpty()) {
            snapshots.rebuild();
        }
        return result;
    }

    // --- checks against the graph

    private void checkReferences(UnitInput unit, List<InputError> errors) {
        List<String> outcomes = new ArrayList<>();
        List<String> units = new ArrayList<>();
        if (unit.yields() != null) {
            unit.yields().stream().map(YieldInput::outcomeId).filter(id -> id != null).forEach(outcomes::add);
        }
        if (unit.entryRequirements() != null) {
            for (RequirementGroupInput group : unit.entryRequirements()) {
                for (RequirementInput r : group.alternatives() == null ? List.<RequirementInput>of() : group.alternatives()) {
                    if (r.outcomeId() != null) {
                        outcomes.add(r.outcomeId());
                    }
                    if (r.learningUnitId() != null) {
                        units.add(r.learningUnitId());
                    }
                }
            }
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("provider", unit.providerId());
        parameters.put("partOf", unit.partOfId());
        parameters.put("place", unit.place());
        parameters.put("outcomes", outcomes);
        parameters.put("units", units);
        Map<String, Object> found = graph.rows("""
                RETURN $provider IS NULL OR EXISTS { MATCH (:Institution {id: $provider}) } AS provider,
                       $partOf IS NULL OR EXISTS { MATCH (:Minor {id: $partOf}) }
                           OR EXISTS { MATCH (:Programme {id: $partOf}) }
                           OR EXISTS { MATCH (:Concept {id: $partOf, scheme: 'LEARNING_LINE'}) } AS partOf,
                       $place IS NULL OR EXISTS { MATCH (:Place {name: $place}) } AS place,
                       [x IN $outcomes WHERE NOT EXISTS { MATCH (:LearningOutcome {id: x}) }] AS missingOutcomes,
                       [x IN $units WHERE NOT EXISTS { MATCH (:LearningUnit {id: x}) }] AS missingUnits
                """, parameters).get(0);
        if (!Boolean.TRUE.equals(found.get("provider"))) {
            errors.add(unknown("providerId", "institution", unit.providerId()));
        }
        if (!Boolean.TRUE.equals(found.get("partOf"))) {
            errors.add(new UnknownReference("partOfId", "There is no minor, programme or learning line with id '"
                    + unit.partOfId() + "'", unit.partOfId()));
        }
        if (!Boolean.TRUE.equals(found.get("place"))) {
            errors.add(new UnknownReference("place", "There is no place named '" + unit.place() + "'", unit.place()));
        }
        List<?> missingOutcomes = (List<?>) found.get("missingOutcomes");
        List<?> missingUnits = (List<?>) found.get("missingUnits");
        if (unit.yields() != null) {
            for (int i = 0; i < unit.yields().size(); i++) {
                String id = unit.yields().get(i).outcomeId();
                if (id != null && missingOutcomes.contains(id)) {
                    errors.add(unknown("yields[" + i + "].outcomeId", "learning outcome", id));
                }
            }
        }
        if (unit.entryRequirements() != null) {
            for (int g = 0; g < unit.entryRequirements().size(); g++) {
                List<RequirementInput> alternatives = unit.entryRequirements().get(g).alternatives();
                for (int a = 0; alternatives != null && a < alternatives.size(); a++) {
                    RequirementInput r = alternatives.get(a);
                    String field = "entryRequirements[" + g + "].alternatives[" + a + "]";
                    if (r.outcomeId() != null && missingOutcomes.contains(r.outcomeId())) {
                        errors.add(unknown(field + ".outcomeId", "learning outcome", r.outcomeId()));
                    }
                    if (r.learningUnitId() != null && missingUnits.contains(r.learningUnitId())
                            && !r.learningUnitId().equals(unit.id())) {
                        errors.add(unknown(field + ".learningUnitId", "learning unit", r.learningUnitId()));
                    }
                }
            }
        }
    }

    private void checkCompetency(String competencyId, List<InputError> errors) {
        if (!ChangeRules.isBlank(competencyId) && !exists("Competency", competencyId)) {
            errors.add(unknown("competencyId", "competency", competencyId));
        }
    }

    private boolean exists(String label, String id) {
        return !graph.rows("MATCH (n:" + label + " {id: $id}) RETURN n.id AS id", Map.of("id", id)).isEmpty();
    }

    private List<Usage> usages(String match, String id) {
        List<Usage> usages = new ArrayList<>();
        for (Map<String, Object> row : graph.rows(match + """
                 RETURN labels(x) AS labels, x.id AS id, coalesce(x.titleEn, x.nameEn, x.nameNl, x.title, x.id) AS name,
                        type(r) AS relationship, r.level AS level
                 ORDER BY relationship, id, level
                """, Map.of("id", id))) {
            List<?> labels = (List<?>) row.get("labels");
            String kind = labels.contains("LearningUnit") ? "LEARNING_UNIT" : labels.contains("Role") ? "ROLE"
                    : labels.contains("Certificate") ? "CERTIFICATE" : labels.contains("Programme") ? "PROGRAMME"
                    : labels.contains("Evidence") ? "EVIDENCE" : String.valueOf(labels.get(0)).toUpperCase();
            usages.add(new Usage(kind, str(row, "id"), str(row, "name"), str(row, "relationship"),
                    integer(row, "level")));
        }
        return usages;
    }

    private static String describe(List<Usage> usages) {
        return usages.stream().map(u -> u.kind() + " " + u.id() + " (" + u.relationship() + ")").distinct()
                .collect(Collectors.joining(", "));
    }

    // --- reading the current state, merging changes

    private Optional<UnitInput> currentUnit(String id) {
        List<Map<String, Object>> rows = graph.rows("""
                MATCH (n:LearningUnit {id: $id})
                OPTIONAL MATCH (n)-[:PROVIDED_BY]->(i:Institution)
                OPTIONAL MATCH (n)-[:IN_PLACE]->(p:Place)
                OPTIONAL MATCH (n)-[:PART_OF]->(c)
                RETURN n {.*} AS n, i.id AS provider, p.name AS place, c.id AS partOf,
                       [(n)-[y:YIELDS]->(o:LearningOutcome) | {outcomeId: o.id, level: y.level}] AS yields,
                       [(n)-[r:REQUIRES_ENTRY]->(x) | {group: r.group, level: r.level, id: x.id,
                            isUnit: x:LearningUnit}] AS requires
                LIMIT 1
                """, Map.of("id", id));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = rows.get(0);
        Map<String, Object> n = map(row.get("n"));
        List<YieldInput> yields = new ArrayList<>();
        for (Object y : (List<?>) row.get("yields")) {
            yields.add(new YieldInput(str(map(y), "outcomeId"), integer(map(y), "level")));
        }
        yields.sort(java.util.Comparator.comparing(YieldInput::outcomeId));
        TreeMap<Integer, List<RequirementInput>> groups = new TreeMap<>();
        for (Object item : (List<?>) row.get("requires")) {
            Map<String, Object> r = map(item);
            RequirementInput alternative = Boolean.TRUE.equals(r.get("isUnit"))
                    ? new RequirementInput(null, null, str(r, "id"))
                    : new RequirementInput(str(r, "id"), integer(r, "level"), null);
            groups.computeIfAbsent(integer(r, "group"), g -> new ArrayList<>()).add(alternative);
        }
        List<RequirementGroupInput> requirements = groups.values().stream().map(RequirementGroupInput::new).toList();
        return Optional.of(new UnitInput(id, str(n, "kind"), str(n, "titleNl"), str(n, "titleEn"),
                str(n, "descriptionNl"), str(n, "descriptionEn"), str(row, "provider"), str(row, "partOf"),
                integer(n, "sequence"), decimal(n, "ec"), integer(n, "hours"), integer(n, "durationWeeks"),
                decimal(n, "costEur"), str(n, "mode"), str(row, "place"), str(n, "language"), dates(n, "startMoments"),
                yields, requirements));
    }

    private static UnitInput merge(UnitInput current, UnitInput change) {
        return new UnitInput(current.id(), or(change.kind(), current.kind()), or(change.titleNl(), current.titleNl()),
                or(change.titleEn(), current.titleEn()), or(change.descriptionNl(), current.descriptionNl()),
                or(change.descriptionEn(), current.descriptionEn()), or(change.providerId(), current.providerId()),
                or(change.partOfId(), current.partOfId()), or(change.sequence(), current.sequence()),
                or(change.ec(), current.ec()), or(change.hours(), current.hours()),
                or(change.durationWeeks(), current.durationWeeks()), or(change.costEur(), current.costEur()),
                or(change.mode(), current.mode()), or(change.place(), current.place()),
                or(change.language(), current.language()), or(change.startMoments(), current.startMoments()),
                or(change.yields(), current.yields()), or(change.entryRequirements(), current.entryRequirements()));
    }

    private Optional<OutcomeInput> currentOutcome(String id) {
        List<Map<String, Object>> rows = graph.rows("""
                MATCH (n:LearningOutcome {id: $id})
                OPTIONAL MATCH (n)-[:BELONGS_TO]->(c:Competency)
                RETURN n {.*} AS n, c.id AS competency LIMIT 1
                """, Map.of("id", id));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> n = map(rows.get(0).get("n"));
        return Optional.of(new OutcomeInput(id, str(n, "titleNl"), str(n, "titleEn"), str(n, "descriptionNl"),
                str(n, "descriptionEn"), integer(n, "eqfLevel"), str(rows.get(0), "competency"),
                integer(n, "shelfLifeYears"), str(n, "escoUri")));
    }

    private static OutcomeInput merge(OutcomeInput current, OutcomeInput change) {
        return new OutcomeInput(current.id(), or(change.titleNl(), current.titleNl()),
                or(change.titleEn(), current.titleEn()), or(change.descriptionNl(), current.descriptionNl()),
                or(change.descriptionEn(), current.descriptionEn()), or(change.eqfLevel(), current.eqfLevel()),
                or(change.competencyId(), current.competencyId()),
                or(change.shelfLifeYears(), current.shelfLifeYears()), or(change.escoUri(), current.escoUri()));
    }

    private static <T> T or(T change, T current) {
        return change != null ? change : current;
    }

    // --- writing

    private static Map<String, Object> unitProperties(UnitInput unit, boolean withRequirementsText) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("id", unit.id());
        properties.put("kind", unit.kind());
        properties.put("titleNl", unit.titleNl());
        properties.put("titleEn", unit.titleEn());
        properties.put("descriptionNl", unit.descriptionNl());
        properties.put("descriptionEn", unit.descriptionEn());
        properties.put("sequence", unit.sequence());
        properties.put("ec", unit.ec());
        properties.put("hours", unit.hours());
        properties.put("durationWeeks", unit.durationWeeks());
        properties.put("costEur", unit.costEur());
        properties.put("mode", unit.mode());
        properties.put("language", unit.language());
        properties.put("startMoments", unit.startMoments() == null || unit.startMoments().isEmpty() ? null
                : unit.startMoments().stream().distinct().sorted().toList());
        if (withRequirementsText) {
            properties.put("requiresText", requirementsText(unit.entryRequirements()));
        }
        return properties;
    }

    /** The entry requirements in the seed's syntax (graph-seed/README.md), as the seed keeps them. */
    private static String requirementsText(List<RequirementGroupInput> groups) {
        if (groups == null || groups.isEmpty()) {
            return null;
        }
        return groups.stream().map(g -> g.alternatives().stream()
                        .map(r -> r.learningUnitId() != null ? "unit:" + r.learningUnitId()
                                : r.outcomeId() + "@" + r.minLevel())
                        .collect(Collectors.joining("|")))
                .collect(Collectors.joining(";"));
    }

    private static Map<String, Object> outcomeProperties(OutcomeInput outcome) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("id", outcome.id());
        properties.put("titleNl", outcome.titleNl());
        properties.put("titleEn", outcome.titleEn());
        properties.put("descriptionNl", outcome.descriptionNl());
        properties.put("descriptionEn", outcome.descriptionEn());
        properties.put("eqfLevel", outcome.eqfLevel());
        properties.put("shelfLifeYears", outcome.shelfLifeYears());
        properties.put("escoUri", outcome.escoUri());
        return properties;
    }

    /** Replaces the relationships the input gives; the others stay. */
    private void writeUnitRelationships(UnitInput unit) {
        String id = unit.id();
        if (unit.providerId() != null) {
            replace(id, "PROVIDED_BY", "MATCH (t:Institution {id: $target})", unit.providerId());
        }
        if (unit.place() != null) {
            replace(id, "IN_PLACE", "MATCH (t:Place {name: $target})", unit.place());
        }
        if (unit.partOfId() != null) {
            replace(id, "PART_OF", "MATCH (t) WHERE t.id = $target AND (t:Minor OR t:Programme "
                    + "OR (t:Concept AND t.scheme = 'LEARNING_LINE')) WITH n, t LIMIT 1", unit.partOfId());
        }
        if (unit.yields() != null) {
            List<Map<String, Object>> rows = unit.yields().stream()
                    .map(y -> Map.<String, Object>of("outcomeId", y.outcomeId(), "level", y.level())).toList();
            run("""
                    MATCH (n:LearningUnit {id: $id})
                    OPTIONAL MATCH (n)-[old:YIELDS]->() DELETE old
                    WITH DISTINCT n UNWIND $rows AS row
                    MATCH (o:LearningOutcome {id: row.outcomeId})
                    CREATE (n)-[:YIELDS {level: row.level, origin: n.origin}]->(o)
                    """, Map.of("id", id, "rows", rows));
        }
        if (unit.entryRequirements() != null) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int g = 0; g < unit.entryRequirements().size(); g++) {
                for (RequirementInput r : unit.entryRequirements().get(g).alternatives()) {
                    Map<String, Object> row = new HashMap<>();
                    row.put("group", g);
                    row.put("isUnit", r.learningUnitId() != null);
                    row.put("id", r.learningUnitId() != null ? r.learningUnitId() : r.outcomeId());
                    row.put("level", r.learningUnitId() != null ? null : r.minLevel());
                    rows.add(row);
                }
            }
            run("""
                    MATCH (n:LearningUnit {id: $id})
                    OPTIONAL MATCH (n)-[old:REQUIRES_ENTRY]->() DELETE old
                    WITH DISTINCT n UNWIND $rows AS row
                    OPTIONAL MATCH (o:LearningOutcome {id: row.id})
                    OPTIONAL MATCH (u:LearningUnit {id: row.id})
                    WITH n, row, CASE WHEN row.isUnit THEN u ELSE o END AS target
                    WHERE target IS NOT NULL
                    CREATE (n)-[r:REQUIRES_ENTRY {group: row.group, origin: n.origin}]->(target)
                    SET r.level = row.level
                    """, Map.of("id", id, "rows", rows));
        }
    }

    private void writeCompetency(OutcomeInput outcome) {
        if (outcome.competencyId() != null) {
            run("""
                    MATCH (n:LearningOutcome {id: $id})
                    OPTIONAL MATCH (n)-[old:BELONGS_TO]->() DELETE old
                    WITH DISTINCT n MATCH (t:Competency {id: $target})
                    CREATE (n)-[:BELONGS_TO {origin: n.origin}]->(t)
                    """, Map.of("id", outcome.id(), "target", outcome.competencyId()));
        }
    }

    /** Replaces the unit's {@code type} relationship by one to the node {@code matchTarget} finds as {@code t}. */
    private void replace(String unitId, String type, String matchTarget, String target) {
        run("MATCH (n:LearningUnit {id: $id}) OPTIONAL MATCH (n)-[old:" + type + "]->() DELETE old "
                + "WITH DISTINCT n " + matchTarget + " CREATE (n)-[:" + type + " {origin: n.origin}]->(t)",
                Map.of("id", unitId, "target", target));
    }

    private void run(String cypher, Map<String, Object> parameters) {
        client.query(cypher).bindAll(parameters).run();
    }

    // --- errors

    private static boolean validId(String id) {
        return id != null && ChangeRules.ID.matcher(id).matches();
    }

    private static DuplicateId duplicate(String kind, String id) {
        return new DuplicateId("id", "There is already a " + kind + " with id '" + id + "'", id);
    }

    private static InputError unknownId(String kind, String id) {
        if (ChangeRules.isBlank(id)) {
            return new InvalidValue("id", "is required");
        }
        return unknown("id", kind, id);
    }

    private static UnknownReference unknown(String field, String kind, String id) {
        return new UnknownReference(field, "There is no " + kind + " with id '" + id + "'", id);
    }
}
