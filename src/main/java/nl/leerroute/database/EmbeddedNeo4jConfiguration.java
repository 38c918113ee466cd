package nl.leerroute.database;

import java.net.URI;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts the embedded Neo4j and points Boot's driver at it, unless an external database is
 * configured with {@code spring.neo4j.uri} (or {@code leerroute.neo4j.embedded.enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedNeo4jConfiguration.NoExternalNeo4jConfigured.class)
@ConditionalOnProperty(name = "leerroute.neo4j.embedded.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedNeo4jConfiguration {

    /**
     * Starts the database on a background thread as soon as bean definitions are known (a static
     * post-processor bean is created first), so that its start overlaps the rest of the context's.
     */
    @Bean
    static EmbeddedNeo4jStarter embeddedNeo4jStarter(Environment environment) {
        return EmbeddedNeo4jStarter.claim(environment);
    }

    /** Lazy: whoever needs the database in this JVM waits for its start, the context does not. */
    @Bean
    @Lazy
    EmbeddedNeo4jServer embeddedNeo4jServer(EmbeddedNeo4jStarter starter) {
        return starter.server();
    }

    /** The first runner: the schema, the seed import and readiness wait here for the database's start. */
    @Bean
    @Order(GraphSchema.ORDER - 1)
    ApplicationRunner awaitEmbeddedNeo4j(EmbeddedNeo4jStarter starter) {
        return args -> starter.server();
    }

    @Bean
    Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4jStarter starter) {
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return starter.boltUri();
            }

            @Override
            public AuthToken getAuthToken() {
                return AuthTokens.none();
            }
        };
    }

    static final class NoExternalNeo4jConfigured implements ConfigurationCondition {

        @Override
        public ConfigurationPhase getConfigurationPhase() {
            return ConfigurationPhase.PARSE_CONFIGURATION;
        }

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().containsProperty("spring.neo4j.uri");
        }
    }

    /** The same decision as this configuration's conditions, for a start before the context exists. */
    static boolean embeddedWanted(Environment environment) {
        return !environment.containsProperty("spring.neo4j.uri")
                && environment.getProperty("leerroute.neo4j.embedded.enabled", Boolean.class, true);
    }
}
