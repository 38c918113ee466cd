package nl.leerroute.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import nl.leerroute.database.GraphReader;
import nl.leerroute.graphql.InvalidValue;
import nl.leerroute.people.PersonCommands.Result;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;

/**
 * The EVC validation workflow: an advisor or an institution's assessor decides on a claim, outcome by
 * outcome. Accepted outcomes stay {@code ASSERTS} relationships (at the level the assessor accepted, which
 * may be lower than claimed), so everything that credits validated evidence keeps reading one relationship
 * type; rejected ones become {@code REJECTED_ASSERTION} relationships that keep the claimed level and the
 * reason, so the person sees what was refused and why, and nothing can credit them by mistake.
 */
@Service
public class EvidenceReview {

    /** How a claim can be validated; COMPLETION is reserved for progress recorded in Leerroute. */
    static final Set<String> METHODS = Set.of("ASSESSMENT", "PORTFOLIO", "EMPLOYER_STATEMENT", "DIPLOMA",
            "CERTIFICATE");

    /**
     * One outcome's decision.
     *
     * @param level the accepted level (1 up to the claimed level); null: as claimed
     * @param reason required when not accepted
     */
    public record Decision(String outcomeId, boolean accept, Integer level, String reason) {
    }

    /**
     * @param decisions one per asserted outcome; null or empty: accept every assertion as claimed
     */
    /**
     * @param validatedBy the reviewer's name as the person will see it
     * @param reviewerAccountId the signed-in account that decided (kept for accountability)
     */
    public record Validation(String evidenceId, String method, String validatedBy, String reviewerAccountId,
            LocalDate on, List<Decision> decisions) {
    }

    public record Rejection(String evidenceId, String rejectedBy, String reviewerAccountId, String reason,
            LocalDate on) {
    }

    /** An outcome a reviewer did not accept, at the level it was claimed, with the reason. */
    public record RejectedAssertion(String outcomeId, int level, String reason) {
    }

    private final Driver driver;
    private final People people;
    private final GraphReader graph;

    EvidenceReview(Driver driver, People people, GraphReader graph) {
        this.driver = driver;
        this.people = people;
        this.graph = graph;
    }

    /**
     * CLAIMED evidence, oldest claim first: what waits for a reviewer.
     *
     * @param personId only this person's; null: anyone's among {@code among}
     * @param among the people the reviewer may see; null: everyone
     */
    public List<Evidence> waiting(String personId, List<String> among, int offset, int limit) {
        Map<String, Object> parameters = new HashMap<>(Map.of("offset", offset, "limit", limit));
        parameters.put("person", personId);
        parameters.put("among", among);
        return graph.list("""
                MATCH (p:Person)-[:HAS_EVIDENCE]->(n:Evidence {status: 'CLAIMED'})
                WHERE ($person IS NULL OR p.id = $person) AND ($among IS NULL OR p.id IN $among)
                RETURN n {.*} AS n ORDER BY coalesce(n.claimedOn, date('1900-01-01')), n.id
                SKIP $offset LIMIT $limit
                """, parameters, Evidence::of);
    }

    public Map<Evidence, Person> personOf(List<Evidence> evidence) {
        return graph.childOf(evidence, Evidence::id, "MATCH (n:Person)-[:HAS_EVIDENCE]->(e:Evidence) "
                + "WHERE e.id IN $ids RETURN e.id AS key, n {.*} AS n", Person::of);
    }

    public Map<Evidence, List<RejectedAssertion>> rejectedAssertionsOf(List<Evidence> evidence) {
        return graph.childrenOf(evidence, Evidence::id, """
                MATCH (e:Evidence)-[r:REJECTED_ASSERTION]->(o:LearningOutcome) WHERE e.id IN $ids
                RETURN e.id AS key, {outcome: o.id} AS n, r {.*} AS rel ORDER BY o.id
                """, (n, r) -> new RejectedAssertion((String) n.get("outcome"), ((Number) r.get("level")).intValue(),
                (String) r.get("reason")));
    }

    public Result<Evidence> validate(Validation input, LocalDate today) {
        List<InvalidValue> errors = new ArrayList<>();
        if (!METHODS.contains(input.method())) {
            errors.add(new InvalidValue("method", "'" + input.method() + "' is not one of " + new TreeSet<>(METHODS)));
        }
        requireText(input.validatedBy(), "validatedBy", errors);
        return decide(input.evidenceId(), input.validatedBy(), input.reviewerAccountId(), input.method(), input.on(),
                input.decisions(), null, today, errors);
    }

    /** Rejecting a whole claim is deciding every outcome it asserts the same way, for one reason. */
    public Result<Evidence> reject(Rejection input, LocalDate today) {
        List<InvalidValue> errors = new ArrayList<>();
        requireText(input.rejectedBy(), "rejectedBy", errors);
        requireText(input.reason(), "reason", errors);
        return decide(input.evidenceId(), input.rejectedBy(), input.reviewerAccountId(), null, input.on(), null,
                input.reason(), today, errors);
    }

    /**
     * @param wholeRejection non-null: reject every asserted outcome for this reason ({@code decisions} unused)
     * @param errors what the caller already found wrong; decided on only when none are left
     */
    private Result<Evidence> decide(String evidenceId, String reviewer, String reviewerAccountId, String method,
            LocalDate onInput, List<Decision> decisions, String wholeRejection, LocalDate today,
            List<InvalidValue> errors) {
        LocalDate on = onInput == null ? today : onInput;
        if (on.isAfter(today)) {
            errors.add(new InvalidValue("on", "is in the future"));
        }
        try (var session = driver.session()) {
            Result<String> written = session.executeWrite(tx -> {
                var found = tx.run("""
                        MATCH (e:Evidence {id: $id})
                        RETURN e.status AS status, e.to AS to,
                               [(e)-[a:ASSERTS]->(o:LearningOutcome) | {outcome: o.id, level: a.level}] AS asserts
                        """, Map.of("id", evidenceId)).list();
                if (found.isEmpty()) {
                    return Result.failed(List.of(unknown(evidenceId)));
                }
                String status = found.get(0).get("status").asString();
                if (!status.equals("CLAIMED")) {
                    errors.add(new InvalidValue("evidenceId", "is " + status + ", only a CLAIMED item can be "
                            + "decided on; change what it asserts to make it a claim again"));
                }
                var obtained = found.get(0).get("to");
                if (!obtained.isNull() && on.isBefore(obtained.asLocalDate()) && !obtained.asLocalDate().isAfter(today)) {
                    errors.add(new InvalidValue("on", "is before the evidence was obtained (" + obtained.asLocalDate()
                            + ")"));
                }
                Map<String, Integer> claimed = new LinkedHashMap<>();
                found.get(0).get("asserts").asList(v -> v.asMap()).forEach(a -> claimed.put((String) a.get("outcome"),
                        ((Number) a.get("level")).intValue()));
                List<Map<String, Object>> accepted = new ArrayList<>();
                List<Map<String, Object>> rejected = new ArrayList<>();
                if (wholeRejection == null) {
                    decide(decisions, claimed, accepted, rejected, errors);
                }
                if (!errors.isEmpty()) {
                    return Result.failed(errors);
                }
                if (wholeRejection != null) {
                    claimed.keySet().forEach(outcome -> rejected.add(Map.of("outcome", outcome,
                            "reason", wholeRejection.strip())));
                }
                boolean validated = !accepted.isEmpty();
                Map<String, Object> review = new HashMap<>();
                review.put("status", validated ? "VALIDATED" : "REJECTED");
                review.put("validatedBy", validated ? reviewer.strip() : null);
                review.put("validationMethod", validated ? method : null);
                review.put("validatedOn", validated ? on : null);
                review.put("rejectedBy", validated ? null : reviewer.strip());
                review.put("rejectedOn", validated ? null : on);
                review.put("rejectionReason", validated ? null : wholeRejection != null ? wholeRejection.strip()
                        : "none of the claimed outcomes was accepted");
                review.put("reviewerAccountId", reviewerAccountId);
                record(tx, evidenceId, review, accepted, rejected);
                return Result.ok(evidenceId);
            });
            return read(written);
        }
    }

    /** Checks the decisions against what is claimed and splits them; no decisions accepts all as claimed. */
    private static void decide(List<Decision> decisions, Map<String, Integer> claimed,
            List<Map<String, Object>> accepted, List<Map<String, Object>> rejected, List<InvalidValue> errors) {
        if (decisions == null || decisions.isEmpty()) {
            claimed.forEach((outcome, level) -> accepted.add(Map.of("outcome", outcome, "level", level)));
            return;
        }
        Set<String> decided = new TreeSet<>();
        for (Decision d : decisions) {
            Integer level = claimed.get(d.outcomeId());
            if (level == null) {
                errors.add(new InvalidValue("decisions", "'" + d.outcomeId() + "' is not asserted by this evidence"));
                continue;
            }
            if (!decided.add(d.outcomeId())) {
                errors.add(new InvalidValue("decisions", "'" + d.outcomeId() + "' is decided more than once"));
                continue;
            }
            if (d.accept()) {
                int acceptedLevel = d.level() == null ? level : d.level();
                if (acceptedLevel < 1 || acceptedLevel > level) {
                    errors.add(new InvalidValue("decisions", "level of " + d.outcomeId() + " must be 1-" + level
                            + " (the claimed level), got " + acceptedLevel));
                }
                accepted.add(Map.of("outcome", d.outcomeId(), "level", acceptedLevel));
            } else if (d.reason() == null || d.reason().isBlank()) {
                errors.add(new InvalidValue("decisions", "rejecting " + d.outcomeId() + " needs a reason"));
            } else {
                rejected.add(Map.of("outcome", d.outcomeId(), "reason", d.reason().strip()));
            }
        }
        Set<String> undecided = new TreeSet<>(claimed.keySet());
        undecided.removeAll(decided);
        if (!undecided.isEmpty()) {
            errors.add(new InvalidValue("decisions", "every asserted outcome needs a decision; missing "
                    + undecided));
        }
    }

    private static void record(TransactionContext tx, String evidenceId, Map<String, Object> review,
            List<Map<String, Object>> accepted, List<Map<String, Object>> rejected) {
        tx.run("""
                MATCH (e:Evidence {id: $id}) SET e += $review
                WITH e UNWIND $accepted AS a
                MATCH (e)-[r:ASSERTS]->(:LearningOutcome {id: a.outcome})
                SET r.claimedLevel = CASE WHEN a.level < r.level THEN r.level ELSE r.claimedLevel END,
                    r.level = a.level
                """, Map.of("id", evidenceId, "review", review, "accepted", accepted)).consume();
        tx.run("""
                MATCH (e:Evidence {id: $id}) UNWIND $rejected AS x
                MATCH (e)-[r:ASSERTS]->(o:LearningOutcome {id: x.outcome})
                CREATE (e)-[:REJECTED_ASSERTION {level: r.level, reason: x.reason}]->(o)
                DELETE r
                """, Map.of("id", evidenceId, "rejected", rejected)).consume();
    }

    private static void requireText(String value, String field, List<InvalidValue> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new InvalidValue(field, "is required"));
        }
    }

    private static InvalidValue unknown(String evidenceId) {
        return new InvalidValue("evidenceId", "there is no evidence with id '" + evidenceId + "'");
    }

    private Result<Evidence> read(Result<String> written) {
        return written.value() == null ? Result.failed(written.errors())
                : Result.ok(people.evidence(written.value()).orElseThrow());
    }
}
