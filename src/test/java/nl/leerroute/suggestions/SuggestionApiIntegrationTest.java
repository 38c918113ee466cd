package nl.leerroute.suggestions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import nl.leerroute.LeerrouteIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/** {@code suggestOutcomes} and {@code acceptSuggestions} through the API, on the shipped seed. */
@LeerrouteIntegrationTest
class SuggestionApiIntegrationTest {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Driver driver;

    @AfterEach
    void removeWhatTheApiCreated() {
        driver.executableQuery("MATCH (n) WHERE n.origin = 'api' DETACH DELETE n").execute();
    }

    private List<String> suggestedIds(String text) {
        return graphQl.documentName("suggestOutcomes").variable("text", text).execute()
                .path("suggestOutcomes[*].outcome.id").entityList(String.class).get();
    }

    @Test
    void shouldAnswerTheReadmeExample() {
        GraphQlTester.Response response = graphQl.documentName("suggestOutcomesExample").execute();
        List<Map> suggestions = response.path("suggestOutcomes").entityList(Map.class).get();
        System.out.println("README example: " + tools.jackson.databind.json.JsonMapper.builder().build()
                .writeValueAsString(suggestions));
        List<String> ids = suggestions.stream().map(m -> String.valueOf(((Map<?, ?>) m.get("outcome")).get("id")))
                .toList();
        assertThat(ids).contains("lo-condition-monitoring", "lo-preventive-maintenance",
                "lo-maintenance-management-cmms");
    }

    @Test
    void shouldSuggestPlcProgrammingForHyphenatedAndNounForms() {
        List<String> hyphenated = suggestedIds("PLC-programmeren");
        List<String> noun = suggestedIds("plc programmering");
        assertThat(hyphenated).contains("lo-plc-programming-basics");
        assertThat(noun).contains("lo-plc-programming-basics");
        graphQl.documentName("suggestOutcomes").variable("text", "PLC-programmeren").execute()
                .path("suggestOutcomes[0].matchedWords").entityList(String.class).contains("plc");
    }

    @Test
    void shouldReadACompoundAsItsPartsAndSayWhere() {
        GraphQlTester.Response response = graphQl.documentName("suggestOutcomes")
                .variable("text", "Ik deed de robotprogrammering van onze lasrobots").execute();
        response.path("suggestOutcomes[*].outcome.id").entityList(String.class)
                .satisfies(ids -> assertThat(ids).containsAnyOf("lo-robot-programming-teach",
                        "lo-robot-programming-offline"));
        response.path("suggestOutcomes[0].explanation").entity(String.class)
                .satisfies(e -> assertThat(e).startsWith("Voorgesteld omdat").contains("'robotprogrammering'"));
    }

    @Test
    void shouldMatchSpellingVariantsWithOrWithoutDiacriticsAndPluralForms() {
        assertThat(suggestedIds("onderhoud plannen")).contains("lo-preventive-maintenance");
        assertThat(suggestedIds("onderhoudsplanning")).contains("lo-preventive-maintenance");
        assertThat(suggestedIds("object georienteerd programmeren"))
                .isEqualTo(suggestedIds("Object-georiënteerd programmeren")).contains("lo-oo-programming");
        assertThat(suggestedIds("trillingsmetingen aan pompen")).contains("lo-condition-monitoring");
    }

    @Test
    void shouldExplainInTheLanguageOfTheTextUnlessAskedOtherwise() {
        GraphQlTester.Response response = graphQl.documentName("suggestOutcomes")
                .variable("text", "I programmed the PLCs of the packaging line").execute();
        response.path("suggestOutcomes[0].language").entity(String.class).isEqualTo("EN");
        response.path("suggestOutcomes[0].explanation").entity(String.class)
                .satisfies(e -> assertThat(e).startsWith("Suggested because"));
        response.path("suggestOutcomes[0].explanationNl").entity(String.class)
                .satisfies(e -> assertThat(e).startsWith("Voorgesteld omdat"));
        graphQl.documentName("suggestOutcomes").variable("text", "onderhoud").variable("language", "EN").execute()
                .path("suggestOutcomes[0].explanation").entity(String.class)
                .satisfies(e -> assertThat(e).startsWith("Suggested because"));
    }

    @Test
    void shouldTreatLuceneSyntaxInTheTextAsPlainText() {
        graphQl.documentName("suggestOutcomes")
                .variable("text", "\"PLC\" (programmeren): ~2 * ? \\ AND OR NOT +x -y [a TO b] {c} ^3 /re.*/ && ||")
                .execute().errors().verify()
                .path("suggestOutcomes[*].outcome.id").entityList(String.class).contains("lo-plc-programming-basics");
        graphQl.documentName("suggestOutcomes").variable("text", "\"():~*?\\").execute().errors().verify()
                .path("suggestOutcomes").entityList(Object.class).hasSize(0);
    }

    @Test
    void shouldNameTheArgumentOfABlankTextOrAFirstOutOfRange() {
        for (String text : List.of("", "   \n ")) {
            graphQl.documentName("suggestOutcomes").variable("text", text).execute().errors()
                    .expect(e -> "BAD_REQUEST".equals(String.valueOf(e.getErrorType()))
                            && e.getMessage().startsWith("text:"))
                    .verify();
        }
        for (int first : new int[] {0, 51, -3}) {
            graphQl.documentName("suggestOutcomes").variable("text", "onderhoud").variable("first", first).execute()
                    .errors().expect(e -> "BAD_REQUEST".equals(String.valueOf(e.getErrorType()))
                            && e.getMessage().startsWith("first:") && e.getMessage().contains("1 and 50"))
                    .verify();
        }
    }

    @Test
    void shouldTurnAcceptedSuggestionsIntoOneClaimThatSaysWhereItCameFrom() {
        String person = graphQl.documentName("createPerson").variable("input", Map.of("name", "Fenna de Boer",
                "birthYear", 1988, "place", "Leeuwarden", "education", "MBO_4")).execute()
                .path("createPerson.person.id").entity(String.class).get();
        String text = "Storingen verhelpen aan verpakkingslijnen en trillingsmetingen doen aan de motoren.";
        List<String> suggested = suggestedIds(text);
        assertThat(suggested).contains("lo-condition-monitoring");
        GraphQlTester.Response response = graphQl.documentName("acceptSuggestions").variable("input", Map.of(
                "personId", person, "text", text, "title", "Storingsmonteur",
                "outcomes", List.of(Map.of("outcomeId", "lo-condition-monitoring", "level", 4),
                        Map.of("outcomeId", suggested.get(0).equals("lo-condition-monitoring") ? suggested.get(1)
                                : suggested.get(0), "level", 3)))).execute();
        response.path("acceptSuggestions.errors").entityList(Object.class).hasSize(0);
        response.path("acceptSuggestions.evidence.status").entity(String.class).isEqualTo("CLAIMED");
        response.path("acceptSuggestions.evidence.kind").entity(String.class).isEqualTo("WORK_EXPERIENCE");
        response.path("acceptSuggestions.evidence.description").entity(String.class).isEqualTo(text);
        response.path("acceptSuggestions.evidence.source").entity(String.class).isEqualTo("SUGGESTED_FROM_TEXT");
        String evidence = response.path("acceptSuggestions.evidence.id").entity(String.class).get();

        List<Record> assertions = driver.executableQuery("""
                MATCH (:Person {id: $person})-[:HAS_EVIDENCE]->(e:Evidence {id: $evidence})-[a:ASSERTS]->(o)
                RETURN e.source AS evidenceSource, a.source AS source, a.matchedWords AS words, o.id AS outcome
                ORDER BY o.id""").withParameters(Map.of("person", person, "evidence", evidence)).execute().records();
        assertThat(assertions).hasSize(2).allSatisfy(r -> {
            assertThat(r.get("evidenceSource").asString()).isEqualTo("SUGGESTED_FROM_TEXT");
            assertThat(r.get("source").asString()).isEqualTo("SUGGESTED_FROM_TEXT");
            assertThat(r.get("words").asList()).isNotEmpty();
        });
        assertThat(assertions).filteredOn(r -> r.get("outcome").asString().equals("lo-condition-monitoring"))
                .singleElement().satisfies(r -> assertThat(r.get("words").asList()).contains("trillingsmetingen"));
    }

    @Test
    void shouldTakeAWorkerFromAParagraphToValidatedCreditsThatShortenTheirRoute() {
        String person = graphQl.documentName("createPerson").variable("input", Map.of("name", "Sietse Zijlstra",
                "birthYear", 1979, "place", "Leeuwarden", "education", "MBO_4")).execute()
                .path("createPerson.person.id").entity(String.class).get();
        String text = "Ik zoek storingen in verpakkingslijnen, doe trillingsmetingen aan motoren en plan het "
                + "preventief onderhoud volgens het onderhoudsplan.";
        Map<String, Integer> claimed = Map.of("lo-condition-monitoring", 4, "lo-preventive-maintenance", 3);
        assertThat(suggestedIds(text)).containsAll(claimed.keySet());
        List<Map<String, Object>> outcomes = claimed.entrySet().stream()
                .map(c -> Map.<String, Object>of("outcomeId", c.getKey(), "level", c.getValue())).toList();
        GraphQlTester.Response before = graphQl.documentName("planCredits").variable("personId", person)
                .variable("outcomes", outcomes).execute();
        before.path("planRoute.credits").entityList(Object.class).hasSize(0);
        assertThat(before.path("planRoute.best.totalHours").entity(Integer.class).get()).isPositive();

        String evidence = graphQl.documentName("acceptSuggestions").variable("input", Map.of("personId", person,
                "text", text, "title", "Storingsmonteur", "from", "2012-03-01", "outcomes", outcomes)).execute()
                .path("acceptSuggestions.evidence.id").entity(String.class).get();
        graphQl.documentName("validateEvidence").variable("input", Map.of("evidenceId", evidence,
                "method", "EMPLOYER_STATEMENT", "validatedBy", "Assessor Firda")).execute()
                .path("validateEvidence.evidence.status").entity(String.class).isEqualTo("VALIDATED");

        GraphQlTester.Response after = graphQl.documentName("planCredits").variable("personId", person)
                .variable("outcomes", outcomes).execute();
        after.path("planRoute.best.totalHours").entity(Integer.class).isEqualTo(0);
        after.path("planRoute.credits[*].evidenceIds").entityList(Object.class).hasSize(2);
        after.path("planRoute.credits[*].outcome.id").entityList(String.class)
                .satisfies(ids -> assertThat(ids).containsExactlyInAnyOrderElementsOf(claimed.keySet()));
    }

    @Test
    void shouldRefuseAnAcceptanceWithErrorsAndWriteNothing() {
        long before = driver.executableQuery("MATCH (e:Evidence) RETURN count(e) AS n").execute().records().get(0)
                .get("n").asLong();
        GraphQlTester.Response response = graphQl.documentName("acceptSuggestions").variable("input", Map.of(
                "personId", "p-marco-dijkstra", "text", "PLC-programmeren", "title", "Monteur",
                "outcomes", List.of(Map.of("outcomeId", "lo-no-such-outcome", "level", 3)))).execute();
        response.path("acceptSuggestions.evidence").valueIsNull();
        response.path("acceptSuggestions.errors[*].field").entityList(String.class).contains("asserts");
        graphQl.documentName("acceptSuggestions").variable("input", Map.of("personId", "p-marco-dijkstra",
                "text", " ", "title", "Monteur", "outcomes", List.of())).execute()
                .path("acceptSuggestions.errors[*].field").entityList(String.class)
                .satisfies(fields -> assertThat(fields).containsExactlyInAnyOrder("text", "outcomes"));
        assertThat(driver.executableQuery("MATCH (e:Evidence) RETURN count(e) AS n").execute().records().get(0)
                .get("n").asLong()).isEqualTo(before);
    }
}
