package nl.leerroute.suggestions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.leerroute.suggestions.TextAnalysis.Word;
import org.apache.commons.text.similarity.CosineSimilarity;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Ranks learning outcomes for a free-text description, in plain Java. Each word of the text (and
 * each part of a compound, and the variants of every synonym the text uses) is matched to the words
 * of an outcome's titles and of its competency: the same stem, or a spelling variant by Jaro-Winkler
 * similarity. The matched words form a term vector weighted by inverse document frequency over all
 * outcomes; its cosine similarity with the outcome's own vector says how much of the outcome the text
 * covers. The score mixes that with the full-text score and with links from the synonym list.
 */
final class SuggestionRanker {

    /** What the ranker knows of an outcome. */
    record OutcomeText(String id, String titleNl, String titleEn, String competencyNl, String competencyEn) {
    }

    /** A term of the synonym list with its variants and the outcomes it points to. */
    record SynonymGroup(String id, String term, List<String> variants, List<String> outcomeIds) {
        List<String> forms() {
            List<String> forms = new ArrayList<>();
            forms.add(term);
            forms.addAll(variants);
            return forms;
        }
    }

    /** Weights of the score and thresholds, tuned on the tuning half of the evaluation set. */
    record Weights(double coverage, double fullText, double synonymLink, double spellingSimilarity,
            double minScore) {
        static final Weights DEFAULT = new Weights(0.6, 0.15, 0.25, 0.94, 0.12);
    }

    /** How a word of the text reached the outcome. */
    enum Via { WORD, SPELLING_VARIANT, COMPOUND_PART, SYNONYM, SYNONYM_LINK }

    /** Where in the outcome the match is. */
    enum Field { TITLE, COMPETENCY, SYNONYM_LIST }

    /**
     * One reason for a suggestion: {@code textWord} of the text (or its part {@code part}) matched
     * {@code outcomeWord} in {@code field}; {@code synonymTerm} names the synonym used, if any.
     */
    record Match(String textWord, String part, Via via, Field field, String outcomeWord, String synonymTerm) {
    }

    record Ranked(String outcomeId, double score, List<String> matchedWords, List<Match> matches) {
    }

    /** The analysed text: units to match and the synonym groups it uses. */
    record Query(List<Unit> units, List<SynonymHit> synonyms, boolean english) {

        /** Folded words to send to the full-text index. */
        List<String> searchWords() {
            Set<String> words = new LinkedHashSet<>();
            units.forEach(u -> words.add(u.part()));
            return List.copyOf(words);
        }

        Set<String> linkedOutcomes() {
            Set<String> linked = new LinkedHashSet<>();
            synonyms.forEach(s -> linked.addAll(s.group().outcomeIds()));
            return linked;
        }
    }

    record Unit(String textWord, String part, String stem, double weight, Via via, String synonymTerm) {
    }

    record SynonymHit(SynonymGroup group, String textWords) {
    }

    private record DocTerm(String word, double weight, Field field) {
    }

    private static final double COMPETENCY_WEIGHT = 0.5;
    private static final double COMPOUND_WEIGHT = 0.9;
    private static final double SYNONYM_WEIGHT = 0.7;
    private static final int MIN_SPELLING_LENGTH = 5;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final CosineSimilarity COSINE = new CosineSimilarity();

    private final Weights weights;
    private final List<SynonymGroup> synonyms;
    private final Map<String, Map<String, DocTerm>> docs = new LinkedHashMap<>();
    private final Map<String, Double> idf = new HashMap<>();
    private final Set<String> vocabulary = new HashSet<>();

    SuggestionRanker(List<OutcomeText> outcomes, List<SynonymGroup> synonyms, Weights weights) {
        this.weights = weights;
        this.synonyms = List.copyOf(synonyms);
        for (OutcomeText o : outcomes) {
            for (String text : List.of(nz(o.titleNl()), nz(o.titleEn()), nz(o.competencyNl()), nz(o.competencyEn()))) {
                TextAnalysis.words(text).forEach(w -> vocabulary.add(w.stem()));
            }
        }
        for (SynonymGroup group : synonyms) {
            group.forms().forEach(f -> TextAnalysis.words(f).forEach(w -> vocabulary.add(w.stem())));
        }
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (OutcomeText o : outcomes) {
            Map<String, DocTerm> doc = new LinkedHashMap<>();
            addTerms(doc, nz(o.titleNl()) + " " + nz(o.titleEn()), 1.0, Field.TITLE);
            addTerms(doc, nz(o.competencyNl()) + " " + nz(o.competencyEn()), COMPETENCY_WEIGHT, Field.COMPETENCY);
            docs.put(o.id(), doc);
            doc.keySet().forEach(stem -> documentFrequency.merge(stem, 1, Integer::sum));
        }
        int n = Math.max(1, outcomes.size());
        documentFrequency.forEach((stem, df) -> idf.put(stem, Math.log(1.0 + (double) n / df)));
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    private void addTerms(Map<String, DocTerm> doc, String text, double weight, Field field) {
        for (Word w : TextAnalysis.words(text)) {
            doc.putIfAbsent(w.stem(), new DocTerm(w.folded(), weight, field));
            for (String part : TextAnalysis.compoundParts(w.folded(), vocabulary)) {
                doc.putIfAbsent(TextAnalysis.stem(part), new DocTerm(part, weight, field));
            }
        }
    }

    Query analyse(String text) {
        List<Word> words = TextAnalysis.words(text);
        List<Unit> units = new ArrayList<>();
        for (Word w : words) {
            units.add(new Unit(w.folded(), w.folded(), w.stem(), 1.0, Via.WORD, null));
            if (!vocabulary.contains(w.stem())) {
                for (String part : TextAnalysis.compoundParts(w.folded(), vocabulary)) {
                    units.add(new Unit(w.folded(), part, TextAnalysis.stem(part), COMPOUND_WEIGHT, Via.COMPOUND_PART,
                            null));
                }
            }
        }
        List<String> stems = words.stream().map(Word::stem).toList();
        Set<String> partStems = new HashSet<>();
        units.stream().filter(u -> u.via() == Via.COMPOUND_PART).forEach(u -> partStems.add(u.stem()));
        List<SynonymHit> hits = new ArrayList<>();
        for (SynonymGroup group : synonyms) {
            String matched = null;
            for (String form : group.forms()) {
                List<Word> formWords = TextAnalysis.words(form);
                if (formWords.isEmpty()) {
                    continue;
                }
                int at = indexOf(stems, formWords.stream().map(Word::stem).toList());
                if (at >= 0) {
                    matched = String.join(" ", words.subList(at, at + formWords.size()).stream()
                            .map(Word::folded).toList());
                    break;
                }
                if (formWords.size() == 1 && partStems.contains(formWords.get(0).stem())) {
                    String stem = formWords.get(0).stem();
                    matched = units.stream().filter(u -> u.via() == Via.COMPOUND_PART && u.stem().equals(stem))
                            .findFirst().map(Unit::textWord).orElse(null);
                    break;
                }
            }
            if (matched != null) {
                hits.add(new SynonymHit(group, matched));
                for (String form : group.forms()) {
                    for (Word fw : TextAnalysis.words(form)) {
                        units.add(new Unit(matched, fw.folded(), fw.stem(), SYNONYM_WEIGHT, Via.SYNONYM, group.term()));
                    }
                }
            }
        }
        return new Query(units, hits, TextAnalysis.looksEnglish(text));
    }

    private static int indexOf(List<String> haystack, List<String> needle) {
        outer:
        for (int i = 0; i + needle.size() <= haystack.size(); i++) {
            for (int j = 0; j < needle.size(); j++) {
                if (!haystack.get(i + j).equals(needle.get(j))) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Ranks the candidates (outcome id to full-text score; outcomes the text's synonyms point to
     * are candidates too), best first, leaving out those below the minimum score.
     */
    List<Ranked> rank(Query query, Map<String, Double> candidates) {
        Set<String> ids = new LinkedHashSet<>(candidates.keySet());
        ids.addAll(query.linkedOutcomes());
        double maxFullText = candidates.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        List<Ranked> ranked = new ArrayList<>();
        for (String id : ids) {
            Map<String, DocTerm> doc = docs.get(id);
            if (doc == null) {
                continue;
            }
            List<Match> matches = new ArrayList<>();
            double coverage = coverage(query, doc, matches);
            boolean linked = false;
            for (SynonymHit hit : query.synonyms()) {
                if (hit.group().outcomeIds().contains(id)) {
                    linked = true;
                    matches.add(new Match(hit.textWords(), hit.textWords(), Via.SYNONYM_LINK, Field.SYNONYM_LIST,
                            hit.group().term(), hit.group().term()));
                }
            }
            double fullText = maxFullText > 0 ? candidates.getOrDefault(id, 0.0) / maxFullText : 0;
            double total = weights.coverage() + weights.fullText() + weights.synonymLink();
            double score = (weights.coverage() * coverage + weights.fullText() * fullText
                    + (linked ? weights.synonymLink() : 0)) / total;
            // variants of a synonym reinforce a suggestion but do not make one on their own
            if (matches.stream().allMatch(m -> m.via() == Via.SYNONYM) || score < weights.minScore()) {
                continue;
            }
            Set<String> matchedWords = new LinkedHashSet<>();
            matches.forEach(m -> matchedWords.add(m.textWord()));
            ranked.add(new Ranked(id, Math.round(score * 1000) / 1000.0, List.copyOf(matchedWords), matches));
        }
        ranked.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparing(Ranked::outcomeId));
        return ranked;
    }

    /** The words of the text that point to one outcome, whatever its score; empty for an unknown outcome. */
    List<String> matchedWords(Query query, String outcomeId) {
        Map<String, DocTerm> doc = docs.get(outcomeId);
        if (doc == null) {
            return List.of();
        }
        List<Match> matches = new ArrayList<>();
        coverage(query, doc, matches);
        Set<String> words = new LinkedHashSet<>();
        matches.forEach(m -> words.add(m.textWord()));
        query.synonyms().stream().filter(hit -> hit.group().outcomeIds().contains(outcomeId))
                .forEach(hit -> words.add(hit.textWords()));
        return List.copyOf(words);
    }

    /** Cosine similarity between the outcome's term vector and the part of it the text matches. */
    private double coverage(Query query, Map<String, DocTerm> doc, List<Match> matches) {
        Map<CharSequence, Integer> outcome = new HashMap<>();
        doc.forEach((stem, term) -> outcome.put(stem, weight(stem, term.weight(), 1.0)));
        Map<String, Double> best = new HashMap<>();
        Map<String, Match> bestMatch = new HashMap<>();
        for (Unit unit : query.units()) {
            String stem = unit.stem();
            double similarity = 1.0;
            if (!doc.containsKey(stem)) {
                stem = null;
                similarity = 0;
                if (unit.stem().length() >= MIN_SPELLING_LENGTH) {
                    for (String candidate : doc.keySet()) {
                        if (candidate.length() < MIN_SPELLING_LENGTH) {
                            continue;
                        }
                        double s = JARO_WINKLER.apply(unit.stem(), candidate);
                        if (s >= weights.spellingSimilarity() && s > similarity) {
                            similarity = s;
                            stem = candidate;
                        }
                    }
                }
            }
            if (stem == null) {
                continue;
            }
            double strength = similarity * unit.weight();
            if (strength > best.getOrDefault(stem, 0.0)) {
                best.put(stem, strength);
                DocTerm term = doc.get(stem);
                Via via = unit.via() == Via.WORD && similarity < 1.0 ? Via.SPELLING_VARIANT : unit.via();
                bestMatch.put(stem, new Match(unit.textWord(), unit.part(), via, term.field(), term.word(),
                        unit.synonymTerm()));
            }
        }
        if (best.isEmpty()) {
            return 0;
        }
        Map<CharSequence, Integer> text = new HashMap<>();
        best.forEach((stem, strength) -> text.put(stem, weight(stem, doc.get(stem).weight(), strength)));
        doc.keySet().stream().filter(bestMatch::containsKey).forEach(stem -> matches.add(bestMatch.get(stem)));
        return COSINE.cosineSimilarity(outcome, text);
    }

    private int weight(String stem, double fieldWeight, double strength) {
        return (int) Math.max(1, Math.round(100 * idf.getOrDefault(stem, 1.0) * fieldWeight * strength));
    }
}
