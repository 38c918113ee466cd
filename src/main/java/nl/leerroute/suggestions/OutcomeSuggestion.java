package nl.leerroute.suggestions;

import java.util.List;

import nl.leerroute.catalogue.LearningOutcome;
import nl.leerroute.suggestions.SuggestionRanker.Match;

/**
 * An outcome a text may show, with its score in [0, 1], the words of the text that led to it and
 * the language the text was read as (the default language of the explanation).
 */
public record OutcomeSuggestion(LearningOutcome outcome, double score, List<String> matchedWords,
        List<Match> matches, Language language) {

    /** Where the suggestion came from, in the given language (null: the text's). */
    public String explanation(Language in) {
        return Explanations.of(matches, in == null ? language : in);
    }
}
