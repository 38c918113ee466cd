package nl.leerroute.suggestions;

import static nl.leerroute.database.Props.decimal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.leerroute.catalogue.LearningOutcome;
import nl.leerroute.database.GraphReader;
import nl.leerroute.database.GraphSchema;
import nl.leerroute.graphql.InvalidValue;
import nl.leerroute.people.Evidence;
import nl.leerroute.people.PersonCommands;
import nl.leerroute.people.PersonCommands.NewEvidence;
import nl.leerroute.people.PersonCommands.OutcomeLevel;
import nl.leerroute.people.PersonCommands.Result;
import nl.leerroute.suggestions.SuggestionRanker.OutcomeText;
import nl.leerroute.suggestions.SuggestionRanker.Query;
import nl.leerroute.suggestions.SuggestionRanker.Ranked;
import nl.leerroute.suggestions.SuggestionRanker.SynonymGroup;
import org.springframework.stereotype.Service;

/**
 * Suggests the learning outcomes a free-text description of work may show, and turns the ones a
 * person accepts into one CLAIMED evidence item. Candidates come from the {@code outcome_text}
 * full-text index (Dutch analyzer) queried with the text's words, the parts of its compounds and
 * the variants of the synonyms it uses; the synonym list and the outcomes are read from the graph
 * on every request, so seed imports and catalogue changes count at once.
 */
@Service
public class OutcomeSuggestions {

    /** What an accepted assertion records as its origin. */
    public static final String SOURCE = "SUGGESTED_FROM_TEXT";
    static final int MAX_FIRST = 50;
    static final int MAX_TEXT_LENGTH = 5000;
    private static final int CANDIDATES = 60;
    private static final int MAX_SEARCH_WORDS = 200;
    private static final double COMPETENCY_HIT = 0.5;

    /** An outcome a person accepts, at the level they claim. */
    public record AcceptedOutcome(String outcomeId, int level) {
    }

    /** Accepted suggestions of one text: they become one evidence item. */
    public record Acceptance(String personId, String text, String title, String kind, String role, LocalDate from,
            LocalDate to, List<AcceptedOutcome> outcomes) {
    }

    private final GraphReader graph;
    private final PersonCommands commands;

    OutcomeSuggestions(GraphReader graph, PersonCommands commands) {
        this.graph = graph;
        this.commands = commands;
    }

    /**
     * @param language the language of the explanations; null: the text's own (detected)
     * @throws IllegalArgumentException naming the argument when the text is blank or too long, or
     *         first is outside 1..50
     */
    public List<OutcomeSuggestion> suggest(String text, Language language, int first) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text: must not be empty or blank");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("text: must be at most " + MAX_TEXT_LENGTH + " characters, got "
                    + text.length());
        }
        if (first < 1 || first > MAX_FIRST) {
            throw new IllegalArgumentException("first: must be between 1 and " + MAX_FIRST + ", got " + first);
        }
        SuggestionRanker ranker = ranker();
        Query query = ranker.analyse(text);
        List<Ranked> ranked = ranker.rank(query, candidates(query));
        ranked = ranked.subList(0, Math.min(first, ranked.size()));
        Map<String, LearningOutcome> outcomes = outcomes(ranked.stream().map(Ranked::outcomeId).toList());
        Language read = language != null ? language : query.english() ? Language.EN : Language.NL;
        List<OutcomeSuggestion> suggestions = new ArrayList<>();
        for (Ranked r : ranked) {
            suggestions.add(new OutcomeSuggestion(outcomes.get(r.outcomeId()), r.score(), r.matchedWords(),
                    r.matches(), read));
        }
        return suggestions;
    }

    /**
     * Creates one CLAIMED evidence item with the text as its description; it and each assertion
     * record {@link #SOURCE}, and each assertion the words of the text that point to its outcome.
     */
    public Result<Evidence> accept(Acceptance input, LocalDate today) {
        List<InvalidValue> errors = new ArrayList<>();
        if (input.text() == null || input.text().isBlank()) {
            errors.add(new InvalidValue("text", "is required"));
        } else if (input.text().length() > MAX_TEXT_LENGTH) {
            errors.add(new InvalidValue("text", "must be at most " + MAX_TEXT_LENGTH + " characters"));
        }
        if (input.outcomes().isEmpty()) {
            errors.add(new InvalidValue("outcomes", "must name at least one outcome"));
        }
        if (!errors.isEmpty()) {
            return new Result<>(null, List.copyOf(errors));
        }
        SuggestionRanker ranker = ranker();
        Query query = ranker.analyse(input.text());
        Map<String, List<String>> matchedWords = new LinkedHashMap<>();
        input.outcomes().forEach(o -> matchedWords.put(o.outcomeId(), ranker.matchedWords(query, o.outcomeId())));
        NewEvidence evidence = new NewEvidence(input.personId(), input.kind(), input.title(), input.role(), null,
                input.from(), input.to(), input.text(),
                input.outcomes().stream().map(o -> new OutcomeLevel(o.outcomeId(), o.level())).toList(), null, null,
                null, SOURCE);
        return commands.addEvidence(evidence, matchedWords, today);
    }

    private SuggestionRanker ranker() {
        List<OutcomeText> outcomes = new ArrayList<>();
        for (Map<String, Object> row : graph.rows("""
                MATCH (o:LearningOutcome) OPTIONAL MATCH (o)-[:BELONGS_TO]->(c:Competency)
                RETURN o.id AS id, o.titleNl AS titleNl, o.titleEn AS titleEn,
                       c.nameNl AS competencyNl, c.nameEn AS competencyEn ORDER BY o.id""", Map.of())) {
            outcomes.add(new OutcomeText((String) row.get("id"), (String) row.get("titleNl"),
                    (String) row.get("titleEn"), (String) row.get("competencyNl"), (String) row.get("competencyEn")));
        }
        List<SynonymGroup> synonyms = new ArrayList<>();
        for (Map<String, Object> row : graph.rows("""
                MATCH (s:Synonym) OPTIONAL MATCH (s)-[:SUGGESTS]->(o:LearningOutcome)
                WITH s, o ORDER BY o.id
                RETURN s.id AS id, s.term AS term, s.variants AS variants, collect(o.id) AS outcomes ORDER BY s.id""",
                Map.of())) {
            synonyms.add(new SynonymGroup((String) row.get("id"), (String) row.get("term"),
                    strings(row.get("variants")), strings(row.get("outcomes"))));
        }
        return new SuggestionRanker(outcomes, synonyms, SuggestionRanker.Weights.DEFAULT);
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /** Outcome id to full-text score; a competency's hit counts, halved, for each of its outcomes. */
    private Map<String, Double> candidates(Query query) {
        List<String> words = query.searchWords();
        if (words.isEmpty()) {
            return Map.of();
        }
        String lucene = String.join(" ", words.subList(0, Math.min(MAX_SEARCH_WORDS, words.size())).stream()
                .map(TextAnalysis::escapeLucene).toList());
        Map<String, Double> candidates = new HashMap<>();
        for (Map<String, Object> row : graph.rows("""
                CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit}) YIELD node, score
                OPTIONAL MATCH (member:LearningOutcome)-[:BELONGS_TO]->(node:Competency)
                WITH CASE WHEN node:LearningOutcome THEN node ELSE member END AS outcome,
                     CASE WHEN node:LearningOutcome THEN score ELSE score * $competencyHit END AS score
                WHERE outcome IS NOT NULL
                RETURN outcome.id AS id, max(score) AS score""",
                Map.of("index", GraphSchema.OUTCOME_TEXT_INDEX, "query", lucene, "limit", CANDIDATES,
                        "competencyHit", COMPETENCY_HIT))) {
            candidates.put((String) row.get("id"), decimal(row, "score"));
        }
        return candidates;
    }

    private Map<String, LearningOutcome> outcomes(List<String> ids) {
        Map<String, LearningOutcome> outcomes = new HashMap<>();
        graph.list("MATCH (n:LearningOutcome) WHERE n.id IN $ids RETURN n {.*} AS n", Map.of("ids", ids),
                LearningOutcome::of).forEach(o -> outcomes.put(o.id(), o));
        return outcomes;
    }
}
