package nl.leerroute.routes.planner;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to plan for: targets, constraints, how many alternatives and how long to search.
 *
 * @param startDate "today", passed in explicitly so that the same request always gives the same route
 * @param alternatives number of genuinely different alternatives wanted, 0..5
 * @param timeLimit wall-clock limit for the whole call (search for the best route and alternatives);
 *        when it is hit the answer is no longer guaranteed deterministic
 * @param nodeLimit deterministic limit on search nodes per search (use this rather than the time limit when
 *        reproducibility matters more than latency)
 * @param funding what funding may pay for this person and which cost the budget and the cost objective use
 *        (see {@link Funding}); none: the gross price
 */
public record PlanRequest(List<Target> targets, Constraints constraints, LocalDate startDate, int alternatives,
        Duration timeLimit, long nodeLimit, Funding funding) {

    public PlanRequest(List<Target> targets, Constraints constraints, LocalDate startDate, int alternatives,
            Duration timeLimit, long nodeLimit) {
        this(targets, constraints, startDate, alternatives, timeLimit, nodeLimit, Funding.none());
    }

    public PlanRequest {
        targets = List.copyOf(targets);
        funding = funding == null ? Funding.none() : funding;
        Objects.requireNonNull(constraints, "constraints");
        Objects.requireNonNull(startDate, "startDate");
        if (alternatives < 0 || alternatives > 5) {
            throw new IllegalArgumentException("alternatives must be 0..5");
        }
        timeLimit = timeLimit == null ? Duration.ofSeconds(2) : timeLimit;
        if (nodeLimit <= 0) {
            nodeLimit = Long.MAX_VALUE;
        }
    }

    /** A target outcome at a minimum level; {@code label} says where it came from (certificate, role, ...). */
    public record Target(String outcomeId, int minLevel, String label) {
        public Target {
            Objects.requireNonNull(outcomeId, "outcomeId");
            if (minLevel < 1) {
                throw new IllegalArgumentException("minLevel must be >= 1");
            }
        }

        public Target(String outcomeId, int minLevel) {
            this(outcomeId, minLevel, null);
        }
    }

    /**
     * Constraints. Null numbers mean "no limit"; empty allowed-sets mean "any".
     *
     * @param budgetCents total cost limit in euro cents
     * @param hoursPerWeek study hours per week; stretches a unit to {@code ceil(hours / hoursPerWeek)} weeks
     * @param deadline the last unit must finish on or before this day
     */
    public record Constraints(Long budgetCents, Integer hoursPerWeek, LocalDate deadline, Set<String> modes,
            Set<String> places, Set<String> languages, Set<String> excludedProviders, Set<String> excludedUnits) {
        public Constraints {
            modes = modes == null ? Set.of() : Set.copyOf(modes);
            places = places == null ? Set.of() : Set.copyOf(places);
            languages = languages == null ? Set.of() : Set.copyOf(languages);
            excludedProviders = excludedProviders == null ? Set.of() : Set.copyOf(excludedProviders);
            excludedUnits = excludedUnits == null ? Set.of() : Set.copyOf(excludedUnits);
            if (hoursPerWeek != null && hoursPerWeek <= 0) {
                throw new IllegalArgumentException("hoursPerWeek must be positive");
            }
            if (budgetCents != null && budgetCents < 0) {
                throw new IllegalArgumentException("budget must be >= 0");
            }
        }

        public static Constraints none() {
            return new Constraints(null, null, null, null, null, null, null, null);
        }

        public Constraints withBudgetCents(Long b) {
            return new Constraints(b, hoursPerWeek, deadline, modes, places, languages, excludedProviders,
                    excludedUnits);
        }

        public Constraints withDeadline(LocalDate d) {
            return new Constraints(budgetCents, hoursPerWeek, d, modes, places, languages, excludedProviders,
                    excludedUnits);
        }
    }

    public static Builder builder(LocalDate startDate) {
        return new Builder(startDate);
    }

    /** Convenience builder. */
    public static final class Builder {
        private final LocalDate startDate;
        private final List<Target> targets = new ArrayList<>();
        private Long budgetCents;
        private Integer hoursPerWeek;
        private LocalDate deadline;
        private Set<String> modes = Set.of();
        private Set<String> places = Set.of();
        private Set<String> languages = Set.of();
        private Set<String> excludedProviders = Set.of();
        private Set<String> excludedUnits = Set.of();
        private int alternatives;
        private Duration timeLimit = Duration.ofSeconds(2);
        private long nodeLimit = Long.MAX_VALUE;
        private Funding funding = Funding.none();

        private Builder(LocalDate startDate) {
            this.startDate = startDate;
        }

        public Builder target(String outcomeId, int minLevel) {
            targets.add(new Target(outcomeId, minLevel));
            return this;
        }

        public Builder target(String outcomeId, int minLevel, String label) {
            targets.add(new Target(outcomeId, minLevel, label));
            return this;
        }

        public Builder budgetEur(long euros) {
            this.budgetCents = euros * 100;
            return this;
        }

        public Builder budgetCents(Long cents) {
            this.budgetCents = cents;
            return this;
        }

        public Builder hoursPerWeek(Integer h) {
            this.hoursPerWeek = h;
            return this;
        }

        public Builder deadline(LocalDate d) {
            this.deadline = d;
            return this;
        }

        public Builder modes(String... m) {
            this.modes = Set.of(m);
            return this;
        }

        public Builder places(String... p) {
            this.places = Set.of(p);
            return this;
        }

        public Builder languages(String... l) {
            this.languages = Set.of(l);
            return this;
        }

        public Builder excludedProviders(String... p) {
            this.excludedProviders = Set.of(p);
            return this;
        }

        public Builder excludedUnits(String... u) {
            this.excludedUnits = Set.of(u);
            return this;
        }

        public Builder alternatives(int k) {
            this.alternatives = k;
            return this;
        }

        public Builder timeLimit(Duration d) {
            this.timeLimit = d;
            return this;
        }

        public Builder nodeLimit(long n) {
            this.nodeLimit = n;
            return this;
        }

        public Builder funding(Funding f) {
            this.funding = f;
            return this;
        }

        public PlanRequest build() {
            return new PlanRequest(targets, new Constraints(budgetCents, hoursPerWeek, deadline, modes, places,
                    languages, excludedProviders, excludedUnits), startDate, alternatives, timeLimit, nodeLimit,
                    funding);
        }
    }
}
