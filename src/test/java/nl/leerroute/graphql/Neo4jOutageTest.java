package nl.leerroute.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Properties;

import graphql.GraphQLError;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.language.Field;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.GraphQLFieldDefinition;
import graphql.Scalars;
import nl.leerroute.database.EmbeddedNeo4jServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.neo4j.autoconfigure.Neo4jAutoConfiguration;
import org.springframework.boot.neo4j.health.Neo4jHealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Neo4j goes away while the application runs, and comes back. Runs against its own small embedded
 * server, which it stops and restarts: the shared test context's database cannot be stopped without
 * breaking every other integration test, and a second full application context would import the
 * seed into a second database for this one test. So the context here is only Boot's Neo4j driver
 * auto-configuration with the application's own {@code spring.neo4j.*} settings, plus the health
 * indicator and the GraphQL error mapping the application uses.
 */
class Neo4jOutageTest {

    @TempDir
    Path directory;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String[] applicationNeo4jSettings() throws IOException {
        Properties application = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
        assertThat(application.stringPropertyNames()).contains("spring.neo4j.connection-timeout",
                "spring.neo4j.max-transaction-retry-time", "spring.neo4j.pool.connection-acquisition-timeout");
        return application.stringPropertyNames().stream().filter(k -> k.startsWith("spring.neo4j."))
                .map(k -> k + "=" + application.getProperty(k)).toArray(String[]::new);
    }

    private static long count(Driver driver) {
        return driver.executableQuery("MATCH (n:Probe) RETURN count(n) AS n").execute().records().get(0)
                .get("n").asLong();
    }

    private static DataFetchingEnvironment field() {
        return DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                .mergedField(MergedField.newMergedField(Field.newField("people").build()).build())
                .executionStepInfo(ExecutionStepInfo.newExecutionStepInfo().type(Scalars.GraphQLString)
                        .path(ResultPath.rootPath().segment("people"))
                        .fieldDefinition(GraphQLFieldDefinition.newFieldDefinition().name("people")
                                .type(Scalars.GraphQLString).build()).build())
                .build();
    }

    @Test
    void shouldFailClearlyReportDownAndResumeWhenNeo4jIsBack() throws IOException {
        int port = freePort();
        EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(directory, port, "8m");
        try {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(Neo4jAutoConfiguration.class))
                    .withPropertyValues(applicationNeo4jSettings())
                    .withPropertyValues("spring.neo4j.uri=" + server.boltUri())
                    .run(context -> {
                        Driver driver = context.getBean(Driver.class);
                        Neo4jHealthIndicator health = new Neo4jHealthIndicator(driver);
                        driver.executableQuery("CREATE (:Probe)").execute();
                        assertThat(count(driver)).isEqualTo(1);
                        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

                        server.close();

                        // the request fails (within the driver's connect and retry timeouts) instead of hanging
                        Throwable failure = catchThrowable(() -> count(driver));
                        assertThat(failure).isNotNull();
                        assertThat(GraphQlExceptionResolver.databaseUnreachable(failure)).as(failure.toString()).isTrue();
                        GraphQLError error = new GraphQlExceptionResolver().resolveToSingleError(failure, field());
                        assertThat(error.getMessage()).contains("database cannot be reached");
                        assertThat(error.getErrorType()).isEqualTo(GraphQlExceptionResolver.Unavailable.DATABASE_UNAVAILABLE);
                        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);

                        try (EmbeddedNeo4jServer back = EmbeddedNeo4jServer.start(directory, port, "8m")) {
                            // the same driver, no restart: the pool drops dead connections and opens new ones
                            assertThat(count(driver)).isEqualTo(1);
                            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                        }
                    });
        } finally {
            server.close();
        }
    }
}
