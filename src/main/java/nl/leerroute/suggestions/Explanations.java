package nl.leerroute.suggestions;

import java.util.List;
import java.util.stream.Collectors;

import nl.leerroute.suggestions.SuggestionRanker.Field;
import nl.leerroute.suggestions.SuggestionRanker.Match;

/** Says in Dutch or English which words of a text led to a suggestion, and how. */
final class Explanations {

    private Explanations() {
    }

    static String of(List<Match> matches, Language language) {
        boolean en = language == Language.EN;
        String reasons = matches.stream().map(m -> en ? english(m) : dutch(m)).distinct()
                .collect(Collectors.joining("; "));
        return (en ? "Suggested because " : "Voorgesteld omdat ") + reasons + ".";
    }

    private static String q(String word) {
        return "'" + word + "'";
    }

    private static String where(Field field, boolean en) {
        if (field == Field.TITLE) {
            return en ? "the title" : "de titel";
        }
        return en ? "the name of its competency" : "de naam van de competentie";
    }

    private static String english(Match m) {
        String in = where(m.field(), true);
        switch (m.via()) {
            case WORD:
                return m.textWord().equals(m.outcomeWord()) ? q(m.textWord()) + " is in " + in
                        : q(m.textWord()) + " matches " + q(m.outcomeWord()) + " in " + in;
            case SPELLING_VARIANT:
                return q(m.textWord()) + " is a spelling variant of " + q(m.outcomeWord()) + " in " + in;
            case COMPOUND_PART:
                return q(m.textWord()) + " contains " + q(m.part()) + ", which matches " + q(m.outcomeWord()) + " in "
                        + in;
            case SYNONYM:
                return q(m.textWord()) + " is listed with " + q(m.synonymTerm()) + " in the synonym list; its variant "
                        + q(m.part()) + " matches " + q(m.outcomeWord()) + " in " + in;
            case SYNONYM_LINK:
            default:
                return q(m.textWord()) + " is listed under " + q(m.synonymTerm())
                        + " in the synonym list, which points to this outcome";
        }
    }

    private static String dutch(Match m) {
        String in = where(m.field(), false);
        switch (m.via()) {
            case WORD:
                return m.textWord().equals(m.outcomeWord()) ? q(m.textWord()) + " staat in " + in
                        : q(m.textWord()) + " komt overeen met " + q(m.outcomeWord()) + " in " + in;
            case SPELLING_VARIANT:
                return q(m.textWord()) + " is een schrijfvariant van " + q(m.outcomeWord()) + " in " + in;
            case COMPOUND_PART:
                return q(m.textWord()) + " bevat " + q(m.part()) + ", dat overeenkomt met " + q(m.outcomeWord())
                        + " in " + in;
            case SYNONYM:
                return q(m.textWord()) + " staat in de synoniemenlijst bij " + q(m.synonymTerm()) + "; de variant "
                        + q(m.part()) + " komt overeen met " + q(m.outcomeWord()) + " in " + in;
            case SYNONYM_LINK:
            default:
                return q(m.textWord()) + " staat in de synoniemenlijst bij " + q(m.synonymTerm())
                        + ", dat naar deze leeruitkomst verwijst";
        }
    }
}
