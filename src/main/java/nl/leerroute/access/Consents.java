package nl.leerroute.access;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.leerroute.database.GraphReader;
import nl.leerroute.database.Props;
import nl.leerroute.graphql.InvalidValue;
import nl.leerroute.people.Person;
import org.neo4j.driver.Driver;
import org.springframework.stereotype.Service;

/**
 * Consents of workers to advisors: {@code (Person)-[:GRANTED]->(Consent)-[:TO]->(Account)}, with a
 * purpose and an end date. Withdrawal sets {@code withdrawnOn}; {@link Access} checks consents on
 * every request, so it takes effect at once.
 */
@Service
public class Consents {

    /** Longest a consent may run: advice is a bounded episode, not a standing permission. */
    static final int MAX_YEARS = 2;
    static final int INTAKE_DAYS = 30;

    public record Consent(String id, String purpose, LocalDate grantedOn, LocalDate until, LocalDate withdrawnOn,
            String advisorId, String advisorName, String personId) {

        public String status(LocalDate today) {
            return withdrawnOn != null ? "WITHDRAWN" : until.isBefore(today) ? "EXPIRED" : "ACTIVE";
        }

        static Consent of(Map<String, Object> n) {
            return new Consent(Props.str(n, "id"), Props.str(n, "purpose"), Props.date(n, "grantedOn"),
                    Props.date(n, "until"), Props.date(n, "withdrawnOn"), Props.str(n, "advisorId"),
                    Props.str(n, "advisorName"), Props.str(n, "personId"));
        }
    }

    public record Result(Consent consent, List<InvalidValue> errors) {
    }

    private static final String RETURN = """
            RETURN c {.*, advisorId: a.id, advisorName: a.displayName, personId: p.id} AS n""";

    private final Driver driver;
    private final GraphReader graph;

    Consents(Driver driver, GraphReader graph) {
        this.driver = driver;
        this.graph = graph;
    }

    public Result grant(String personId, String advisorId, String purpose, LocalDate until, LocalDate today) {
        List<InvalidValue> errors = new ArrayList<>();
        if (purpose == null || purpose.isBlank()) {
            errors.add(new InvalidValue("purpose", "is required: say what the advisor may use your data for"));
        }
        if (until == null || !until.isAfter(today)) {
            errors.add(new InvalidValue("until", "must be after today"));
        } else if (until.isAfter(today.plusYears(MAX_YEARS))) {
            errors.add(new InvalidValue("until", "may be at most " + MAX_YEARS + " years ahead, until "
                    + today.plusYears(MAX_YEARS)));
        }
        if (graph.one("MATCH (a:Account {id: $id, role: 'ADVISOR'}) RETURN a {.id} AS n", Map.of("id",
                String.valueOf(advisorId)), n -> n).isEmpty()) {
            errors.add(new InvalidValue("advisorId", "there is no advisor with id '" + advisorId + "'"));
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        String id = create(personId, advisorId, purpose.strip(), today, until, null);
        return new Result(byId(id), List.of());
    }

    /** An advisor created the person across the desk: a short intake consent, which the person can withdraw. */
    void recordIntake(String personId, Caller advisor) {
        create(personId, advisor.accountId(), "intake", LocalDate.now(), LocalDate.now().plusDays(INTAKE_DAYS),
                advisor);
    }

    private String create(String personId, String advisorId, String purpose, LocalDate grantedOn, LocalDate until,
            Caller recordedBy) {
        String id = "consent-" + UUID.randomUUID();
        Map<String, Object> properties = new HashMap<>();
        properties.put("id", id);
        properties.put("purpose", purpose);
        properties.put("grantedOn", grantedOn);
        properties.put("until", until);
        properties.put("recordedBy", recordedBy == null ? "person" : "advisor");
        properties.put("provenance", "illustrative");
        properties.put("origin", "api");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("person", personId);
        parameters.put("advisor", advisorId);
        parameters.put("properties", properties);
        parameters.put("displayName", recordedBy == null ? null : recordedBy.name());
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("""
                    MATCH (p:Person {id: $person})
                    MERGE (a:Account {id: $advisor})
                      ON CREATE SET a.role = 'ADVISOR', a.displayName = $displayName, a.origin = 'api'
                    CREATE (p)-[:GRANTED]->(c:Consent)-[:TO]->(a) SET c = $properties
                    """, parameters).consume());
        }
        return id;
    }

    /** Withdraws the person's consent at once; only the person who granted it can. */
    public Result withdraw(String personId, String consentId, LocalDate today) {
        Consent consent = byId(consentId);
        if (consent == null || !consent.personId().equals(personId)) {
            return new Result(null, List.of(new InvalidValue("consentId", "you have no consent with id '"
                    + consentId + "'")));
        }
        if (consent.withdrawnOn() != null) {
            return new Result(null, List.of(new InvalidValue("consentId", "was already withdrawn on "
                    + consent.withdrawnOn())));
        }
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("MATCH (c:Consent {id: $id}) SET c.withdrawnOn = $today, "
                    + "c.withdrawnAt = toString(datetime())", Map.of("id", consentId, "today", today)).consume());
        }
        return new Result(byId(consentId), List.of());
    }

    Consent byId(String id) {
        return graph.one("MATCH (p:Person)-[:GRANTED]->(c:Consent {id: $id})-[:TO]->(a:Account) " + RETURN,
                Map.of("id", id), Consent::of).orElse(null);
    }

    /** Every consent the person granted, newest first. */
    public List<Consent> grantedBy(String personId) {
        return graph.list("MATCH (p:Person {id: $id})-[:GRANTED]->(c:Consent)-[:TO]->(a:Account) " + RETURN
                + " ORDER BY c.grantedOn DESC, c.id", Map.of("id", personId), Consent::of);
    }

    /** The advisor's active consents: their clients. */
    public List<Consent> activeFor(String advisorId) {
        return graph.list("""
                MATCH (p:Person)-[:GRANTED]->(c:Consent)-[:TO]->(a:Account {id: $id})
                WHERE c.withdrawnOn IS NULL AND c.grantedOn <= date() AND c.until >= date()
                """ + RETURN + " ORDER BY p.name, c.id", Map.of("id", advisorId), Consent::of);
    }

    /** The people of many consents, in one query. */
    public Map<Consent, Person> peopleOf(Collection<Consent> consents) {
        return graph.childOf(consents, Consent::id, "MATCH (p:Person)-[:GRANTED]->(c:Consent) WHERE c.id IN $ids "
                + "RETURN c.id AS key, p {.*} AS n", Person::of);
    }
}
