package nl.leerroute.access;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.leerroute.database.GraphReader;
import org.springframework.stereotype.Service;

/**
 * The one place that decides who may read or change a person's data and an institution's catalogue.
 * Every decision about a person is made afresh from the graph (consents included), so a withdrawn
 * consent takes effect on the very next request. Reads and changes of another person's data are
 * written to the {@link AccessLog}.
 */
@Service
public class Access {

    /** Why access to a person is allowed: the purpose recorded in the access log, and the consent used. */
    public record Grant(String purpose, String consentId) {

        static final Grant OWN = new Grant("own data", null);
    }

    private final GraphReader graph;
    private final AccessLog log;

    Access(GraphReader graph, AccessLog log) {
        this.graph = graph;
        this.log = log;
    }

    /** The grant by which the caller may see the person, if any. */
    public Optional<Grant> grant(Caller caller, String personId) {
        if (caller.anonymous() || personId == null) {
            return Optional.empty();
        }
        if (caller.is(personId) && caller.has(Role.WORKER)) {
            return Optional.of(Grant.OWN);
        }
        if (caller.has(Role.ADMIN)) {
            return Optional.of(new Grant("administration", null));
        }
        if (caller.has(Role.ADVISOR)) {
            return activeConsent(caller.accountId(), personId);
        }
        return Optional.empty();
    }

    public boolean canRead(Caller caller, String personId) {
        return grant(caller, personId).isPresent();
    }

    /** An active consent of the person to the advisor account: granted, not withdrawn, not past its end date. */
    Optional<Grant> activeConsent(String advisorAccountId, String personId) {
        return graph.one("""
                MATCH (:Person {id: $person})-[:GRANTED]->(c:Consent)-[:TO]->(:Account {id: $advisor})
                WHERE c.withdrawnOn IS NULL AND c.grantedOn <= date() AND c.until >= date()
                RETURN c {.id, .purpose} AS n ORDER BY c.until DESC, c.id LIMIT 1
                """, Map.of("person", personId, "advisor", advisorAccountId),
                n -> new Grant((String) n.get("purpose"), (String) n.get("id")));
    }

    /** Refuses unless the caller may read the person's data; logs the read when the person is someone else. */
    public Grant requireRead(Caller caller, String personId, String operation) {
        return require(caller, personId, operation, AccessLog.Action.READ);
    }

    /** Refuses unless the caller may change the person's data (worker themself, consented advisor, admin). */
    public Grant requireWrite(Caller caller, String personId, String operation) {
        return require(caller, personId, operation, AccessLog.Action.CHANGE);
    }

    private Grant require(Caller caller, String personId, String operation, AccessLog.Action action) {
        if (caller.anonymous()) {
            throw AccessRefusedException.signInRequired(operation);
        }
        Grant grant = grant(caller, personId).orElseThrow(() -> AccessRefusedException.forbidden(operation
                + ": not allowed to " + (action == AccessLog.Action.READ ? "read" : "change")
                + " this person's data" + (caller.has(Role.ADVISOR) ? " (no active consent)" : "")));
        if (!caller.is(personId)) {
            log.record(caller, personId, operation, action, grant);
        }
        return grant;
    }

    /**
     * Recording that a person completed a unit creates VALIDATED evidence, so the worker cannot do it
     * for themself (their own word is a claim: addEvidence). An advisor with consent, an editor of the
     * unit's institution (attesting its own unit) or an admin may; it is logged as a change.
     */
    public void requireAttestCompletion(Caller caller, String personId, String unitProvider, String operation) {
        requireRole(caller, operation, Role.ADMIN, Role.ADVISOR, Role.INSTITUTION_EDITOR);
        if (caller.has(Role.ADMIN) || caller.has(Role.ADVISOR) && grant(caller, personId).isPresent()) {
            requireWrite(caller, personId, operation);
            return;
        }
        if (caller.has(Role.INSTITUTION_EDITOR) && unitProvider != null) {
            requireEditInstitution(caller, unitProvider, operation);
            if (graph.one("MATCH (n:Person {id: $id}) RETURN n {.id} AS n", Map.of("id", personId), n -> n)
                    .isPresent()) {
                log.record(caller, personId, operation, AccessLog.Action.CHANGE,
                        new Grant("completion of the institution's unit", null));
            }
            return;
        }
        throw AccessRefusedException.forbidden(operation + ": only an advisor with consent, an editor of the unit's "
                + "institution or an admin may record a completion");
    }

    /** Refuses anonymous callers. */
    public void requireSignedIn(Caller caller, String operation) {
        if (caller.anonymous()) {
            throw AccessRefusedException.signInRequired(operation);
        }
    }

    /** Refuses unless the caller has one of the roles. */
    public void requireRole(Caller caller, String operation, Role... roles) {
        requireSignedIn(caller, operation);
        for (Role role : roles) {
            if (caller.has(role)) {
                return;
            }
        }
        throw AccessRefusedException.forbidden(operation + ": needs role " + List.of(roles).stream()
                .map(Role::name).reduce((a, b) -> a + " or " + b).orElse(""));
    }

    /** The worker's own person id; refuses callers that are not a worker linked to a person. */
    public String requireOwnPerson(Caller caller, String operation) {
        requireRole(caller, operation, Role.WORKER);
        if (caller.personId() == null) {
            throw AccessRefusedException.forbidden(operation + ": the account is not linked to a person");
        }
        return caller.personId();
    }

    /**
     * Refuses unless the caller is ADMIN or edits for the institution (or an institution it belongs
     * to, e.g. Hanzehogeschool's editor for the Digital Society Hub). An unknown institution is
     * let through to the command, which reports it.
     */
    public void requireEditInstitution(Caller caller, String institutionId, String operation) {
        requireRole(caller, operation, Role.ADMIN, Role.INSTITUTION_EDITOR);
        if (caller.has(Role.ADMIN) || institutionId == null) {
            return;
        }
        List<String> owners = graph.rows("""
                MATCH (i:Institution {id: $id}) MATCH (i)-[:PART_OF*0..]->(o:Institution) RETURN o.id AS id
                """, Map.of("id", institutionId)).stream().map(r -> (String) r.get("id")).toList();
        if (!owners.isEmpty() && !owners.contains(caller.institutionId())) {
            throw AccessRefusedException.forbidden(operation + ": only an editor of the unit's institution may "
                    + "change it");
        }
    }

    /** The firm an employer acts for (the institution claim); refuses every other caller. */
    public String requireEmployerFirm(Caller caller, String operation) {
        requireRole(caller, operation, Role.EMPLOYER);
        if (caller.institutionId() == null) {
            throw AccessRefusedException.forbidden(operation + ": the account does not act for a firm");
        }
        return caller.institutionId();
    }

    /**
     * Employers may only use a team of their own firm; a team of another firm is refused exactly like one
     * that does not exist, so that team ids reveal nothing. Admins may use any team.
     */
    public void requireTeamOfFirm(Caller caller, String teamId, String operation) {
        requireRole(caller, operation, Role.ADMIN, Role.EMPLOYER);
        if (caller.has(Role.ADMIN)) {
            return;
        }
        String firm = requireEmployerFirm(caller, operation);
        if (graph.rows("MATCH (:Team {id: $id})-[:OF_FIRM]->(:Institution {id: $firm}) RETURN 1 AS one",
                Map.of("id", String.valueOf(teamId), "firm", firm)).isEmpty()) {
            throw AccessRefusedException.forbidden(operation + ": your firm has no team with id '" + teamId + "'");
        }
    }

    /** An employer read what an employee shares with the firm: logged, so the employee sees it in their log. */
    public void recordEmployerRead(Caller caller, String personId, String operation) {
        log.record(caller, personId, operation, AccessLog.Action.READ,
                new Grant("shared with employer " + caller.institutionId(), null));
    }

    /** The provider of a learning unit, or null when there is no such unit. */
    String providerOf(String unitId) {
        if (unitId == null) {
            return null;
        }
        return graph.rows("MATCH (:LearningUnit {id: $id})-[:PROVIDED_BY]->(i) RETURN i.id AS id",
                Map.of("id", unitId)).stream().map(r -> (String) r.get("id")).findFirst().orElse(null);
    }

    /**
     * An outcome belongs to an institution when units of that institution (or its parts) teach it
     * and no other institution's units do; an outcome nobody teaches belongs to nobody (ADMIN only),
     * unless it was created through the API, then any editor may change it until a unit teaches it.
     */
    public void requireEditOutcome(Caller caller, String outcomeId, String operation) {
        requireRole(caller, operation, Role.ADMIN, Role.INSTITUTION_EDITOR);
        if (caller.has(Role.ADMIN) || outcomeId == null) {
            return;
        }
        List<Map<String, Object>> rows = graph.rows("""
                MATCH (o:LearningOutcome {id: $id})
                OPTIONAL MATCH (u:LearningUnit)-[:YIELDS]->(o)
                OPTIONAL MATCH (u)-[:PROVIDED_BY]->(:Institution)-[:PART_OF*0..]->(owner:Institution)
                WITH o, u, collect(owner.id) AS owners
                RETURN o.origin AS origin, u.id AS unit, owners
                """, Map.of("id", outcomeId));
        if (rows.isEmpty()) {
            return;
        }
        boolean taught = rows.stream().anyMatch(r -> r.get("unit") != null);
        boolean allOwn = rows.stream().filter(r -> r.get("unit") != null)
                .allMatch(r -> ((List<?>) r.get("owners")).contains(caller.institutionId()));
        boolean allowed = taught ? allOwn : "api".equals(rows.get(0).get("origin"));
        if (!allowed) {
            throw AccessRefusedException.forbidden(operation + ": only an editor of the institution whose units "
                    + "teach this outcome may change it");
        }
    }

    /** The person whose evidence this is, or null when there is no such evidence. */
    String ownerOfEvidence(String evidenceId) {
        return graph.rows("MATCH (p:Person)-[:HAS_EVIDENCE]->(:Evidence {id: $id}) RETURN p.id AS id",
                Map.of("id", evidenceId)).stream().map(r -> (String) r.get("id")).findFirst().orElse(null);
    }

    /** The person whose saved plan this is, or null when there is no such plan. */
    String ownerOfPlan(String planId) {
        return graph.rows("MATCH (p:Person)-[:SAVED_PLAN]->(:SavedPlan {id: $id}) RETURN p.id AS id",
                Map.of("id", planId)).stream().map(r -> (String) r.get("id")).findFirst().orElse(null);
    }

    /** The ids of the people the caller may list: null means everyone (ADMIN). */
    public List<String> visiblePeople(Caller caller) {
        if (caller.has(Role.ADMIN)) {
            return null;
        }
        List<String> ids = new java.util.ArrayList<>();
        if (caller.has(Role.WORKER) && caller.personId() != null) {
            ids.add(caller.personId());
        }
        if (caller.has(Role.ADVISOR)) {
            graph.rows("""
                    MATCH (p:Person)-[:GRANTED]->(c:Consent)-[:TO]->(:Account {id: $advisor})
                    WHERE c.withdrawnOn IS NULL AND c.grantedOn <= date() AND c.until >= date()
                    RETURN DISTINCT p.id AS id
                    """, Map.of("advisor", caller.accountId())).forEach(r -> ids.add((String) r.get("id")));
        }
        return ids;
    }
}
