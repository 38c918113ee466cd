package nl.leerroute.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The request timeout on a tiny schema whose first field is slow: the clock is moved past the
 * deadline by the field itself, so the test needs no sleeping and no timing thresholds.
 */
class RequestTimeoutTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-27T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final List<String> ran = new ArrayList<>();
    private final GraphQlLimits limits = new Binder(new MapConfigurationPropertySource(
            Map.of("leerroute.graphql.request-timeout", "2s"))).bindOrCreate("leerroute.graphql", GraphQlLimits.class);

    private GraphQL graphQl() {
        DataFetcher<String> slow = env -> {
            ran.add("slow");
            clock.now = clock.now.plus(Duration.ofSeconds(3)); // runs longer than the 2 s allowed
            return "slow answer";
        };
        DataFetcher<String> after = env -> {
            ran.add("after");
            return "after answer";
        };
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(
                new SchemaParser().parse("type Query { slow: String after: String }"),
                RuntimeWiring.newRuntimeWiring().type("Query", t -> t.dataFetcher("slow", slow)
                        .dataFetcher("after", after)).build());
        return GraphQL.newGraphQL(schema).instrumentation(new RequestLimits(limits, clock)).build();
    }

    @Test
    void shouldNotRunFieldsAfterTheTimeoutAndSaySo() {
        ExecutionResult result = graphQl().execute("{ slow after }");
        assertThat(ran).containsExactly("slow");
        Map<String, Object> data = result.getData();
        assertThat(data).containsEntry("slow", "slow answer").containsEntry("after", null);
        assertThat(result.getErrors()).extracting(GraphQLError::getMessage).singleElement().asString()
                .contains("2000 ms").contains("leerroute.graphql.request-timeout").contains("not run");
        assertThat(result.getErrors().get(0).getErrorType()).isEqualTo(RequestLimits.Refusal.REQUEST_TIMEOUT);
    }

    @Test
    void shouldReportARequestWhoseLastFieldRanPastTheTimeout() {
        ExecutionResult result = graphQl().execute("{ slow }");
        assertThat(ran).containsExactly("slow");
        assertThat(result.getErrors()).extracting(GraphQLError::getMessage).singleElement().asString()
                .contains("leerroute.graphql.request-timeout");
    }

    @Test
    void shouldAnswerWithoutErrorWithinTheTimeout() {
        ExecutionResult result = graphQl().execute("{ after }");
        assertThat(ran).containsExactly("after");
        assertThat(result.getErrors()).isEmpty();
    }
}
