package nl.leerroute.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import graphql.execution.CoercedVariables;
import graphql.introspection.Introspection;
import graphql.language.Document;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import nl.leerroute.LeerrouteIntegrationTest;
import nl.leerroute.database.GraphReader;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each attack on the GraphQL endpoint, sent over HTTP: refused with an error naming the limit, and
 * nothing ran (no Cypher query, no write).
 */
@LeerrouteIntegrationTest
class GraphQlHardeningIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    GraphReader graph;

    @Autowired
    Driver driver;

    @Autowired
    GraphQlLimits limits;

    @Autowired
    GraphQlSource graphQlSource;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> send(String method, String contentType, String body) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", contentType).header("Accept", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode post(String document) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", "application/json",
                json.writeValueAsString(Map.of("query", document)));
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** Sends the attack; asserts a refusal naming {@code property} and that no Cypher query ran. */
    private String refused(String document, String property) throws IOException, InterruptedException {
        long queries = graph.queryCount();
        JsonNode answer = post(document);
        assertThat(answer.path("errors")).as(answer.toString()).hasSize(1);
        String message = answer.path("errors").get(0).path("message").asString();
        assertThat(message).contains(property);
        assertThat(answer.path("data").isMissingNode() || answer.path("data").isNull()).as(answer.toString()).isTrue();
        assertThat(graph.queryCount()).as("Cypher queries run for a refused request").isEqualTo(queries);
        return message;
    }

    private long people() {
        return driver.executableQuery("MATCH (p:Person) RETURN count(p) AS n").execute().records().get(0)
                .get("n").asLong();
    }

    @Test
    void shouldKeepEveryShippedOperationWithinTheLimits() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(FrontendSchemaIntegrationTest.OPERATIONS)) {
            files = walk.filter(f -> f.toString().endsWith(".graphql")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            String text = Files.readString(file);
            Document document = Parser.parse(text);
            DocumentShape shape = DocumentShape.of(document);
            assertThat(shape.aliases()).as("aliases in %s", file).isLessThanOrEqualTo(limits.maxAliases());
            assertThat(shape.fields()).as("fields in %s", file).isLessThanOrEqualTo(limits.maxFields());
            assertThat(shape.mostDirectives()).as("directives in %s", file).isLessThanOrEqualTo(limits.maxDirectives());
            assertThat(text.length()).as("characters of %s", file).isLessThanOrEqualTo(limits.maxCharacters());
            for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
                // variables unknown: pages count as the largest page, the worst a client can ask
                CoercedVariables variables = worstCase(operation);
                QueryCost.Cost cost = QueryCost.of(graphQlSource.schema(), document, operation.getName(), variables,
                        limits.assumedListSize());
                assertThat(cost.depth()).as("depth of %s", file).isLessThanOrEqualTo(limits.maxDepth());
                assertThat(cost.complexity()).as("complexity of %s", file)
                        .isLessThanOrEqualTo(limits.maxComplexity());
            }
        }
    }

    /** Placeholders for an operation's variables: every Int (a page size) at the largest page. */
    private static CoercedVariables worstCase(OperationDefinition operation) {
        Map<String, Object> values = new java.util.HashMap<>();
        for (VariableDefinition variable : operation.getVariableDefinitions()) {
            Type<?> type = variable.getType() instanceof NonNullType nonNull ? nonNull.getType() : variable.getType();
            Object value = "placeholder";
            if (type instanceof ListType) {
                value = List.of();
            } else if (type instanceof TypeName name && name.getName().equals("Int")) {
                value = Pages.MAX_PAGE;
            } else if (type instanceof TypeName name && name.getName().endsWith("Input")) {
                value = Map.of();
            }
            values.put(variable.getName(), value);
        }
        return CoercedVariables.of(values);
    }

    @Test
    void shouldAnswerAnOrdinaryQueryWithinTheLimits() throws Exception {
        JsonNode answer = post("{ programmes(croho: \"30020\") { id institution { name } } }");
        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        assertThat(answer.path("data").path("programmes")).isNotEmpty();
    }

    @Test
    void shouldRefuseAQueryDeeperThanTheDepthLimit() throws Exception {
        // outcome -> taughtBy -> learningUnit -> yields -> outcome ... nested beyond the limit
        String inner = "id";
        for (int i = 0; i < limits.maxDepth(); i++) {
            inner = "taughtBy { learningUnit { yields { outcome { " + inner + " } } } }";
        }
        String message = refused("{ learningOutcome(id: \"lo-math-basics\") { " + inner + " } }",
                "leerroute.graphql.max-depth");
        assertThat(message).contains("at most " + limits.maxDepth());
    }

    @Test
    void shouldRefuseNestedListsThatMultiplyBeyondTheComplexityLimit() throws Exception {
        // shallow enough for the depth limit, but 100 units x 10 yields x 10 taughtBy x 10 yields x ...
        String message = refused("""
                { learningUnits(first: 100) { edges { node {
                    yields { outcome { taughtBy { learningUnit { yields { outcome {
                      taughtBy { learningUnit { id titleNl hours } } } } } } } }
                } } } }""", "leerroute.graphql.max-complexity");
        assertThat(message).contains("estimated complexity");
    }

    @Test
    void shouldRefuseMoreAliasesThanTheAliasLimit() throws Exception {
        String aliases = IntStream.range(0, 101).mapToObj(i -> "a" + i + ": programmes(croho: \"30020\") { id }")
                .collect(Collectors.joining(" "));
        String message = refused("{ " + aliases + " }", "leerroute.graphql.max-aliases");
        assertThat(message).contains("101 aliased fields").contains("at most " + limits.maxAliases());
    }

    @Test
    void shouldRefuseTheSameFieldRequestedHundredsOfTimes() throws Exception {
        String repeated = String.join(" ", java.util.Collections.nCopies(600, "nameNl"));
        refused("{ roles { " + repeated + " } }", "leerroute.graphql.max-fields");
    }

    @Test
    void shouldRefuseFragmentsThatMultiplyFields() throws Exception {
        // each fragment spreads the next twice: 2^12 fields from a document of a few hundred characters
        StringBuilder document = new StringBuilder("{ roles { ...F0 } }\n");
        for (int i = 0; i < 12; i++) {
            document.append("fragment F").append(i).append(" on Role { ...F").append(i + 1).append(" ...F")
                    .append(i + 1).append(" }\n");
        }
        document.append("fragment F12 on Role { nameNl }\n");
        refused(document.toString(), "leerroute.graphql.max-fields");
    }

    @Test
    void shouldRefuseManyDirectivesOnOneField() throws Exception {
        String includes = String.join(" ", java.util.Collections.nCopies(50, "@include(if: true)"));
        refused("{ roles { nameNl " + includes + " } }", "leerroute.graphql.max-directives");
        String unknown = IntStream.range(0, 50).mapToObj(i -> "@d" + i).collect(Collectors.joining(" "));
        refused("{ roles { nameNl " + unknown + " } }", "leerroute.graphql.max-directives");
    }

    @Test
    void shouldRefuseCircularFragmentsAsAValidationError() throws Exception {
        long queries = graph.queryCount();
        JsonNode answer = post("{ roles { ...A } } fragment A on Role { nameNl ...B } fragment B on Role { nameEn ...A }");
        assertThat(answer.path("errors").get(0).path("message").asString()).contains("Fragment cycles");
        assertThat(answer.path("errors").get(0).path("extensions").path("classification").asString())
                .isEqualTo("ValidationError");
        assertThat(answer.path("data").isMissingNode() || answer.path("data").isNull()).isTrue();
        assertThat(graph.queryCount()).isEqualTo(queries);
    }

    @Test
    void shouldRefuseADocumentWithMoreTokensThanAllowed() throws Exception {
        long queries = graph.queryCount();
        // fewer characters than the character limit, more tokens than the token limit
        String fields = String.join(" ", java.util.Collections.nCopies(limits.maxTokens(), "a"));
        assertThat(fields.length()).isLessThan(limits.maxCharacters());
        JsonNode answer = post("{ " + fields + " }");
        // graphql-java's own message, its number formatted for the locale ("5,000")
        assertThat(answer.path("errors").get(0).path("message").asString().replaceAll("[^0-9A-Za-z ]", ""))
                .contains(String.valueOf(limits.maxTokens())).contains("tokens");
        assertThat(answer.path("data").isMissingNode() || answer.path("data").isNull()).isTrue();
        assertThat(graph.queryCount()).isEqualTo(queries);
    }

    @Test
    void shouldRefuseADocumentWithMoreCharactersThanAllowed() throws Exception {
        String comment = "#" + "x".repeat(limits.maxCharacters()) + "\n";
        String message = refused(comment + "{ roles { nameNl } }", "leerroute.graphql.max-characters");
        assertThat(message).contains("at most " + limits.maxCharacters());
    }

    @Test
    void shouldRefuseABatchOfOperationsInAJsonArray() throws Exception {
        long before = people();
        String create = "mutation { createPerson(input: {name: \\\"Batch\\\", birthYear: 1980, place: \\\"Emmen\\\", "
                + "education: \\\"MBO_4\\\"}) { person { id } } }";
        String batch = "[" + String.join(",", java.util.Collections.nCopies(5, "{\"query\":\"" + create + "\"}"))
                + "]";
        HttpResponse<String> response = send("POST", "application/json", batch);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(people()).isEqualTo(before);
    }

    @Test
    void shouldAcceptOnlyJsonPosts() throws Exception {
        long queries = graph.queryCount();
        String query = URLEncoder.encode("{ roles { nameNl } }", StandardCharsets.UTF_8);
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/graphql?query=" + query)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        HttpResponse<String> form = send("POST", "application/x-www-form-urlencoded", "query=" + query);
        assertThat(form.statusCode()).isEqualTo(415);
        HttpResponse<String> text = send("POST", "text/plain", "{ roles { nameNl } }");
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(graph.queryCount()).isEqualTo(queries);
    }

    @Test
    void shouldNameTheDatabaseOnTheHealthEndpoint() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("components").path("neo4j").path("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void shouldRefuseIntrospectionWhenSwitchedOff() throws Exception {
        // spring.graphql.schema.introspection.enabled=false (profile prod) switches graphql-java's
        // introspection off JVM-wide exactly like this; GraphQlProductionProfileTest checks the profile does so
        assertThat(post("{ __schema { queryType { name } } }").path("data").path("__schema").path("queryType")
                .path("name").asString()).isEqualTo("Query");
        boolean was = Introspection.enabledJvmWide(false);
        try {
            JsonNode answer = post("{ __schema { types { name } } }");
            assertThat(answer.path("errors").get(0).path("message").asString()).contains("Introspection");
            assertThat(answer.path("data").path("__schema").path("types").isMissingNode()
                    || answer.path("data").path("__schema").isNull() || answer.path("data").isNull()).isTrue();
        } finally {
            Introspection.enabledJvmWide(was);
        }
    }
}
