package nl.leerroute.routes.planner;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a team must be able to do, and who is in it: the input of {@link TeamPlanner}.
 *
 * @param members the people whose data may be used (their shared evidence only), in a fixed order
 * @param needs outcomes the team needs at a level, each held by at least {@code people} members
 * @param personal start date and constraints of every member's own route (modes, places, languages, hours
 *        per week, deadline); its targets, alternatives and budget are ignored: the budget is the team's
 * @param budgetCents the team's training budget (sum over members of what their routes cost); null = none
 * @param timeLimit wall-clock limit of the whole team search; hitting it gives FEASIBLE with a bound
 * @param nodeLimit deterministic limit on assignments tried (leaves and inner nodes)
 */
public record TeamRequest(List<Member> members, List<Need> needs, PlanRequest personal, Long budgetCents,
        Duration timeLimit, long nodeLimit) {

    public TeamRequest {
        members = List.copyOf(members);
        needs = List.copyOf(needs);
        Objects.requireNonNull(personal, "personal");
        if (budgetCents != null && budgetCents < 0) {
            throw new IllegalArgumentException("budget must be >= 0");
        }
        timeLimit = timeLimit == null ? Duration.ofSeconds(10) : timeLimit;
        if (nodeLimit <= 0) {
            nodeLimit = Long.MAX_VALUE;
        }
    }

    /** A team member: an id and the evidence they share. */
    public record Member(String id, PersonProfile profile) {
        public Member {
            Objects.requireNonNull(id, "member id");
            Objects.requireNonNull(profile, "profile of " + id);
        }
    }

    /** An outcome the team needs at {@code level}, held by at least {@code people} members. */
    public record Need(String outcomeId, int level, int people, String label) {
        public Need {
            Objects.requireNonNull(outcomeId, "outcomeId");
            if (level < 1 || people < 1) {
                throw new IllegalArgumentException("level and people must be >= 1");
            }
        }
    }
}
