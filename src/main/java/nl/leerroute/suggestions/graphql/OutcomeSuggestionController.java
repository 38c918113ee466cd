package nl.leerroute.suggestions.graphql;

import java.time.LocalDate;
import java.util.List;

import nl.leerroute.graphql.InvalidValue;
import nl.leerroute.people.Evidence;
import nl.leerroute.people.PersonCommands.Result;
import nl.leerroute.suggestions.Language;
import nl.leerroute.suggestions.OutcomeSuggestion;
import nl.leerroute.suggestions.OutcomeSuggestions;
import nl.leerroute.suggestions.OutcomeSuggestions.AcceptedOutcome;
import nl.leerroute.suggestions.OutcomeSuggestions.Acceptance;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Suggestions of outcomes from free text, their explanations, and accepting them as a claim. */
@Controller
class OutcomeSuggestionController {

    record OutcomeLevelInput(String outcomeId, int level) {
    }

    record AcceptSuggestionsInput(String personId, String text, String title, String kind, String role,
            LocalDate from, LocalDate to, List<OutcomeLevelInput> outcomes) {
    }

    record EvidencePayload(Evidence evidence, List<InvalidValue> errors) {
    }

    private final OutcomeSuggestions suggestions;

    OutcomeSuggestionController(OutcomeSuggestions suggestions) {
        this.suggestions = suggestions;
    }

    @QueryMapping
    List<OutcomeSuggestion> suggestOutcomes(@Argument String text, @Argument Language language, @Argument int first) {
        return suggestions.suggest(text, language, first);
    }

    @SchemaMapping(typeName = "OutcomeSuggestion")
    String explanation(OutcomeSuggestion suggestion, @Argument Language language) {
        return suggestion.explanation(language);
    }

    @MutationMapping
    EvidencePayload acceptSuggestions(@Argument AcceptSuggestionsInput input) {
        Result<Evidence> result = suggestions.accept(new Acceptance(input.personId(), input.text(), input.title(),
                input.kind(), input.role(), input.from(), input.to(),
                input.outcomes().stream().map(o -> new AcceptedOutcome(o.outcomeId(), o.level())).toList()),
                LocalDate.now());
        return new EvidencePayload(result.value(), result.errors());
    }
}
