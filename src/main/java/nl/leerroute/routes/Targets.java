package nl.leerroute.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.leerroute.database.GraphReader;
import nl.leerroute.routes.planner.PlanRequest.Target;
import org.springframework.stereotype.Service;

/**
 * Turns what a person aims for (outcomes, a certificate, a programme, a role, a competency to
 * deepen) into the planner's set of (outcome, minimum level), each labelled with where it came from.
 */
@Service
public class Targets {

    /** What to aim for: exactly one of the fields is set (outcomes may be combined with nothing else). */
    public record Goal(List<OutcomeGoal> outcomes, String certificateId, String programmeId, String croho,
            String institutionId, String roleId, String competencyId, Integer competencyLevel) {
    }

    public record OutcomeGoal(String outcomeId, int minLevel) {
    }

    private final GraphReader graph;
    private final CatalogueSnapshots snapshots;

    Targets(GraphReader graph, CatalogueSnapshots snapshots) {
        this.graph = graph;
        this.snapshots = snapshots;
    }

    /** A goal's targets and name together. */
    public record Resolved(List<Target> targets, GoalName name) {
        public Resolved {
            targets = List.copyOf(targets);
        }
    }

    /**
     * {@link #resolve} and {@link #name} at once. A goal in the catalogue (certificate, programme, role,
     * competency) is resolved once per catalogue snapshot: its outcomes and name are catalogue records,
     * changed only by what rebuilds the snapshot. Chosen outcomes are checked against the graph each time.
     */
    public Resolved resolveNamed(Goal goal) {
        if (goal.outcomes() != null) {
            return new Resolved(resolve(goal), name(goal));
        }
        return snapshots.derived(goal, snapshot -> new Resolved(resolve(goal), name(goal)));
    }

    public List<Target> resolve(Goal goal) {
        int given = count(goal.outcomes() != null && !goal.outcomes().isEmpty(), goal.certificateId() != null,
                goal.programmeId() != null || goal.croho() != null, goal.roleId() != null,
                goal.competencyId() != null);
        if (given != 1) {
            throw new IllegalArgumentException("A target names exactly one of: outcomes, certificateId, programme "
                    + "(programmeId, or croho with institutionId), roleId, competencyId; got " + given);
        }
        if (goal.outcomes() != null && !goal.outcomes().isEmpty()) {
            return outcomes(goal.outcomes());
        }
        if (goal.certificateId() != null) {
            return required("Certificate", goal.certificateId(), "certificate");
        }
        if (goal.roleId() != null) {
            return required("Role", goal.roleId(), "role");
        }
        if (goal.competencyId() != null) {
            return competency(goal.competencyId(), goal.competencyLevel());
        }
        return programme(goal);
    }

    /** How the goal is named in a sentence, in Dutch and English. */
    public record GoalName(String nl, String en) {
    }

    public GoalName name(Goal goal) {
        if (goal.roleId() != null) {
            return named("Role", goal.roleId(), "de rol ", "the role ");
        }
        if (goal.certificateId() != null) {
            return named("Certificate", goal.certificateId(), "het certificaat ", "the certificate ");
        }
        if (goal.competencyId() != null) {
            GoalName competency = named("Competency", goal.competencyId(), "de competentie ", "the competency ");
            return new GoalName(competency.nl() + " op niveau " + goal.competencyLevel(),
                    competency.en() + " at level " + goal.competencyLevel());
        }
        if (goal.programmeId() != null || goal.croho() != null) {
            List<Map<String, Object>> rows = graph.rows("MATCH (p:Programme) WHERE p.id = $id OR p.croho = $croho "
                    + "RETURN p.nameNl AS nl, coalesce(p.nameEn, p.nameNl) AS en LIMIT 1",
                    Map.of("id", String.valueOf(goal.programmeId()), "croho", String.valueOf(goal.croho())));
            return rows.isEmpty() ? new GoalName("de opleiding", "the programme")
                    : new GoalName("de opleiding " + rows.get(0).get("nl"), "the programme " + rows.get(0).get("en"));
        }
        int outcomes = goal.outcomes() == null ? 0 : goal.outcomes().size();
        return new GoalName(outcomes + " gekozen leeruitkomsten", outcomes + " chosen learning outcomes");
    }

    private GoalName named(String label, String id, String nlPrefix, String enPrefix) {
        List<Map<String, Object>> rows = graph.rows("MATCH (n:" + label + " {id: $id}) "
                + "RETURN coalesce(n.nameNl, n.nameEn) AS nl, coalesce(n.nameEn, n.nameNl) AS en", Map.of("id", id));
        return rows.isEmpty() ? new GoalName(nlPrefix + id, enPrefix + id)
                : new GoalName(nlPrefix + rows.get(0).get("nl"), enPrefix + rows.get(0).get("en"));
    }

    private static int count(boolean... present) {
        int n = 0;
        for (boolean p : present) {
            n += p ? 1 : 0;
        }
        return n;
    }

    private List<Target> outcomes(List<OutcomeGoal> outcomes) {
        List<String> ids = outcomes.stream().map(OutcomeGoal::outcomeId).distinct().toList();
        List<Map<String, Object>> found = graph.rows("MATCH (o:LearningOutcome) WHERE o.id IN $ids RETURN o.id AS id",
                Map.of("ids", ids));
        for (String id : ids) {
            if (found.stream().noneMatch(row -> id.equals(row.get("id")))) {
                throw new UnknownReferenceException("learning outcome", id);
            }
        }
        List<Target> targets = new ArrayList<>();
        for (OutcomeGoal outcome : outcomes) {
            if (outcome.minLevel() < 1 || outcome.minLevel() > 8) {
                throw new IllegalArgumentException("minLevel of " + outcome.outcomeId() + " must be 1-8, got "
                        + outcome.minLevel());
            }
            targets.add(new Target(outcome.outcomeId(), outcome.minLevel(), "outcome " + outcome.outcomeId()));
        }
        return targets;
    }

    private List<Target> required(String label, String id, String kind) {
        List<Map<String, Object>> rows = graph.rows("MATCH (t:" + label + " {id: $id}) "
                + "OPTIONAL MATCH (t)-[r:REQUIRES]->(o:LearningOutcome) "
                + "RETURN coalesce(t.nameEn, t.nameNl) AS name, o.id AS outcome, r.level AS level ORDER BY o.id",
                Map.of("id", id));
        if (rows.isEmpty()) {
            throw new UnknownReferenceException(kind, id);
        }
        List<Target> targets = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (row.get("outcome") != null) {
                targets.add(new Target((String) row.get("outcome"), ((Number) row.get("level")).intValue(),
                        kind + " " + row.get("name")));
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("The " + kind + " '" + id + "' has no outcomes described yet, so "
                    + "there is nothing to plan towards");
        }
        return targets;
    }

    private List<Target> programme(Goal goal) {
        String id = goal.programmeId();
        if (id == null) {
            if (goal.institutionId() == null) {
                throw new IllegalArgumentException("A programme by CROHO code also needs institutionId: the same "
                        + "code is offered by several institutions");
            }
            List<Map<String, Object>> rows = graph.rows("MATCH (p:Programme {croho: $croho})-[:OFFERED_BY]->"
                    + "(:Institution {id: $institution}) RETURN p.id AS id, EXISTS { (p)-[:REQUIRES]->() } AS described "
                    + "ORDER BY described DESC, p.id LIMIT 1",
                    Map.of("croho", goal.croho(), "institution", goal.institutionId()));
            if (rows.isEmpty()) {
                throw new UnknownReferenceException("No programme with CROHO code " + goal.croho() + " at institution '"
                        + goal.institutionId() + "'");
            }
            id = (String) rows.get(0).get("id");
        }
        return required("Programme", id, "programme");
    }

    /**
     * Deepening a competency to level L (the T-shape's vertical bar) means every outcome of that
     * competency described at an EQF level up to L, each at its own level.
     */
    private List<Target> competency(String competencyId, Integer level) {
        if (level == null || level < 1 || level > 8) {
            throw new IllegalArgumentException("competencyLevel (1-8) is required with competencyId");
        }
        List<Map<String, Object>> rows = graph.rows("MATCH (c:Competency {id: $id}) "
                + "OPTIONAL MATCH (o:LearningOutcome)-[:BELONGS_TO]->(c) WHERE o.eqfLevel <= $level "
                + "RETURN c.nameEn AS name, o.id AS outcome, o.eqfLevel AS level ORDER BY o.id",
                Map.of("id", competencyId, "level", level));
        if (rows.isEmpty()) {
            throw new UnknownReferenceException("competency", competencyId);
        }
        List<Target> targets = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (row.get("outcome") != null) {
                targets.add(new Target((String) row.get("outcome"), ((Number) row.get("level")).intValue(),
                        "competency " + row.get("name") + " to level " + level));
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("The competency '" + competencyId + "' has no outcomes up to level "
                    + level);
        }
        return targets;
    }
}
