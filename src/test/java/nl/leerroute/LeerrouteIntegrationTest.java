package nl.leerroute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one application context that integration tests share: the whole application with an
 * embedded Neo4j in a fresh directory and the shipped seed. Every class annotated with exactly
 * this gets the same cached context, so the embedded database starts once per test run. Its
 * {@code GraphQlTester} is signed in as the demo ADMIN; inject {@link SignedIn} for other accounts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureGraphQlTester
@ContextConfiguration(initializers = LeerrouteIntegrationTest.FreshDatabaseDirectory.class)
@Import(SignedIn.Configuration.class)
public @interface LeerrouteIntegrationTest {

    /** Points the embedded database at a directory that no earlier run has used. */
    class FreshDatabaseDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            try {
                Path directory = Files.createTempDirectory("leerroute-test-neo4j");
                context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("freshDatabase",
                        Map.of("leerroute.neo4j.embedded.data-directory", directory.toString(),
                                "leerroute.neo4j.embedded.page-cache", "64m",
                                // tests call refreshIfChanged() themselves, so no check lands in the middle of one
                                "leerroute.catalogue.refresh-interval", "PT1H")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
