package nl.leerroute.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import nl.leerroute.graphql.InvalidValue;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;

/**
 * Changes to people and their evidence. Every command checks all of its input and answers with
 * every error it found; with errors nothing is written, otherwise it writes in one transaction.
 */
@Service
public class PersonCommands {

    static final Set<String> EDUCATION = Set.of("SECONDARY", "MBO_2", "MBO_3", "MBO_4", "AD", "BACHELOR", "MASTER");
    static final Set<String> EVIDENCE_KINDS = Set.of("DIPLOMA", "CERTIFICATE", "COMPLETED_UNIT", "WORK_EXPERIENCE",
            "INFORMAL");

    /** A value, or the errors that stopped the command. */
    public record Result<T>(T value, List<InvalidValue> errors) {
        static <T> Result<T> failed(List<InvalidValue> errors) {
            return new Result<>(null, List.copyOf(errors));
        }

        static <T> Result<T> ok(T value) {
            return new Result<>(value, List.of());
        }
    }

    public record NewPerson(String name, Integer birthYear, String place, String education, Integer yearsOfWork,
            String currentRole) {
    }

    public record OutcomeLevel(String outcomeId, int level) {
    }

    /**
     * @param programmeId, certificateId, unitId optional source; without asserts the evidence asserts what
     *        the source stands for (a programme's outcomes, what a certificate requires, what a unit yields)
     * @param source how the asserts were chosen (see {@link Evidence#source()}); null: named by the person
     */
    public record NewEvidence(String personId, String kind, String title, String role, String employerSector,
            LocalDate from, LocalDate to, String description, List<OutcomeLevel> asserts, String programmeId,
            String certificateId, String unitId, String source) {

        public NewEvidence(String personId, String kind, String title, String role, String employerSector,
                LocalDate from, LocalDate to, String description, List<OutcomeLevel> asserts) {
            this(personId, kind, title, role, employerSector, from, to, description, asserts, null, null, null,
                    null);
        }
    }

    /** Per source field: the label it names and the relationship to the outcomes it stands for. */
    private static final List<String[]> SOURCES = List.of(
            new String[] {"programmeId", "Programme", "REQUIRES", "OF_PROGRAMME", "DIPLOMA"},
            new String[] {"certificateId", "Certificate", "REQUIRES", "OF_CERTIFICATE", "CERTIFICATE"},
            new String[] {"learningUnitId", "LearningUnit", "YIELDS", "OF_UNIT", "COMPLETED_UNIT"});

    public record EvidenceChange(String evidenceId, String title, String description, LocalDate from, LocalDate to,
            List<OutcomeLevel> asserts) {
    }

    private final Driver driver;
    private final People people;

    PersonCommands(Driver driver, People people) {
        this.driver = driver;
        this.people = people;
    }

    private static boolean exists(TransactionContext tx, String label, String id) {
        return tx.run("MATCH (n:" + label + " {id: $id}) RETURN count(n) > 0 AS found", Map.of("id", id)).single()
                .get("found").asBoolean();
    }

    private Result<String> write(java.util.function.Function<TransactionContext, Result<String>> work) {
        try (var session = driver.session()) {
            return session.executeWrite(work::apply);
        }
    }

    public Result<Person> createPerson(NewPerson input, LocalDate today) {
        List<InvalidValue> errors = new ArrayList<>();
        if (input.name() == null || input.name().isBlank()) {
            errors.add(new InvalidValue("name", "is required"));
        }
        if (input.birthYear() == null || input.birthYear() < 1900 || input.birthYear() > today.getYear() - 14) {
            errors.add(new InvalidValue("birthYear", "must be between 1900 and " + (today.getYear() - 14)));
        }
        if (!EDUCATION.contains(input.education())) {
            errors.add(new InvalidValue("education", "'" + input.education() + "' is not one of "
                    + new TreeSet<>(EDUCATION)));
        }
        if (input.yearsOfWork() != null && input.yearsOfWork() < 0) {
            errors.add(new InvalidValue("yearsOfWork", "must be zero or more"));
        }
        Result<String> written = write(tx -> {
            if (!exists(tx, "Place", input.place())) {
                errors.add(new InvalidValue("place", "'" + input.place() + "' is not a known place"));
            }
            if (!errors.isEmpty()) {
                return Result.failed(errors);
            }
            String id = "person-" + UUID.randomUUID();
            Map<String, Object> properties = new HashMap<>();
            properties.put("id", id);
            properties.put("name", input.name().strip());
            properties.put("birthYear", input.birthYear());
            properties.put("education", input.education());
            properties.put("yearsOfWork", input.yearsOfWork());
            properties.put("currentRole", input.currentRole());
            properties.put("provenance", "illustrative");
            properties.put("origin", "api");
            tx.run("MATCH (place:Place {id: $place}) CREATE (p:Person) SET p = $properties "
                    + "CREATE (p)-[:LIVES_IN]->(place)", Map.of("place", input.place(), "properties", properties))
                    .consume();
            return Result.ok(id);
        });
        return written.value() == null ? Result.failed(written.errors())
                : Result.ok(people.person(written.value()).orElseThrow());
    }

    private static void checkAssertions(TransactionContext tx, List<OutcomeLevel> asserts, List<InvalidValue> errors) {
        if (asserts.isEmpty()) {
            errors.add(new InvalidValue("asserts", "must name at least one outcome"));
        }
        for (OutcomeLevel a : asserts) {
            if (a.level() < 1 || a.level() > 8) {
                errors.add(new InvalidValue("asserts", "level of " + a.outcomeId() + " must be 1-8, got " + a.level()));
            }
            if (!exists(tx, "LearningOutcome", a.outcomeId())) {
                errors.add(new InvalidValue("asserts", "'" + a.outcomeId() + "' is not a learning outcome"));
            }
        }
    }

    private static void checkDates(LocalDate from, LocalDate to, LocalDate today, List<InvalidValue> errors) {
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new InvalidValue("to", "is before 'from'"));
        }
        if (to != null && to.isAfter(today)) {
            errors.add(new InvalidValue("to", "is in the future"));
        }
    }

    private static List<Map<String, Object>> assertions(List<OutcomeLevel> asserts) {
        return asserts.stream().map(a -> Map.<String, Object>of("outcome", a.outcomeId(), "level", a.level())).toList();
    }

    /** New evidence is always CLAIMED: a person's own word credits nothing until validated. */
    public Result<Evidence> addEvidence(NewEvidence input, LocalDate today) {
        return addEvidence(input, Map.of(), today);
    }

    /**
     * {@link #addEvidence} for a claim whose outcomes were suggested to the person from their own
     * text ({@code input.source()}, e.g. SUGGESTED_FROM_TEXT): each ASSERTS relationship also
     * records that source and the words of the text that led to its outcome, in the same transaction.
     */
    public Result<Evidence> addEvidence(NewEvidence input, Map<String, List<String>> matchedWords, LocalDate today) {
        List<InvalidValue> errors = new ArrayList<>();
        if (input.title() == null || input.title().isBlank()) {
            errors.add(new InvalidValue("title", "is required"));
        }
        if (!EVIDENCE_KINDS.contains(input.kind())) {
            errors.add(new InvalidValue("kind", "'" + input.kind() + "' is not one of " + new TreeSet<>(EVIDENCE_KINDS)));
        }
        checkDates(input.from(), input.to(), today, errors);
        String[] sourceIds = {input.programmeId(), input.certificateId(), input.unitId()};
        int named = (int) java.util.Arrays.stream(sourceIds).filter(java.util.Objects::nonNull).count();
        if (named > 1) {
            errors.add(new InvalidValue("programmeId", "name at most one of programmeId, certificateId and "
                    + "learningUnitId"));
        }
        Result<String> written = write(tx -> {
            if (!exists(tx, "Person", input.personId())) {
                errors.add(new InvalidValue("personId", "there is no person with id '" + input.personId() + "'"));
            }
            List<OutcomeLevel> asserts = input.asserts();
            String[] source = null;
            String sourceId = null;
            for (int i = 0; i < SOURCES.size(); i++) {
                if (sourceIds[i] == null) {
                    continue;
                }
                source = SOURCES.get(i);
                sourceId = sourceIds[i];
                if (!source[4].equals(input.kind())) {
                    errors.add(new InvalidValue(source[0], "only evidence of kind " + source[4] + " can name one"));
                }
                if (!exists(tx, source[1], sourceId)) {
                    errors.add(new InvalidValue(source[0], "'" + sourceId + "' is not a known "
                            + source[1].replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT)));
                } else if (asserts == null || asserts.isEmpty()) {
                    asserts = tx.run("MATCH (:" + source[1] + " {id: $id})-[r:" + source[2] + "]->(o:LearningOutcome) "
                            + "RETURN o.id AS outcome, r.level AS level ORDER BY o.id", Map.of("id", sourceId))
                            .list(r -> new OutcomeLevel(r.get("outcome").asString(), r.get("level").asInt()));
                    if (asserts.isEmpty()) {
                        errors.add(new InvalidValue(source[0], "'" + sourceId + "' names no outcomes to assert; "
                                + "give asserts"));
                        asserts = null;
                    }
                }
            }
            boolean derived = source != null && (input.asserts() == null || input.asserts().isEmpty());
            if (asserts != null || source == null) {
                checkAssertions(tx, asserts == null ? List.of() : asserts, errors);
            }
            if (!errors.isEmpty()) {
                return Result.failed(errors);
            }
            String id = "evidence-" + UUID.randomUUID();
            Map<String, Object> properties = new HashMap<>();
            properties.put("id", id);
            properties.put("kind", input.kind());
            properties.put("title", input.title().strip());
            properties.put("role", input.role());
            properties.put("employerSector", input.employerSector());
            properties.put("from", input.from());
            properties.put("to", input.to());
            properties.put("description", input.description());
            properties.put("status", "CLAIMED");
            properties.put("claimedOn", today);
            properties.put("source", derived ? "DERIVED_FROM_SOURCE" : input.source());
            properties.put("provenance", "illustrative");
            properties.put("origin", "api");
            tx.run("""
                    MATCH (p:Person {id: $person})
                    CREATE (p)-[:HAS_EVIDENCE]->(e:Evidence) SET e = $properties
                    WITH e UNWIND $asserts AS a
                    MATCH (o:LearningOutcome {id: a.outcome}) CREATE (e)-[:ASSERTS {level: a.level}]->(o)
                    """, Map.of("person", input.personId(), "properties", properties,
                    "asserts", assertions(asserts))).consume();
            if (source != null) {
                tx.run("MATCH (e:Evidence {id: $id}), (s:" + source[1] + " {id: $source}) CREATE (e)-[:" + source[3]
                        + "]->(s)", Map.of("id", id, "source", sourceId)).consume();
            }
            if (!matchedWords.isEmpty()) {
                tx.run("""
                        MATCH (e:Evidence {id: $id})-[a:ASSERTS]->(o:LearningOutcome)
                        SET a.source = e.source, a.matchedWords = coalesce($words[o.id], [])
                        """, Map.of("id", id, "words", matchedWords)).consume();
            }
            return Result.ok(id);
        });
        return evidence(written);
    }

    /**
     * Changing what validated or rejected evidence asserts makes it a claim again: a decision covers
     * what was decided on, not what was written afterwards.
     */
    public Result<Evidence> changeEvidence(EvidenceChange input, LocalDate today) {
        List<InvalidValue> errors = new ArrayList<>();
        if (input.title() != null && input.title().isBlank()) {
            errors.add(new InvalidValue("title", "must not be blank"));
        }
        Result<String> written = write(tx -> {
            var current = tx.run("MATCH (e:Evidence {id: $id}) RETURN e.from AS from, e.to AS to",
                    Map.of("id", input.evidenceId())).list();
            if (current.isEmpty()) {
                return Result.failed(List.of(new InvalidValue("evidenceId", "there is no evidence with id '"
                        + input.evidenceId() + "'")));
            }
            LocalDate from = input.from() != null ? input.from()
                    : current.get(0).get("from").isNull() ? null : current.get(0).get("from").asLocalDate();
            LocalDate to = input.to() != null ? input.to()
                    : current.get(0).get("to").isNull() ? null : current.get(0).get("to").asLocalDate();
            checkDates(from, to, today, errors);
            if (input.asserts() != null) {
                checkAssertions(tx, input.asserts(), errors);
            }
            if (!errors.isEmpty()) {
                return Result.failed(errors);
            }
            Map<String, Object> changes = new HashMap<>();
            if (input.title() != null) {
                changes.put("title", input.title().strip());
            }
            if (input.description() != null) {
                changes.put("description", input.description());
            }
            changes.put("from", from);
            changes.put("to", to);
            tx.run("MATCH (e:Evidence {id: $id}) SET e += $changes", Map.of("id", input.evidenceId(), "changes",
                    changes)).consume();
            if (input.asserts() != null) {
                tx.run("""
                        MATCH (e:Evidence {id: $id})
                        OPTIONAL MATCH (e)-[old:ASSERTS|REJECTED_ASSERTION]->() DELETE old
                        WITH DISTINCT e
                        SET e.status = 'CLAIMED', e.validatedBy = null, e.validationMethod = null, e.validatedOn = null,
                            e.rejectedBy = null, e.rejectedOn = null, e.rejectionReason = null, e.claimedOn = $today
                        WITH e UNWIND $asserts AS a
                        MATCH (o:LearningOutcome {id: a.outcome}) CREATE (e)-[:ASSERTS {level: a.level}]->(o)
                        """, Map.of("id", input.evidenceId(), "asserts", assertions(input.asserts()), "today", today))
                        .consume();
            }
            return Result.ok(input.evidenceId());
        });
        return evidence(written);
    }

    public Result<String> removeEvidence(String evidenceId) {
        return write(tx -> {
            if (!exists(tx, "Evidence", evidenceId)) {
                return Result.failed(List.of(new InvalidValue("evidenceId", "there is no evidence with id '"
                        + evidenceId + "'")));
            }
            tx.run("MATCH (e:Evidence {id: $id}) DETACH DELETE e", Map.of("id", evidenceId)).consume();
            return Result.ok(evidenceId);
        });
    }

    /**
     * STARTED is remembered on the person; COMPLETED becomes validated evidence of the unit (asserting
     * what it yields), so that the next plan credits it.
     */
    public Result<Evidence> recordProgress(String personId, String unitId, String status, LocalDate on,
            LocalDate today) {
        List<InvalidValue> errors = new ArrayList<>();
        if (on.isAfter(today)) {
            errors.add(new InvalidValue("on", "is in the future"));
        }
        if (!Set.of("STARTED", "COMPLETED").contains(status)) {
            errors.add(new InvalidValue("status", "must be STARTED or COMPLETED"));
        }
        Result<String> written = write(tx -> {
            if (!exists(tx, "Person", personId)) {
                errors.add(new InvalidValue("personId", "there is no person with id '" + personId + "'"));
            }
            if (!exists(tx, "LearningUnit", unitId)) {
                errors.add(new InvalidValue("learningUnitId", "there is no learning unit with id '" + unitId + "'"));
            }
            if (!errors.isEmpty()) {
                return Result.failed(errors);
            }
            if (status.equals("STARTED")) {
                tx.run("MATCH (p:Person {id: $person}), (u:LearningUnit {id: $unit}) MERGE (p)-[s:STARTED]->(u) "
                        + "SET s.on = $on", Map.of("person", personId, "unit", unitId, "on", on)).consume();
                return Result.ok(null);
            }
            String id = "evidence-" + UUID.randomUUID();
            tx.run("""
                    MATCH (p:Person {id: $person}), (u:LearningUnit {id: $unit})
                    OPTIONAL MATCH (p)-[started:STARTED]->(u) DELETE started
                    WITH DISTINCT p, u
                    CREATE (p)-[:HAS_EVIDENCE]->(e:Evidence {id: $id, kind: 'COMPLETED_UNIT', title: u.titleNl,
                        from: $on, to: $on, status: 'VALIDATED', validationMethod: 'COMPLETION',
                        validatedBy: 'progress recorded in Leerroute', validatedOn: $on,
                        provenance: 'illustrative', origin: 'api'})-[:OF_UNIT]->(u)
                    WITH e, u
                    MATCH (u)-[y:YIELDS]->(o:LearningOutcome)
                    CREATE (e)-[:ASSERTS {level: y.level}]->(o)
                    """, Map.of("person", personId, "unit", unitId, "id", id, "on", on)).consume();
            return Result.ok(id);
        });
        return written.errors().isEmpty() && written.value() == null ? Result.ok(null) : evidence(written);
    }

    private Result<Evidence> evidence(Result<String> written) {
        if (written.value() == null) {
            return Result.failed(written.errors());
        }
        return Result.ok(people.evidence(written.value()).orElseThrow());
    }
}
