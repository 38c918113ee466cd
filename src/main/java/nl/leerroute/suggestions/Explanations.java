package nl.leerroute.suggestions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.leerroute.suggestions.SuggestionRanker.Field;
import nl.leerroute.suggestions.SuggestionRanker.Match;
import nl.leerroute.suggestions.SuggestionRanker.Via;

/**
 * Says in Dutch or English which words of a text led to a suggestion, and how: one reason per
 * word of the text and way of matching, naming the words of the outcome (or of its competency)
 * it matched and the synonym-list term used, if any.
 */
final class Explanations {

    private Explanations() {
    }

    static String of(List<Match> matches, Language language) {
        boolean en = language == Language.EN;
        Map<String, List<Match>> grouped = new LinkedHashMap<>();
        for (Match m : matches) {
            String key = m.textWord() + "|" + m.via() + "|" + (m.via() == Via.COMPOUND_PART ? m.part() : "") + "|"
                    + m.synonymTerm();
            grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }
        List<String> reasons = new ArrayList<>();
        grouped.values().forEach(group -> reasons.add(en ? english(group) : dutch(group)));
        return (en ? "Suggested because " : "Voorgesteld omdat ") + String.join("; ", reasons) + ".";
    }

    private static String q(String word) {
        return "'" + word + "'";
    }

    /** "'a' in the title and 'b' in the name of its competency". */
    private static String targets(List<Match> group, boolean en) {
        Map<Field, Set<String>> words = new LinkedHashMap<>();
        group.forEach(m -> words.computeIfAbsent(m.field(), f -> new LinkedHashSet<>()).add(q(m.outcomeWord())));
        List<String> parts = new ArrayList<>();
        words.forEach((field, ws) -> parts.add(String.join(", ", ws) + " in " + where(field, en)));
        return String.join(en ? " and " : " en ", parts);
    }

    private static String where(Field field, boolean en) {
        if (field == Field.TITLE) {
            return en ? "the title" : "de titel";
        }
        return en ? "the name of its competency" : "de naam van de competentie";
    }

    private static String english(List<Match> group) {
        Match m = group.get(0);
        String word = q(m.textWord());
        switch (m.via()) {
            case WORD:
                return word + " matches " + targets(group, true);
            case SPELLING_VARIANT:
                return word + " is a spelling variant of " + targets(group, true);
            case COMPOUND_PART:
                return word + " contains " + q(m.part()) + ", which matches " + targets(group, true);
            case SYNONYM:
                return word + " is listed with " + q(m.synonymTerm()) + " in the synonym list, whose variants match "
                        + targets(group, true);
            case SYNONYM_LINK:
            default:
                return word + " is listed under " + q(m.synonymTerm())
                        + " in the synonym list, which points to this outcome";
        }
    }

    private static String dutch(List<Match> group) {
        Match m = group.get(0);
        String word = q(m.textWord());
        switch (m.via()) {
            case WORD:
                return word + " komt overeen met " + targets(group, false);
            case SPELLING_VARIANT:
                return word + " is een schrijfvariant van " + targets(group, false);
            case COMPOUND_PART:
                return word + " bevat " + q(m.part()) + ", dat overeenkomt met " + targets(group, false);
            case SYNONYM:
                return word + " staat in de synoniemenlijst bij " + q(m.synonymTerm()) + ", waarvan varianten overeenkomen met "
                        + targets(group, false);
            case SYNONYM_LINK:
            default:
                return word + " staat in de synoniemenlijst bij " + q(m.synonymTerm())
                        + ", dat naar deze leeruitkomst verwijst";
        }
    }
}
