package nl.leerroute.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of sign-in ({@code leerroute.auth.*}). The identity provider itself is configured with
 * Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*} properties.
 *
 * @param demoAccounts the local token endpoint for the seeded demo accounts
 * @param claims       which JWT claims carry the roles, the person and the institution
 */
@ConfigurationProperties("leerroute.auth")
public record AuthProperties(@DefaultValue DemoAccounts demoAccounts, @DefaultValue Claims claims) {

    /**
     * @param enabled  serve {@code POST /auth/token} for the accounts in the graph (local use only;
     *                 refused at start-up when a real issuer is configured)
     * @param issuer   issuer of the tokens it signs
     * @param audience audience of the tokens it signs and requires
     * @param tokenTtl how long a token is valid
     */
    public record DemoAccounts(@DefaultValue("true") boolean enabled, @DefaultValue("leerroute-local") String issuer,
            @DefaultValue("leerroute") String audience, @DefaultValue("15m") Duration tokenTtl) {
    }

    /**
     * Claim names; a dotted name reads a nested claim (e.g. {@code realm_access.roles} for Keycloak).
     *
     * @param roles       a list of role names (WORKER, ADVISOR, INSTITUTION_EDITOR, ADMIN) or one name
     * @param person      the id of the Person a worker is
     * @param institution the id of the Institution an editor edits for
     * @param name        a display name for the access log
     */
    public record Claims(@DefaultValue("roles") String roles, @DefaultValue("person_id") String person,
            @DefaultValue("institution_id") String institution, @DefaultValue("name") String name) {
    }
}
