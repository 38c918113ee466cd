package nl.leerroute.standards;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import nl.leerroute.database.CatalogueRevision;
import nl.leerroute.database.GraphReader;
import nl.leerroute.institution.ChangeRules;
import nl.leerroute.institution.CatalogueChanges.OutcomeInput;
import nl.leerroute.institution.CatalogueChanges.UnitInput;
import nl.leerroute.institution.CatalogueChanges.YieldInput;
import nl.leerroute.institution.InputError;
import nl.leerroute.routes.CatalogueSnapshots;
import nl.leerroute.standards.OoapiReader.Facts;
import nl.leerroute.standards.OoapiReader.Mapping;
import nl.leerroute.standards.OoapiReader.MinorRecord;
import nl.leerroute.standards.OoapiReader.OutcomeRecord;
import nl.leerroute.standards.OoapiReader.Problem;
import nl.leerroute.standards.OoapiReader.RegisterProgramme;
import nl.leerroute.standards.OoapiReader.Result;
import nl.leerroute.standards.OoapiReader.UnitRecord;
import nl.leerroute.standards.OoapiReader.Unmapped;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Transaction;
import org.springframework.stereotype.Service;

/**
 * Imports an institution's OOAPI v6 document into the catalogue, all or nothing: the whole document is
 * checked first (by {@link OoapiReader}, then by the same rules as the catalogue mutations), and only a
 * document without problems is written, in one transaction. The document is the institution's catalogue
 * as a whole: importing it again changes nothing; records of an earlier import that it no longer holds are
 * removed, unless something outside the import uses them (then nothing changes and the use is named).
 * Imported records carry {@code origin = 'ooapi'}, {@code provenance = 'ooapi'} and
 * {@code ooapiInstitution}, so seed re-imports and other institutions' imports leave them alone.
 */
@Service
public class OoapiImporter {

    static final String ORIGIN = "ooapi";

    /** What an import did or would do; with errors, nothing was written. */
    public record ImportReport(String institutionId, boolean dryRun, boolean written, int created, int updated,
            int unchanged, int removed, List<Mapping> mapped, List<Unmapped> notMapped, List<Problem> errors) {
    }

    private final GraphReader graph;
    private final Driver driver;
    private final CatalogueSnapshots snapshots;

    OoapiImporter(GraphReader graph, Driver driver, CatalogueSnapshots snapshots) {
        this.graph = graph;
        this.driver = driver;
        this.snapshots = snapshots;
    }

    /**
     * @param dryRun check and report what would change, write nothing
     */
    public ImportReport importDocument(String institutionId, String document, boolean dryRun) {
        List<Map<String, Object>> institution = graph.rows(
                "MATCH (i:Institution {id: $id}) RETURN i.name AS name, i.kind AS kind", Map.of("id", institutionId));
        if (institution.isEmpty()) {
            return failed(institutionId, dryRun, List.of(new Problem("institutionId", "there is no institution '"
                    + institutionId + "'")));
        }
        Result result = OoapiReader.read(document, facts(institutionId, (String) institution.get(0).get("name"),
                (String) institution.get(0).get("kind")));
        List<Problem> errors = new ArrayList<>(result.errors());
        if (errors.isEmpty()) {
            catalogueRules(result, errors);
        }
        if (!errors.isEmpty()) {
            return new ImportReport(institutionId, dryRun, false, 0, 0, 0, 0, result.mapped(), result.notMapped(),
                    errors);
        }
        List<NodeWrite> nodes = nodes(institutionId, result);
        Counts counts;
        try (var session = driver.session(); Transaction tx = session.beginTransaction()) {
            counts = write(tx, institutionId, nodes, errors);
            if (!errors.isEmpty() || dryRun) {
                tx.rollback();
            } else {
                if (counts.changed() > 0) {
                    tx.run(CatalogueRevision.BUMP).consume();
                }
                tx.commit();
            }
        }
        boolean written = errors.isEmpty() && !dryRun && counts.changed() > 0;
        if (written) {
            snapshots.rebuild();
        }
        return errors.isEmpty()
                ? new ImportReport(institutionId, dryRun, written, counts.created, counts.updated, counts.unchanged,
                        counts.removed, result.mapped(), result.notMapped(), List.of())
                : new ImportReport(institutionId, dryRun, false, 0, 0, 0, 0, result.mapped(), result.notMapped(), errors);
    }

    private static ImportReport failed(String institutionId, boolean dryRun, List<Problem> errors) {
        return new ImportReport(institutionId, dryRun, false, 0, 0, 0, 0, List.of(), List.of(), errors);
    }

    /** The graph's places, outcomes, competencies and register programmes; this institution's own import excluded. */
    private Facts facts(String institutionId, String name, String kind) {
        // o[$owner]: the planner warns about property keys no record has yet (before the first import)
        Map<String, Object> params = Map.of("institution", institutionId, "origin", ORIGIN, "owner", "ooapiInstitution");
        Map<String, Object> row = graph.rows("""
                CALL () { MATCH (p:Place) RETURN collect(p.name) AS places }
                CALL () { MATCH (o:LearningOutcome)
                          WHERE NOT (o.origin = $origin AND o[$owner] = $institution)
                          RETURN collect(o.id) AS outcomes,
                                 collect(CASE WHEN o.escoUri IS NULL THEN null ELSE [o.escoUri, o.id] END) AS outcomeEsco }
                CALL () { MATCH (c:Competency)
                          RETURN collect(c.id) AS competencies,
                                 collect(CASE WHEN c.escoUri IS NULL THEN null ELSE [c.escoUri, c.id] END) AS competencyEsco }
                CALL () { MATCH (p:Programme)-[:OFFERED_BY]->(:Institution {id: $institution})
                          RETURN collect([p.id, p.croho, p.mode]) AS programmes }
                RETURN places, outcomes, outcomeEsco, competencies, competencyEsco, programmes
                """, params).get(0);
        return new Facts(institutionId, name, kind, Set.copyOf(strings(row.get("places"))), byEsco(row.get("outcomeEsco")),
                byEsco(row.get("competencyEsco")), Set.copyOf(strings(row.get("outcomes"))),
                Set.copyOf(strings(row.get("competencies"))), ((List<?>) row.get("programmes")).stream()
                        .map(p -> strings(p)).map(p -> new RegisterProgramme(p.get(0), p.get(1), p.get(2))).toList());
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    /** ESCO URI -> record id; where several records share a URI the smallest id is taken, so the choice is stable. */
    private static Map<String, String> byEsco(Object pairs) {
        Map<String, String> map = new TreeMap<>();
        for (Object pair : (List<?>) pairs) {
            List<String> p = strings(pair);
            map.merge(p.get(0), p.get(1), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        return map;
    }

    /** The rules every unit and outcome must meet, the same as for the catalogue mutations, named by JSON path. */
    private static void catalogueRules(Result result, List<Problem> errors) {
        for (UnitRecord unit : result.units()) {
            for (InputError e : ChangeRules.unit(unit.unit())) {
                errors.add(new Problem(unit.path(), "as Leerroute unit " + unit.unit().id() + ", field "
                        + e.field() + ": " + e.message()));
            }
        }
        for (OutcomeRecord outcome : result.outcomes()) {
            for (InputError e : ChangeRules.outcome(outcome.outcome())) {
                errors.add(new Problem(outcome.path(), "as Leerroute outcome " + outcome.outcome().id() + ", field "
                        + e.field() + ": " + e.message()));
            }
        }
    }

    // --- what is written

    private record Relationship(String type, String targetLabel, String targetKey, String target,
            Map<String, Object> properties) {
    }

    private record NodeWrite(String label, String id, String path, Map<String, Object> properties,
            List<Relationship> relationships) {
    }

    private static List<NodeWrite> nodes(String institutionId, Result result) {
        List<NodeWrite> nodes = new ArrayList<>();
        for (MinorRecord m : result.minors()) {
            Map<String, Object> p = base(institutionId, m.id(), m.ooapiId());
            p.put("nameNl", m.nameNl());
            p.put("nameEn", m.nameEn());
            p.put("status", "OFFERED");
            p.put("ec", m.ec());
            p.put("language", m.language());
            p.put("descriptionNl", m.descriptionNl());
            p.put("descriptionEn", m.descriptionEn());
            List<Relationship> rels = new ArrayList<>();
            rels.add(rel("OFFERED_BY", "Institution", "id", institutionId, Map.of()));
            if (m.place() != null) {
                rels.add(rel("IN_PLACE", "Place", "name", m.place(), Map.of()));
            }
            nodes.add(node("Minor", m.id(), m.path(), p, rels));
        }
        for (OutcomeRecord record : result.outcomes()) {
            OutcomeInput o = record.outcome();
            Map<String, Object> p = base(institutionId, o.id(), record.ooapiId());
            p.put("titleNl", o.titleNl());
            p.put("titleEn", o.titleEn());
            p.put("descriptionNl", o.descriptionNl());
            p.put("descriptionEn", o.descriptionEn());
            p.put("eqfLevel", o.eqfLevel());
            p.put("shelfLifeYears", o.shelfLifeYears());
            p.put("escoUri", o.escoUri());
            nodes.add(node("LearningOutcome", o.id(), record.path(), p,
                    List.of(rel("BELONGS_TO", "Competency", "id", o.competencyId(), Map.of()))));
        }
        for (UnitRecord record : result.units()) {
            UnitInput u = record.unit();
            Map<String, Object> p = base(institutionId, u.id(), record.ooapiId());
            p.put("kind", u.kind());
            p.put("titleNl", u.titleNl());
            p.put("titleEn", u.titleEn());
            p.put("descriptionNl", u.descriptionNl());
            p.put("descriptionEn", u.descriptionEn());
            p.put("ec", u.ec());
            p.put("hours", u.hours());
            p.put("durationWeeks", u.durationWeeks());
            p.put("costEur", u.costEur());
            p.put("mode", u.mode());
            p.put("language", u.language());
            p.put("startMoments", u.startMoments().isEmpty() ? null : u.startMoments());
            List<Relationship> rels = new ArrayList<>();
            rels.add(rel("PROVIDED_BY", "Institution", "id", institutionId, Map.of()));
            if (u.place() != null) {
                rels.add(rel("IN_PLACE", "Place", "name", u.place(), Map.of()));
            }
            if (u.partOfId() != null) {
                rels.add(rel("PART_OF", u.partOfId().startsWith("ooapi-") ? "Minor" : "Programme", "id", u.partOfId(),
                        Map.of()));
            }
            for (YieldInput y : u.yields()) {
                rels.add(rel("YIELDS", "LearningOutcome", "id", y.outcomeId(), Map.of("level", y.level())));
            }
            nodes.add(node("LearningUnit", u.id(), record.path(), p, rels));
        }
        return nodes;
    }

    private static Map<String, Object> base(String institutionId, String id, String ooapiId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("origin", ORIGIN);
        p.put("provenance", ORIGIN);
        p.put("ooapiInstitution", institutionId);
        p.put("ooapiId", ooapiId);
        return p;
    }

    private static Relationship rel(String type, String label, String key, String target, Map<String, Object> props) {
        return new Relationship(type, label, key, target, props);
    }

    /** The node with a fingerprint of everything written for it, so an unchanged record is not written again. */
    private static NodeWrite node(String label, String id, String path, Map<String, Object> properties,
            List<Relationship> relationships) {
        properties.values().removeIf(v -> v == null);
        String canonical = label + new TreeMap<>(properties) + relationships.stream()
                .map(r -> r.type() + ">" + r.targetLabel() + ":" + r.target() + new TreeMap<>(r.properties()))
                .sorted().collect(Collectors.joining(","));
        properties.put("ooapiHash", sha256(canonical));
        return new NodeWrite(label, id, path, properties, relationships);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Counts(int created, int updated, int unchanged, int removed) {

        int changed() {
            return created + updated + removed;
        }
    }

    /** The labels an import writes; every query names one, so none scans the whole graph. */
    private static final List<String> LABELS = List.of("Minor", "LearningOutcome", "LearningUnit");

    /** Checks against the graph and writes, in the caller's transaction; problems go to {@code errors}. */
    private static Counts write(Transaction tx, String institutionId, List<NodeWrite> nodes, List<Problem> errors) {
        Map<String, Object> owner = Map.of("origin", ORIGIN, "institution", institutionId);
        Map<String, String> hashes = new HashMap<>();
        List<String> removed = new ArrayList<>();
        Map<String, List<String>> removedByLabel = new LinkedHashMap<>();
        for (String label : LABELS) {
            List<NodeWrite> ofLabel = nodes.stream().filter(n -> n.label().equals(label)).toList();
            List<String> ids = ofLabel.stream().map(NodeWrite::id).toList();
            tx.run("MATCH (n:" + label + ") WHERE n.id IN $ids RETURN n.id AS id, n.origin AS origin, "
                    + "n[$key] AS owner, n.ooapiHash AS hash", Map.of("ids", ids, "key", "ooapiInstitution")).list()
                    .forEach(r -> {
                        String id = r.get("id").asString();
                        if (ORIGIN.equals(r.get("origin").asString(null))
                                && institutionId.equals(r.get("owner").asString(null))) {
                            hashes.put(id, r.get("hash").asString(null));
                        } else {
                            NodeWrite node = ofLabel.stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
                            errors.add(new Problem(node.path(), "its Leerroute id '" + id + "' is taken by a " + label
                                    + " that this institution's import does not own; give it another primaryCode"));
                        }
                    });
            List<String> gone = tx.run("MATCH (n:" + label + ") WHERE n.origin = $origin AND n[$key] = $institution "
                    + "AND NOT n.id IN $ids RETURN n.id AS id ORDER BY id", with(owner, "ids", ids, "key",
                            "ooapiInstitution")).list(r -> r.get("id").asString());
            removedByLabel.put(label, gone);
            removed.addAll(gone);
            tx.run("MATCH (n:" + label + ")<-[r]-(x) WHERE n.id IN $gone AND n.origin = $origin "
                    + "AND NOT (x.origin = $origin AND x[$key] = $institution) AND NOT x:AccessLogEntry "
                    + "RETURN n.id AS id, type(r) AS type, labels(x)[0] AS label, x.id AS user ORDER BY id, user",
                    with(owner, "gone", gone, "key", "ooapiInstitution")).list().forEach(r -> errors.add(new Problem(
                            "$", "'" + r.get("id").asString() + "' came from this institution's earlier import and is "
                            + "not in this document, but " + r.get("label").asString() + " "
                            + (r.get("label").asString().equals("Evidence") ? "of a person" : r.get("user").asString(""))
                            + " uses it (" + r.get("type").asString() + "): keep it in the document, or remove that "
                            + "use first")));
        }
        if (!errors.isEmpty()) {
            return new Counts(0, 0, 0, 0);
        }
        List<NodeWrite> changed = nodes.stream()
                .filter(n -> !n.properties().get("ooapiHash").equals(hashes.get(n.id()))).toList();
        int created = (int) changed.stream().filter(n -> !hashes.containsKey(n.id())).count();
        for (String label : LABELS) {
            List<NodeWrite> ofLabel = changed.stream().filter(n -> n.label().equals(label)).toList();
            tx.run("UNWIND $rows AS row MERGE (n:" + label + " {id: row.id}) SET n = row.properties",
                    Map.of("rows", ofLabel.stream().map(n -> Map.of("id", n.id(), "properties", n.properties()))
                            .toList())).consume();
            tx.run("MATCH (n:" + label + ")-[r]->() WHERE n.id IN $ids AND r.origin = $origin DELETE r",
                    Map.of("ids", ofLabel.stream().map(NodeWrite::id).toList(), "origin", ORIGIN)).consume();
        }
        // one statement per kind of relationship end, so both ends are found by label and id
        Map<List<String>, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (NodeWrite node : changed) {
            for (Relationship r : node.relationships()) {
                rows.computeIfAbsent(List.of(node.label(), r.targetLabel(), r.targetKey()), k -> new ArrayList<>())
                        .add(Map.of("from", node.id(), "type", r.type(), "target", r.target(), "properties",
                                r.properties()));
            }
        }
        rows.forEach((ends, batch) -> {
            int written = tx.run("UNWIND $rows AS row MATCH (a:" + ends.get(0) + " {id: row.from}) "
                    + "MATCH (b:" + ends.get(1) + " {" + ends.get(2) + ": row.target}) "
                    + "CREATE (a)-[r:$(row.type)]->(b) SET r = row.properties, r.origin = $origin RETURN count(r) AS n",
                    Map.of("rows", batch, "origin", ORIGIN)).single().get("n").asInt();
            if (written != batch.size()) {
                // the reader and the catalogue rules checked every target: a missing one is a bug, not bad input
                throw new IllegalStateException("wrote " + written + " of " + batch.size() + " relationships "
                        + ends + " of an OOAPI import");
            }
        });
        removedByLabel.forEach((label, gone) -> tx.run("MATCH (n:" + label + ") WHERE n.id IN $gone "
                + "AND n.origin = $origin AND n[$key] = $institution DETACH DELETE n",
                with(owner, "gone", gone, "key", "ooapiInstitution")).consume());
        return new Counts(created, changed.size() - created, nodes.size() - changed.size(), removed.size());
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... more) {
        Map<String, Object> params = new HashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            params.put((String) more[i], more[i + 1]);
        }
        return params;
    }
}
