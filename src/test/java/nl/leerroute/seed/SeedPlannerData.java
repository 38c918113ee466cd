package nl.leerroute.seed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import nl.leerroute.routes.CatalogueSnapshots;
import nl.leerroute.routes.Profiles;
import nl.leerroute.routes.planner.CatalogueSnapshot;
import nl.leerroute.routes.planner.PersonProfile;
import nl.leerroute.routes.planner.PlanRequest.Target;
import nl.leerroute.seed.ParsedSeed.NodeRecord;
import nl.leerroute.seed.ParsedSeed.RelationshipRecord;
import nl.leerroute.seed.SeedSchema.FileSpec;

/**
 * What the planner sees of a seed directory, read with the seed parser and no database: the catalogue snapshot
 * and, for a seeded sample of people, their profile and their goal's targets. Rows are shaped as the graph
 * queries return them and converted by the same production code ({@link CatalogueSnapshots#unitOf},
 * {@link Profiles#evidenceOf}), so the planner gets the same input as when it serves from Neo4j. The seed is
 * streamed file by file (only the sampled people's evidence is kept), so a national seed fits in a few GB.
 */
public final class SeedPlannerData {

    /** A sampled person, their profile and the targets of their (first) goal. */
    public record Person(String id, String goal, PersonProfile profile, List<Target> targets) {
    }

    public final CatalogueSnapshot snapshot;
    public final List<Person> people;

    private SeedPlannerData(CatalogueSnapshot snapshot, List<Person> people) {
        this.snapshot = snapshot;
        this.people = people;
    }

    /** Reads {@code directory} and samples {@code sample} people (all when there are fewer) with {@code seed}. */
    public static SeedPlannerData read(Path directory, int sample, long seed) {
        SeedParser.Validated seedFiles = SeedParser.validateStreaming(directory);
        Collector c = new Collector();
        for (FileSpec spec : seedFiles.files()) {
            if (spec.labels().get(0).equals("Evidence")) {
                c.sample(sample, seed); // people come before their evidence (references point backwards)
            }
            seedFiles.replay(spec, c);
        }
        if (c.sampled == null) {
            c.sample(sample, seed);
        }
        return new SeedPlannerData(c.snapshot(), c.people());
    }

    private static final class Collector implements SeedParser.Sink {
        final Map<String, Map<String, Object>> outcomes = new TreeMap<>();
        final Map<String, Map<String, Object>> units = new TreeMap<>();
        final Map<String, Map<String, Object>> places = new HashMap<>();
        final Map<String, String> unitProvider = new HashMap<>();
        final Map<String, String> unitPlace = new HashMap<>();
        final Map<String, List<Map<String, Object>>> yields = new HashMap<>();
        final Map<String, List<Map<String, Object>>> requires = new HashMap<>();
        /** "Role:id" or "Certificate:id" -> name and required outcomes */
        final Map<String, String> goalNames = new HashMap<>();
        final Map<String, List<Target>> goalOutcomes = new HashMap<>();
        final List<String> personIds = new ArrayList<>();
        final Map<String, String> firstGoal = new HashMap<>();
        Set<String> sampled;
        NodeRecord pendingEvidence;
        final Map<String, Map<String, Object>> evidenceItems = new HashMap<>();
        final Map<String, List<String>> evidenceOf = new LinkedHashMap<>();

        @Override
        public void node(NodeRecord node) {
            String label = node.labels().get(0);
            switch (label) {
                case "LearningOutcome" -> outcomes.put(node.id(), node.properties());
                case "LearningUnit" -> units.put(node.id(), node.properties());
                case "Place" -> places.put(node.id(), node.properties());
                case "Role", "Certificate" -> goalNames.put(label + ":" + node.id(), name(node.properties()));
                case "Person" -> personIds.add(node.id());
                case "Evidence" -> pendingEvidence = node;
                default -> { }
            }
        }

        private static String name(Map<String, Object> p) {
            Object en = p.get("nameEn");
            return String.valueOf(en != null ? en : p.get("nameNl"));
        }

        @Override
        public void relationship(RelationshipRecord r) {
            switch (r.type()) {
                case "PROVIDED_BY" -> {
                    if (r.fromLabel().equals("LearningUnit")) {
                        unitProvider.put(r.fromId(), r.toId());
                    }
                }
                case "IN_PLACE" -> {
                    if (r.fromLabel().equals("LearningUnit")) {
                        unitPlace.put(r.fromId(), r.toId());
                    }
                }
                case "YIELDS" -> yields.computeIfAbsent(r.fromId(), k -> new ArrayList<>())
                        .add(Map.of("outcome", r.toId(), "level", r.properties().get("level")));
                case "REQUIRES_ENTRY" -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("group", r.properties().get("group"));
                    row.put("level", r.properties().get("level"));
                    row.put("id", r.toId());
                    row.put("isUnit", r.toLabel().equals("LearningUnit"));
                    requires.computeIfAbsent(r.fromId(), k -> new ArrayList<>()).add(row);
                }
                case "REQUIRES" -> {
                    String key = r.fromLabel() + ":" + r.fromId();
                    if (goalNames.containsKey(key)) {
                        goalOutcomes.computeIfAbsent(key, k -> new ArrayList<>()).add(new Target(r.toId(),
                                ((Number) r.properties().get("level")).intValue(),
                                r.fromLabel().toLowerCase(java.util.Locale.ROOT) + " " + goalNames.get(key)));
                    }
                }
                case "HAS_GOAL" -> firstGoal.putIfAbsent(r.fromId(), r.toLabel() + ":" + r.toId());
                case "HAS_EVIDENCE" -> {
                    if (sampled != null && sampled.contains(r.fromId()) && pendingEvidence != null
                            && pendingEvidence.id().equals(r.toId())
                            && !"REJECTED".equals(pendingEvidence.properties().get("status"))) {
                        Map<String, Object> item = new HashMap<>();
                        item.put("n", pendingEvidence.properties());
                        item.put("asserts", new ArrayList<Map<String, Object>>());
                        evidenceItems.put(r.toId(), item);
                        evidenceOf.computeIfAbsent(r.fromId(), k -> new ArrayList<>()).add(r.toId());
                    }
                }
                case "OF_UNIT" -> {
                    Map<String, Object> item = evidenceItems.get(r.fromId());
                    if (item != null) {
                        item.put("unit", r.toId());
                    }
                }
                case "ASSERTS" -> {
                    Map<String, Object> item = evidenceItems.get(r.fromId());
                    if (item != null) {
                        @SuppressWarnings("unchecked")
                        List<Map<String, Object>> asserts = (List<Map<String, Object>>) item.get("asserts");
                        asserts.add(Map.of("outcome", r.toId(), "level", r.properties().get("level")));
                    }
                }
                default -> { }
            }
        }

        /** A seeded sample of the people that have a goal with outcomes, in seed order. */
        void sample(int size, long seed) {
            List<String> candidates = new ArrayList<>();
            for (String id : personIds) {
                String goal = firstGoal.get(id);
                if (goal != null && goalOutcomes.containsKey(goal)) {
                    candidates.add(id);
                }
            }
            SplittableRandom random = new SplittableRandom(seed);
            int k = Math.min(size, candidates.size());
            for (int i = 0; i < k; i++) { // partial Fisher-Yates: the first k are a uniform sample
                int j = i + random.nextInt(candidates.size() - i);
                String t = candidates.get(i);
                candidates.set(i, candidates.get(j));
                candidates.set(j, t);
            }
            sampled = new HashSet<>(candidates.subList(0, k));
        }

        CatalogueSnapshot snapshot() {
            CatalogueSnapshot.Builder builder = CatalogueSnapshot.builder();
            outcomes.forEach((id, p) -> builder.outcome(id,
                    p.get("shelfLifeYears") instanceof Number n ? n.intValue() : null));
            units.forEach((id, p) -> {
                Map<String, Object> row = new HashMap<>();
                row.put("id", id);
                row.put("kind", p.get("kind"));
                row.put("hours", p.get("hours"));
                row.put("cost", p.get("costEur"));
                row.put("weeks", p.get("durationWeeks"));
                row.put("mode", p.get("mode"));
                row.put("language", p.get("language"));
                row.put("starts", p.get("startMoments"));
                row.put("provider", unitProvider.get(id));
                String place = unitPlace.get(id);
                row.put("place", place == null ? null : places.get(place).get("name"));
                row.put("yields", yields.getOrDefault(id, List.of()));
                row.put("requires", requires.getOrDefault(id, List.of()));
                builder.unit(CatalogueSnapshots.unitOf(row));
            });
            return builder.build();
        }

        List<Person> people() {
            List<Person> out = new ArrayList<>();
            for (String id : personIds) {
                if (!sampled.contains(id)) {
                    continue;
                }
                List<Map<String, Object>> items = new ArrayList<>();
                for (String e : evidenceOf.getOrDefault(id, List.of())) {
                    items.add(evidenceItems.get(e));
                }
                items.sort(java.util.Comparator.comparing(item -> (String) ((Map<?, ?>) item.get("n")).get("id")));
                List<PersonProfile.Evidence> evidence = new ArrayList<>();
                for (Map<String, Object> item : items) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> n = (Map<String, Object>) item.get("n");
                    evidence.add(Profiles.evidenceOf(nl.leerroute.people.Evidence.of(n), item));
                }
                String goal = firstGoal.get(id);
                List<Target> targets = new ArrayList<>(goalOutcomes.get(goal));
                targets.sort(java.util.Comparator.comparing(Target::outcomeId)); // as the graph query orders them
                out.add(new Person(id, goal, new PersonProfile(evidence), List.copyOf(targets)));
            }
            return out;
        }
    }
}
