package nl.leerroute;

import java.time.Duration;
import java.util.Set;

import nl.leerroute.access.Caller;
import nl.leerroute.access.DemoTokens;
import nl.leerroute.access.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Sign-in for integration tests. The injected {@link GraphQlTester} acts as the demo ADMIN
 * ({@code acc-admin}), so tests written before sign-in existed keep working (it calls the GraphQL
 * service directly, with the caller in the GraphQL context). {@link #as(String)} gives a tester that
 * sends real HTTP requests with a signed bearer token for another demo account (e.g.
 * {@code signedIn.as("marco")}), and {@link #anonymous()} one without a token.
 */
public class SignedIn {

    /** The demo admin, as in graph-seed/accounts.csv. */
    public static final Caller ADMIN = new Caller("acc-admin", "Leerroute administrator", Set.of(Role.ADMIN), null,
            null);

    static final Duration TEST_TOKEN_TTL = Duration.ofHours(12);
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    private final Environment environment;
    private final DemoTokens tokens;

    SignedIn(Environment environment, DemoTokens tokens) {
        this.environment = environment;
        this.tokens = tokens;
    }

    /** A tester signed in as the demo account with this username (graph-seed/accounts.csv). */
    public HttpGraphQlTester as(String username) {
        return bearer(token(username));
    }

    /** A bearer token of the demo account with this username, for tests that send raw HTTP. */
    public String token(String username) {
        return tokens.issueFor(username, TEST_TOKEN_TTL).accessToken();
    }

    /** A tester signed in as whatever this caller says it is (no account needed). */
    public HttpGraphQlTester as(Caller caller) {
        return bearer(tokens.issue(caller, TEST_TOKEN_TTL).accessToken());
    }

    /** A tester that sends no token. */
    public HttpGraphQlTester anonymous() {
        return http().mutate().headers(h -> h.remove(HttpHeaders.AUTHORIZATION)).build();
    }

    private HttpGraphQlTester bearer(String token) {
        return http().mutate().headers(h -> h.setBearerAuth(token)).build();
    }

    private HttpGraphQlTester http() {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("as(...) needs a test on a running server (RANDOM_PORT)");
        }
        // A cold first call (an import, a team plan up to its own time limit) on a loaded two-core
        // machine can take longer than the testers' default of 5 s.
        return HttpGraphQlTester.builder(WebTestClient.bindToServer().responseTimeout(RESPONSE_TIMEOUT)
                .baseUrl("http://127.0.0.1:" + port + "/graphql")).responseTimeout(RESPONSE_TIMEOUT).build();
    }

    /** Imported by {@link LeerrouteIntegrationTest}: the ADMIN default and the {@link SignedIn} bean. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

    @Bean
    SignedIn signedIn(Environment environment, DemoTokens demoTokens) {
        return new SignedIn(environment, demoTokens);
    }

    /** The auto-configured tester, signed in as {@link #ADMIN}. */
    @Bean
    static BeanPostProcessor adminByDefault(ObjectProvider<DemoTokens> tokens) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HttpGraphQlTester http) {
                    String token = tokens.getObject().issue(ADMIN, TEST_TOKEN_TTL).accessToken();
                    return http.mutate().headers(h -> h.setBearerAuth(token)).build();
                }
                if (bean instanceof ExecutionGraphQlServiceTester direct) {
                    return direct.mutate().configureExecutionInput((input, builder) -> builder
                            .graphQLContext(context -> context.put(Caller.CONTEXT_KEY, ADMIN)).build()).build();
                }
                return bean;
            }
        };
    }
    }
}
