package nl.leerroute.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.Properties;

import graphql.ExecutionResult;
import graphql.introspection.Introspection;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * The {@code prod} profile switches introspection and GraphiQL off. Checked on Boot's GraphQL
 * auto-configuration with the real schema and the profile's settings only: no web server and no
 * database, so no second embedded Neo4j.
 */
class ProductionProfileTest {

    @Test
    void shouldSwitchOffIntrospectionGraphiqlAndTheSchemaPageInProduction() throws IOException {
        Properties prod = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application-prod.properties"));
        assertThat(Map.copyOf(prod)).containsEntry("spring.graphql.schema.introspection.enabled", "false")
                .containsEntry("spring.graphql.graphiql.enabled", "false")
                .containsEntry("spring.graphql.schema.printer.enabled", "false");
        boolean was = Introspection.isEnabledJvmWide();
        try {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(GraphQlAutoConfiguration.class))
                    .withUserConfiguration(GraphQlConfiguration.class)
                    .withPropertyValues(prod.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .toArray(String[]::new))
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        ExecutionResult answer = context.getBean(GraphQlSource.class).graphQl()
                                .execute("{ __schema { types { name } } }");
                        assertThat(answer.getErrors()).isNotEmpty();
                        assertThat(answer.getErrors().get(0).getMessage()).contains("Introspection");
                        assertThat(context.getEnvironment().getProperty("spring.graphql.graphiql.enabled",
                                Boolean.class)).isFalse();
                    });
        } finally {
            Introspection.enabledJvmWide(was);
        }
    }
}
