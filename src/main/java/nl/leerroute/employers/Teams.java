package nl.leerroute.employers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.leerroute.database.GraphReader;
import nl.leerroute.database.Props;
import nl.leerroute.graphql.InvalidValue;
import org.neo4j.driver.Driver;
import org.springframework.stereotype.Service;

/**
 * Teams of a firm and their goal, {@code (Team)-[:OF_FIRM]->(Institution)}, {@code -[:HAS_MEMBER]->(Person)},
 * {@code -[:AIMS_AT]->(Transformation)}, {@code -[:AT_TARGET_LEVEL]->(MaturityLevel)}; and the firm's employees
 * who share their data with it. Only employees with an active consent to the firm are ever returned: a member
 * who withdrew is counted ({@link Team#notSharing()}), never named.
 */
@Service
public class Teams {

    /** An employee as the firm may see them: who, their job, and what they share. */
    public record Member(String personId, String name, String jobTitle, List<String> shares) {

        public boolean sharesClaims() {
            return shares.contains("CLAIMS");
        }
    }

    /** A team with its goal; {@code members} are those who share data with the firm now. */
    public record Team(String id, String firmId, String name, List<String> transformationIds, String maturityLevelId,
            List<Member> members, int notSharing) {
    }

    public record Result(Team team, List<InvalidValue> errors) {
    }

    /** What createTeam / updateTeam change; null fields (update) stay as they are. */
    public record Change(String name, List<String> memberIds, List<String> transformationIds, String maturityLevelId) {
    }

    static final int MAX_NAME = 100;
    static final String ACTIVE = "c.withdrawnOn IS NULL AND c.grantedOn <= date() AND c.until >= date()";

    private final GraphReader graph;
    private final Driver driver;

    Teams(GraphReader graph, Driver driver) {
        this.graph = graph;
        this.driver = driver;
    }

    /** The firm's employees with an active consent to share with it, by name. */
    public List<Member> employees(String firmId) {
        return graph.rows("""
                MATCH (p:Person)-[:HAS_EMPLOYMENT]->(e:Employment)-[:AT_EMPLOYER]->(f:Institution {id: $firm})
                MATCH (p)-[:GRANTED]->(c:EmployerConsent)-[:TO_EMPLOYER]->(f) WHERE %s
                WITH p, e, c ORDER BY c.until DESC, c.id
                WITH p, head(collect(e.jobTitle)) AS job, head(collect(c.shares)) AS shares
                RETURN p.id AS id, p.name AS name, job, shares ORDER BY name, id
                """.formatted(ACTIVE), Map.of("firm", firmId)).stream().map(Teams::member).toList();
    }

    @SuppressWarnings("unchecked")
    private static Member member(Map<String, Object> row) {
        return new Member((String) row.get("id"), (String) row.get("name"), (String) row.get("job"),
                List.copyOf((List<String>) row.get("shares")));
    }

    public List<Team> teams(String firmId) {
        List<Member> sharing = employees(firmId);
        return graph.rows(TEAM + " ORDER BY t.name, t.id", Map.of("firm", firmId, "id", "")).stream()
                .map(row -> team(row, firmId, sharing)).toList();
    }

    public Optional<Team> team(String firmId, String teamId) {
        if (firmId == null) {
            return Optional.empty();
        }
        List<Map<String, Object>> rows = graph.rows(TEAM, Map.of("firm", firmId, "id", teamId == null ? "" : teamId));
        return rows.stream().findFirst().map(row -> team(row, firmId, employees(firmId)));
    }

    private static final String TEAM = """
            MATCH (t:Team)-[:OF_FIRM]->(:Institution {id: $firm}) WHERE $id = '' OR t.id = $id
            RETURN t.id AS id, t.name AS name,
                   [(t)-[:AIMS_AT]->(x) | x.id] AS transformations,
                   head([(t)-[:AT_TARGET_LEVEL]->(x) | x.id]) AS level,
                   [(t)-[:HAS_MEMBER]->(p) | p.id] AS members""";

    @SuppressWarnings("unchecked")
    private static Team team(Map<String, Object> row, String firmId, List<Member> sharing) {
        Set<String> memberIds = new LinkedHashSet<>((List<String>) row.get("members"));
        List<Member> visible = sharing.stream().filter(m -> memberIds.contains(m.personId())).toList();
        List<String> transformations = new ArrayList<>((List<String>) row.get("transformations"));
        transformations.sort(null);
        return new Team((String) row.get("id"), firmId, (String) row.get("name"), List.copyOf(transformations),
                (String) row.get("level"), visible, memberIds.size() - visible.size());
    }

    /** The firm a team belongs to, or null when there is no such team. */
    public String firmOf(String teamId) {
        return graph.rows("MATCH (:Team {id: $id})-[:OF_FIRM]->(f:Institution) RETURN f.id AS id",
                Map.of("id", String.valueOf(teamId))).stream().map(r -> (String) r.get("id")).findFirst().orElse(null);
    }

    public Result create(String firmId, Change change) {
        List<InvalidValue> errors = validate(firmId, change, true);
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        String id = "team-" + UUID.randomUUID();
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("""
                    MATCH (f:Institution {id: $firm})
                    CREATE (t:Team {id: $id, name: $name, origin: 'api', createdAt: datetime()})-[:OF_FIRM]->(f)
                    """, Map.of("firm", firmId, "id", id, "name", change.name().strip())).consume());
        }
        write(id, change);
        return new Result(team(firmId, id).orElseThrow(), List.of());
    }

    /** Changes a team of the firm; a team of another firm is reported as unknown, exactly like a missing one. */
    public Result update(String firmId, String teamId, Change change) {
        if (team(firmId, teamId).isEmpty()) {
            return new Result(null, List.of(new InvalidValue("id", "your firm has no team with id '" + teamId + "'")));
        }
        List<InvalidValue> errors = validate(firmId, change, false);
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        if (change.name() != null) {
            try (var session = driver.session()) {
                session.executeWriteWithoutResult(tx -> tx.run("MATCH (t:Team {id: $id}) SET t.name = $name, "
                        + "t.updatedAt = datetime()", Map.of("id", teamId, "name", change.name().strip())).consume());
            }
        }
        write(teamId, change);
        return new Result(team(firmId, teamId).orElseThrow(), List.of());
    }

    /** Replaces the members and goal parts that the change names, in one transaction. */
    private void write(String teamId, Change change) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", teamId);
        parameters.put("members", change.memberIds() == null ? null : List.copyOf(new LinkedHashSet<>(
                change.memberIds())));
        parameters.put("transformations", change.transformationIds());
        parameters.put("level", change.maturityLevelId());
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("""
                    MATCH (t:Team {id: $id})
                    CALL (t) {
                      WITH t WHERE $members IS NOT NULL
                      OPTIONAL MATCH (t)-[r:HAS_MEMBER]->() DELETE r
                      WITH DISTINCT t
                      UNWIND $members AS member MATCH (p:Person {id: member}) CREATE (t)-[:HAS_MEMBER]->(p)
                    }
                    CALL (t) {
                      WITH t WHERE $transformations IS NOT NULL
                      OPTIONAL MATCH (t)-[r:AIMS_AT]->() DELETE r
                      WITH DISTINCT t
                      UNWIND $transformations AS tr MATCH (x:Transformation {id: tr}) CREATE (t)-[:AIMS_AT]->(x)
                    }
                    CALL (t) {
                      WITH t WHERE $level IS NOT NULL
                      OPTIONAL MATCH (t)-[r:AT_TARGET_LEVEL]->() DELETE r
                      WITH DISTINCT t
                      MATCH (x:MaturityLevel {id: $level}) CREATE (t)-[:AT_TARGET_LEVEL]->(x)
                    }
                    """, parameters).consume());
        }
    }

    private List<InvalidValue> validate(String firmId, Change change, boolean creating) {
        List<InvalidValue> errors = new ArrayList<>();
        if (creating || change.name() != null) {
            if (change.name() == null || change.name().isBlank()) {
                errors.add(new InvalidValue("name", "is required"));
            } else if (change.name().strip().length() > MAX_NAME) {
                errors.add(new InvalidValue("name", "may be at most " + MAX_NAME + " characters"));
            }
        }
        if (creating || change.memberIds() != null) {
            if (change.memberIds() == null || change.memberIds().isEmpty()) {
                errors.add(new InvalidValue("memberIds", "name at least one employee"));
            } else {
                Set<String> sharing = new java.util.HashSet<>();
                employees(firmId).forEach(m -> sharing.add(m.personId()));
                for (int i = 0; i < change.memberIds().size(); i++) {
                    String id = change.memberIds().get(i);
                    if (!sharing.contains(id)) {
                        // the same answer for a stranger and for an employee who does not share: nothing leaks
                        errors.add(new InvalidValue("memberIds[" + i + "]", "'" + id + "' is not an employee of "
                                + "your firm who shares their data with it"));
                    }
                }
            }
        }
        if (creating || change.transformationIds() != null) {
            if (change.transformationIds() == null || change.transformationIds().isEmpty()) {
                errors.add(new InvalidValue("transformationIds", "name at least one transformation"));
            } else {
                Set<String> known = conceptIds("Transformation");
                for (int i = 0; i < change.transformationIds().size(); i++) {
                    if (!known.contains(change.transformationIds().get(i))) {
                        errors.add(new InvalidValue("transformationIds[" + i + "]", "'"
                                + change.transformationIds().get(i) + "' is not a transformation; known: "
                                + String.join(", ", known)));
                    }
                }
            }
        }
        if (creating || change.maturityLevelId() != null) {
            Set<String> levels = conceptIds("MaturityLevel");
            if (change.maturityLevelId() == null || !levels.contains(change.maturityLevelId())) {
                errors.add(new InvalidValue("maturityLevelId", "'" + change.maturityLevelId()
                        + "' is not a maturity level; known: " + String.join(", ", levels)));
            }
        }
        return errors;
    }

    private Set<String> conceptIds(String label) {
        Set<String> ids = new java.util.TreeSet<>();
        graph.rows("MATCH (x:" + label + ") RETURN x.id AS id", Map.of()).forEach(r -> ids.add((String) r.get("id")));
        return ids;
    }

    // ------------------------------------------------------------------ the employee's side: consents

    /** A consent of an employee to share with their employer. */
    public record EmployerConsent(String id, String firmId, String firmName, List<String> shares, String purpose,
            LocalDate grantedOn, LocalDate until, LocalDate withdrawnOn) {

        public String status(LocalDate today) {
            return withdrawnOn != null ? "WITHDRAWN" : until.isBefore(today) ? "EXPIRED" : "ACTIVE";
        }

        @SuppressWarnings("unchecked")
        static EmployerConsent of(Map<String, Object> n) {
            return new EmployerConsent(Props.str(n, "id"), Props.str(n, "firmId"), Props.str(n, "firmName"),
                    List.copyOf((List<String>) n.get("shares")), Props.str(n, "purpose"), Props.date(n, "grantedOn"),
                    Props.date(n, "until"), Props.date(n, "withdrawnOn"));
        }
    }

    public record ConsentResult(EmployerConsent consent, List<InvalidValue> errors) {
    }

    private static final String CONSENT = """
            MATCH (p:Person {id: $person})-[:GRANTED]->(c:EmployerConsent)-[:TO_EMPLOYER]->(f:Institution)
            """;
    private static final String CONSENT_RETURN = " RETURN c {.*, firmId: f.id, firmName: f.name} AS n";

    public List<EmployerConsent> consentsOf(String personId) {
        return graph.list(CONSENT + CONSENT_RETURN + " ORDER BY c.grantedOn DESC, c.id", Map.of("person", personId),
                EmployerConsent::of);
    }

    /** The employee lets their employer see what {@code shares} names; only to a firm they work for. */
    public ConsentResult grant(String personId, String firmId, List<String> shares, String purpose, LocalDate until,
            LocalDate today) {
        List<InvalidValue> errors = new ArrayList<>();
        if (graph.rows("MATCH (:Person {id: $person})-[:HAS_EMPLOYMENT]->(:Employment)-[:AT_EMPLOYER]->"
                + "(:Institution {id: $firm}) RETURN 1 AS one", Map.of("person", personId, "firm",
                String.valueOf(firmId))).isEmpty()) {
            errors.add(new InvalidValue("employerId", "you are not employed by '" + firmId + "'"));
        }
        if (shares == null || !shares.contains("CREDITS")
                || !Set.of("CREDITS", "CLAIMS").containsAll(shares)) {
            errors.add(new InvalidValue("shares", "must be CREDITS, or CREDITS and CLAIMS"));
        }
        if (purpose == null || purpose.isBlank()) {
            errors.add(new InvalidValue("purpose", "is required: say what your employer may use your data for"));
        }
        if (until == null || !until.isAfter(today)) {
            errors.add(new InvalidValue("until", "must be after today"));
        } else if (until.isAfter(today.plusYears(2))) {
            errors.add(new InvalidValue("until", "may be at most 2 years ahead, until " + today.plusYears(2)));
        }
        if (!errors.isEmpty()) {
            return new ConsentResult(null, errors);
        }
        String id = "econsent-" + UUID.randomUUID();
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("""
                    MATCH (p:Person {id: $person}) MATCH (f:Institution {id: $firm})
                    CREATE (p)-[:GRANTED]->(c:EmployerConsent {id: $id, shares: $shares, purpose: $purpose,
                           grantedOn: $today, until: $until, origin: 'api', provenance: 'illustrative'})
                           -[:TO_EMPLOYER]->(f)
                    """, Map.of("person", personId, "firm", firmId, "id", id, "shares", List.copyOf(
                    new LinkedHashSet<>(shares)), "purpose", purpose.strip(), "today", today, "until", until))
                    .consume());
        }
        return new ConsentResult(consentsOf(personId).stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(), List.of());
    }

    /** Withdraws at once: the employer's next request no longer sees the employee. */
    public ConsentResult withdraw(String personId, String consentId, LocalDate today) {
        Optional<EmployerConsent> consent = consentsOf(personId).stream().filter(c -> c.id().equals(consentId))
                .findFirst();
        if (consent.isEmpty()) {
            return new ConsentResult(null, List.of(new InvalidValue("consentId", "you have no employer consent with "
                    + "id '" + consentId + "'")));
        }
        if (consent.get().withdrawnOn() != null) {
            return new ConsentResult(null, List.of(new InvalidValue("consentId", "was already withdrawn on "
                    + consent.get().withdrawnOn())));
        }
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("MATCH (c:EmployerConsent {id: $id}) SET c.withdrawnOn = "
                    + "$today", Map.of("id", consentId, "today", today)).consume());
        }
        return new ConsentResult(consentsOf(personId).stream().filter(c -> c.id().equals(consentId)).findFirst()
                .orElseThrow(), List.of());
    }
}
