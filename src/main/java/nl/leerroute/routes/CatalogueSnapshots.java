package nl.leerroute.routes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import nl.leerroute.database.CatalogueRevision;
import nl.leerroute.database.GraphReader;
import nl.leerroute.routes.planner.CatalogueSnapshot;
import nl.leerroute.routes.planner.CatalogueSnapshot.Alternative;
import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeAlternative;
import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeLevel;
import nl.leerroute.routes.planner.CatalogueSnapshot.RequirementGroup;
import nl.leerroute.routes.planner.CatalogueSnapshot.Unit;
import nl.leerroute.routes.planner.CatalogueSnapshot.UnitAlternative;
import nl.leerroute.routes.planner.CatalogueSnapshot.UnitKind;
import nl.leerroute.seed.SeedImporter.SeedImported;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The planner's immutable view of the catalogue, read from Neo4j (the source of truth) and rebuilt
 * whenever the catalogue changes; requests in flight keep the snapshot they started with. A change made
 * through this instance rebuilds at once; one made by another instance on the same Neo4j is seen by the
 * {@link CatalogueRevision} check every {@code leerroute.catalogue.refresh-interval} (default 5 s).
 */
@Service
public class CatalogueSnapshots {

    private static final Logger log = LoggerFactory.getLogger(CatalogueSnapshots.class);

    private final GraphReader graph;
    private final AtomicReference<CatalogueSnapshot> current = new AtomicReference<>();
    private final AtomicReference<Derived> derived = new AtomicReference<>();
    /** The revision read just before the current snapshot's data, so a change during the build is caught. */
    private volatile String builtFrom;

    /** Values computed from the catalogue for one snapshot; dropped with it. */
    private record Derived(CatalogueSnapshot snapshot,
            ConcurrentHashMap<Object, CompletableFuture<Object>> values) {
    }

    CatalogueSnapshots(GraphReader graph) {
        this.graph = graph;
    }

    /** The current snapshot, built on first use. */
    public CatalogueSnapshot current() {
        CatalogueSnapshot snapshot = current.get();
        if (snapshot == null) {
            synchronized (this) {
                snapshot = current.get();
                if (snapshot == null) {
                    snapshot = rebuild();
                }
            }
        }
        return snapshot;
    }

    /**
     * A value computed from catalogue records (not people's data), kept until the snapshot is replaced.
     * Every change of the catalogue rebuilds the snapshot (seed import, OOAPI import, catalogue edits),
     * so a value kept here is never older than the snapshot the planner plans with. The value must be
     * immutable and computed from the snapshot it is given; a computation that throws keeps nothing, and keys must be bounded by the catalogue's size.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, Function<CatalogueSnapshot, T> compute) {
        CatalogueSnapshot snapshot = current();
        Derived values = derived.get();
        if (values == null || values.snapshot() != snapshot) {
            Derived fresh = new Derived(snapshot, new ConcurrentHashMap<>());
            values = derived.compareAndSet(values, fresh) ? fresh : derived.get();
            if (values.snapshot() != snapshot) {
                return compute.apply(snapshot); // the snapshot changed meanwhile: keep nothing for the old one
            }
        }
        // one computation per key: the first requests after a start or a rebuild arrive together, and at national
        // scale a value (the funding facts of 100,000 units) takes seconds, so twenty copies of it at once made
        // every one of those requests time out
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> first = values.values().putIfAbsent(key, mine);
        if (first == null) {
            try {
                T value = compute.apply(snapshot);
                mine.complete(value);
                return value;
            } catch (RuntimeException | Error e) {
                values.values().remove(key, mine);
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return (T) first.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Rebuilds from the graph now; called when the catalogue changed. Builds are serialised so that a slow
     * build that started earlier cannot replace a newer snapshot.
     */
    public synchronized CatalogueSnapshot rebuild() {
        String revision = revision();
        CatalogueSnapshot snapshot = build();
        current.set(snapshot);
        builtFrom = revision;
        return snapshot;
    }

    /** Rebuilds when another instance changed the catalogue since the current snapshot was read. */
    @Scheduled(fixedDelayString = "${leerroute.catalogue.refresh-interval:PT5S}",
            initialDelayString = "${leerroute.catalogue.refresh-interval:PT5S}")
    public void refreshIfChanged() {
        if (current.get() == null) {
            return; // nothing built yet: the first use reads the catalogue as it is then
        }
        try {
            String revision = revision();
            if (!java.util.Objects.equals(revision, builtFrom)) {
                log.info("Catalogue changed elsewhere (revision {}), rebuilding the snapshot", revision);
                rebuild();
            }
        } catch (RuntimeException e) {
            // the database may be away for a while; the next check tries again, and the snapshot stays usable
            log.warn("Could not check the catalogue revision: {}", e.getMessage());
        }
    }

    private String revision() {
        return (String) graph.rows(CatalogueRevision.READ, Map.of()).get(0).get("revision");
    }

    @EventListener
    void onSeedImported(SeedImported event) {
        rebuild();
    }

    CatalogueSnapshot build() {
        long started = System.nanoTime();
        CatalogueSnapshot.Builder builder = CatalogueSnapshot.builder();
        for (Map<String, Object> row : graph.rows("MATCH (o:LearningOutcome) RETURN o.id AS id, "
                + "o.shelfLifeYears AS shelfLife ORDER BY o.id", Map.of())) {
            builder.outcome((String) row.get("id"), row.get("shelfLife") instanceof Number n ? n.intValue() : null);
        }
        int units = 0;
        for (Map<String, Object> row : graph.rows("""
                MATCH (u:LearningUnit)
                OPTIONAL MATCH (u)-[:PROVIDED_BY]->(provider:Institution)
                OPTIONAL MATCH (u)-[:IN_PLACE]->(place:Place)
                RETURN u.id AS id, u.kind AS kind, u.hours AS hours, u.costEur AS cost,
                       u.durationWeeks AS weeks, u.mode AS mode, u.language AS language,
                       u.startMoments AS starts, provider.id AS provider, place.name AS place,
                       [(u)-[y:YIELDS]->(o:LearningOutcome) | {outcome: o.id, level: y.level}] AS yields,
                       [(u)-[r:REQUIRES_ENTRY]->(x) | {group: r.group, level: r.level, id: x.id,
                            isUnit: x:LearningUnit}] AS requires
                ORDER BY u.id
                """, Map.of())) {
            builder.unit(unitOf(row));
            units++;
        }
        CatalogueSnapshot snapshot = builder.build();
        log.info("Catalogue snapshot built: {} units in {} ms", units, (System.nanoTime() - started) / 1_000_000);
        return snapshot;
    }

    /** How many years ahead a catalogue's start moments are repeated. */
    static final int RECURRING_YEARS = 8;

    /**
     * Institutions publish one year's start moments; they recur every year (a module starting on
     * 1 February starts on 1 February next year too), so a route longer than a year can be scheduled.
     */
    static List<LocalDate> recurring(List<LocalDate> published) {
        java.util.TreeSet<LocalDate> dates = new java.util.TreeSet<>();
        for (LocalDate date : published) {
            for (int year = 0; year < RECURRING_YEARS; year++) {
                dates.add(date.plusYears(year));
            }
        }
        return List.copyOf(dates);
    }

    /**
     * One row of the unit query in {@link #build()} as the planner's unit; public so that tools that read a
     * seed without a database (the planner scale benchmark) build exactly the same snapshot.
     */
    @SuppressWarnings("unchecked")
    public static Unit unitOf(Map<String, Object> row) {
        List<OutcomeLevel> yields = new ArrayList<>();
        for (Map<String, Object> y : (List<Map<String, Object>>) row.get("yields")) {
            yields.add(new OutcomeLevel((String) y.get("outcome"), ((Number) y.get("level")).intValue()));
        }
        yields.sort(java.util.Comparator.comparing(OutcomeLevel::outcomeId));
        TreeMap<Integer, List<Alternative>> groups = new TreeMap<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) row.get("requires")) {
            Alternative alternative = Boolean.TRUE.equals(r.get("isUnit"))
                    ? new UnitAlternative((String) r.get("id"))
                    : new OutcomeAlternative((String) r.get("id"), ((Number) r.get("level")).intValue());
            groups.computeIfAbsent(((Number) r.get("group")).intValue(), g -> new ArrayList<>()).add(alternative);
        }
        List<RequirementGroup> requires = groups.values().stream()
                .map(alternatives -> {
                    alternatives.sort(java.util.Comparator.comparing(Alternative::toString));
                    return new RequirementGroup(alternatives);
                }).toList();
        List<LocalDate> starts = row.get("starts") instanceof List<?> list
                ? recurring(list.stream().map(LocalDate.class::cast).toList()) : List.of();
        long costCents = BigDecimal.valueOf(((Number) row.get("cost")).doubleValue()).movePointRight(2)
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        return new Unit((String) row.get("id"), UnitKind.valueOf((String) row.get("kind")),
                ((Number) row.get("hours")).intValue(), costCents, ((Number) row.get("weeks")).intValue(),
                (String) row.get("mode"), (String) row.get("place"), (String) row.get("language"),
                (String) row.get("provider"), starts, yields, requires);
    }
}
