package nl.leerroute.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jwt.Jwt;

/** Reading the caller from a real identity provider's token with configured claim names, and the local-mode guard. */
class ClaimsTest {

    private static Jwt jwt(Map<String, Object> claims) {
        return new Jwt("token", Instant.now(), Instant.now().plus(Duration.ofMinutes(5)), Map.of("alg", "RS256"),
                claims);
    }

    @Test
    void shouldReadRolesPersonAndInstitutionFromConfiguredClaims() {
        AuthProperties.Claims keycloak = new AuthProperties.Claims("realm_access.roles", "leerroute_person",
                "leerroute_institution", "preferred_username");
        Caller caller = SecurityConfiguration.caller(jwt(Map.of("sub", "f3a1", "preferred_username", "eva",
                "realm_access", Map.of("roles", List.of("offline_access", "advisor", "INSTITUTION_EDITOR")),
                "leerroute_institution", "hanze")), keycloak);
        assertThat(caller).isEqualTo(new Caller("f3a1", "eva", Set.of(Role.ADVISOR, Role.INSTITUTION_EDITOR), null,
                "hanze"));
    }

    @Test
    void shouldGiveNoRolesForATokenWithoutTheRolesClaim() {
        AuthProperties.Claims defaults = new AuthProperties.Claims("roles", "person_id", "institution_id", "name");
        Caller caller = SecurityConfiguration.caller(jwt(Map.of("sub", "x", "roles", "ADMINISTRATOR")), defaults);
        assertThat(caller.roles()).isEmpty();
        assertThat(caller.anonymous()).isFalse();
    }

    @Test
    void shouldRefuseToStartDemoAccountsNextToARealIssuer() {
        MockEnvironment environment = new MockEnvironment().withProperty(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://login.example.org/realms/leerroute");
        assertThatThrownBy(() -> new DemoTokenConfiguration(environment)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("leerroute.auth.demo-accounts.enabled=false");
    }
}
