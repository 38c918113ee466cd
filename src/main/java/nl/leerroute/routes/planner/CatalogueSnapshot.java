package nl.leerroute.routes.planner;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Immutable in-memory picture of the catalogue that the planner works on: learning outcomes and the
 * learning units that teach them. Built with {@link #builder()}; ids are mapped to dense ints and units
 * are kept sorted by id so that everything derived from a snapshot is deterministic.
 *
 * <p>Plain Java on purpose: it knows nothing of Spring, GraphQL or Neo4j. An adapter elsewhere builds it
 * from the graph whenever the catalogue changes.
 */
public final class CatalogueSnapshot {

    /** What kind of learning unit. Only {@link #ASSESSMENT} has planner semantics of its own. */
    public enum UnitKind {
        MODULE, MINOR, TRAINING, SKILLSLAB, ONLINE_COURSE, PROGRAMME,
        /** An assessment (EVC / portfolio): demonstrates outcomes the person claims, teaches nothing. */
        ASSESSMENT, OTHER
    }

    /** A learning outcome; {@code shelfLifeYears == null} means evidence of it never goes stale. */
    public record Outcome(String id, Integer shelfLifeYears) {
        public Outcome {
            Objects.requireNonNull(id, "outcome id");
            if (shelfLifeYears != null && shelfLifeYears <= 0) {
                throw new IllegalArgumentException("shelf life of " + id + " must be positive");
            }
        }
    }

    /** An outcome at a level (EQF/NLQF 1-8 in practice; any int >= 1 is accepted). */
    public record OutcomeLevel(String outcomeId, int level) {
        public OutcomeLevel {
            Objects.requireNonNull(outcomeId, "outcomeId");
            if (level < 1) {
                throw new IllegalArgumentException("level must be >= 1: " + outcomeId + "@" + level);
            }
        }

        @Override
        public String toString() {
            return outcomeId + "@" + level;
        }
    }

    /** One alternative inside a requirement group. */
    public sealed interface Alternative permits OutcomeAlternative, UnitAlternative {
    }

    /**
     * Met when the outcome is credited at {@code >= minLevel} or an earlier unit of the route yields it at
     * {@code >= minLevel}.
     */
    public record OutcomeAlternative(String outcomeId, int minLevel) implements Alternative {
        public OutcomeAlternative {
            Objects.requireNonNull(outcomeId, "outcomeId");
        }

        @Override
        public String toString() {
            return outcomeId + "@" + minLevel;
        }
    }

    /**
     * Met when the unit is an earlier step of the route, or the person has validated evidence of having
     * completed it ({@link PersonProfile.Evidence#completedUnitId()}).
     */
    public record UnitAlternative(String unitId) implements Alternative {
        public UnitAlternative {
            Objects.requireNonNull(unitId, "unitId");
        }

        @Override
        public String toString() {
            return "unit " + unitId;
        }
    }

    /** An OR over alternatives; a unit's entry requirements are an AND over such groups. */
    public record RequirementGroup(List<Alternative> anyOf) {
        public RequirementGroup {
            anyOf = List.copyOf(anyOf);
            if (anyOf.isEmpty()) {
                throw new IllegalArgumentException("a requirement group needs at least one alternative");
            }
        }

        public static RequirementGroup anyOf(Alternative... alternatives) {
            return new RequirementGroup(List.of(alternatives));
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (Alternative a : anyOf) {
                if (sb.length() > 0) {
                    sb.append(" or ");
                }
                sb.append(a);
            }
            return sb.toString();
        }
    }

    /**
     * A learning unit.
     *
     * @param startMoments the days it can start; empty means "any day"
     * @param costCents cost in euro cents (exact arithmetic)
     * @param place null for units without a place (online); the place filter does not apply to them
     */
    public record Unit(String id, UnitKind kind, int hours, long costCents, int durationWeeks, String mode,
            String place, String language, String providerId, List<LocalDate> startMoments,
            List<OutcomeLevel> yields, List<RequirementGroup> requires) {
        public Unit {
            Objects.requireNonNull(id, "unit id");
            Objects.requireNonNull(kind, "kind of " + id);
            if (hours < 0 || costCents < 0 || durationWeeks < 0) {
                throw new IllegalArgumentException("negative hours, cost or duration on unit " + id);
            }
            startMoments = startMoments == null ? List.of() : List.copyOf(startMoments);
            yields = yields == null ? List.of() : List.copyOf(yields);
            requires = requires == null ? List.of() : List.copyOf(requires);
        }

        public boolean isAssessment() {
            return kind == UnitKind.ASSESSMENT;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects outcomes and units; {@link #build()} checks every reference. */
    public static final class Builder {
        private final Map<String, Outcome> outcomes = new TreeMap<>();
        private final Map<String, Unit> units = new TreeMap<>();

        public Builder outcome(String id, Integer shelfLifeYears) {
            return outcome(new Outcome(id, shelfLifeYears));
        }

        public Builder outcome(Outcome outcome) {
            if (outcomes.putIfAbsent(outcome.id(), outcome) != null) {
                throw new IllegalArgumentException("duplicate outcome " + outcome.id());
            }
            return this;
        }

        public Builder unit(Unit unit) {
            if (units.putIfAbsent(unit.id(), unit) != null) {
                throw new IllegalArgumentException("duplicate unit " + unit.id());
            }
            return this;
        }

        public CatalogueSnapshot build() {
            return new CatalogueSnapshot(new ArrayList<>(outcomes.values()), new ArrayList<>(units.values()));
        }
    }

    // ------------------------------------------------------------------ internal int model

    private final List<Outcome> outcomes;
    private final List<Unit> units;
    private final Map<String, Integer> outcomeIndex = new HashMap<>();
    private final Map<String, Integer> unitIndex = new HashMap<>();
    /** per unit: yielded outcome indices and levels (max level per outcome). */
    final int[][] yieldOutcome;
    final int[][] yieldLevel;
    /** per unit: per group: alternatives as outcome index (>=0, level in reqLevel) or ~unitIndex (<0). */
    final int[][][] reqRef;
    final int[][][] reqLevel;
    /** per unit: sorted distinct epoch days of its start moments; empty = any day. */
    final long[][] startDays;
    /** per outcome: units yielding it, and at which level. */
    final int[][] teachers;
    final int[][] teacherLevel;

    private CatalogueSnapshot(List<Outcome> outcomes, List<Unit> units) {
        this.outcomes = Collections.unmodifiableList(outcomes);
        this.units = Collections.unmodifiableList(units);
        for (int i = 0; i < outcomes.size(); i++) {
            outcomeIndex.put(outcomes.get(i).id(), i);
        }
        for (int i = 0; i < units.size(); i++) {
            unitIndex.put(units.get(i).id(), i);
        }
        int n = units.size();
        yieldOutcome = new int[n][];
        yieldLevel = new int[n][];
        reqRef = new int[n][][];
        reqLevel = new int[n][][];
        startDays = new long[n][];
        List<List<int[]>> teach = new ArrayList<>();
        for (int o = 0; o < outcomes.size(); o++) {
            teach.add(new ArrayList<>());
        }
        for (int u = 0; u < n; u++) {
            Unit unit = units.get(u);
            TreeMap<Integer, Integer> ys = new TreeMap<>();
            for (OutcomeLevel y : unit.yields()) {
                ys.merge(outcome(y.outcomeId(), unit), y.level(), Math::max);
            }
            yieldOutcome[u] = ys.keySet().stream().mapToInt(Integer::intValue).toArray();
            yieldLevel[u] = ys.values().stream().mapToInt(Integer::intValue).toArray();
            for (int i = 0; i < yieldOutcome[u].length; i++) {
                teach.get(yieldOutcome[u][i]).add(new int[] {u, yieldLevel[u][i]});
            }
            List<RequirementGroup> groups = unit.requires();
            reqRef[u] = new int[groups.size()][];
            reqLevel[u] = new int[groups.size()][];
            for (int g = 0; g < groups.size(); g++) {
                List<Alternative> alts = groups.get(g).anyOf();
                reqRef[u][g] = new int[alts.size()];
                reqLevel[u][g] = new int[alts.size()];
                for (int a = 0; a < alts.size(); a++) {
                    Alternative alt = alts.get(a);
                    if (alt instanceof OutcomeAlternative oa) {
                        reqRef[u][g][a] = outcome(oa.outcomeId(), unit);
                        reqLevel[u][g][a] = oa.minLevel();
                    } else {
                        UnitAlternative ua = (UnitAlternative) alt;
                        Integer ref = unitIndex.get(ua.unitId());
                        if (ref == null) {
                            throw new IllegalArgumentException(
                                    "unit " + unit.id() + " requires unknown unit " + ua.unitId());
                        }
                        reqRef[u][g][a] = ~ref;
                    }
                }
            }
            startDays[u] = unit.startMoments().stream().mapToLong(LocalDate::toEpochDay).distinct().sorted()
                    .toArray();
        }
        int m = outcomes.size();
        teachers = new int[m][];
        teacherLevel = new int[m][];
        for (int o = 0; o < m; o++) {
            List<int[]> t = teach.get(o);
            teachers[o] = t.stream().mapToInt(x -> x[0]).toArray();
            teacherLevel[o] = t.stream().mapToInt(x -> x[1]).toArray();
        }
    }

    private int outcome(String id, Unit unit) {
        Integer o = outcomeIndex.get(id);
        if (o == null) {
            throw new IllegalArgumentException("unit " + unit.id() + " refers to unknown outcome " + id);
        }
        return o;
    }

    public List<Outcome> outcomes() {
        return outcomes;
    }

    /** All units, sorted by id. */
    public List<Unit> units() {
        return units;
    }

    public Unit unit(String id) {
        Integer u = unitIndex.get(id);
        return u == null ? null : units.get(u);
    }

    public Outcome outcome(String id) {
        Integer o = outcomeIndex.get(id);
        return o == null ? null : outcomes.get(o);
    }

    int outcomeIndex(String id) {
        Integer o = outcomeIndex.get(id);
        return o == null ? -1 : o;
    }

    int unitIndex(String id) {
        Integer u = unitIndex.get(id);
        return u == null ? -1 : u;
    }

    int outcomeCount() {
        return outcomes.size();
    }

    int unitCount() {
        return units.size();
    }

    /** Level at which unit u yields outcome o, 0 if it does not. */
    int yieldLevelOf(int u, int o) {
        int i = Arrays.binarySearch(yieldOutcome[u], o);
        return i < 0 ? 0 : yieldLevel[u][i];
    }
}
