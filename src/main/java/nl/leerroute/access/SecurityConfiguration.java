package nl.leerroute.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Leerroute is an OAuth2 resource server: a request may carry a JWT bearer token, which is checked
 * (signature, issuer, audience, expiry) by the one {@code JwtDecoder} there is, from a real identity
 * provider or from {@link DemoTokenConfiguration}. HTTP itself is open: GraphQL decides per operation
 * and per field ({@link AccessGuard}), since anonymous visitors may read the public catalogue.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthProperties properties) throws Exception {
        http.csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies: nothing for CSRF to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(
                        new ClaimsConverter(properties.claims()))));
        return http.build();
    }

    /** Static: a post-processor must exist before the beans it wraps. */
    @Bean
    static BeanPostProcessor verifiedTokens() {
        return VerifiedTokens.wrapper();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Token to authentication: the roles claim becomes {@code ROLE_*} authorities; the subject is the name. */
    static final class ClaimsConverter implements Converter<Jwt, AbstractAuthenticationToken> {

        private final AuthProperties.Claims claims;

        ClaimsConverter(AuthProperties.Claims claims) {
            this.claims = claims;
        }

        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            Collection<GrantedAuthority> authorities = new ArrayList<>();
            for (Role role : roles(jwt, claims)) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
            }
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        }
    }

    /** The caller a token describes, read with the configured claim names. */
    static Caller caller(Jwt jwt, AuthProperties.Claims claims) {
        Object name = claim(jwt, claims.name());
        return new Caller(jwt.getSubject(), name == null ? jwt.getSubject() : String.valueOf(name),
                roles(jwt, claims), string(claim(jwt, claims.person())), string(claim(jwt, claims.institution())));
    }

    static Set<Role> roles(Jwt jwt, AuthProperties.Claims claims) {
        Object value = claim(jwt, claims.roles());
        List<Object> names = value instanceof Collection<?> c ? new ArrayList<>(c)
                : value == null ? List.of() : List.of(value);
        Set<Role> roles = new LinkedHashSet<>();
        for (Object n : names) {
            for (Role role : Role.values()) {
                if (role.name().equalsIgnoreCase(String.valueOf(n))) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    private static Object claim(Jwt jwt, String path) {
        Object value = jwt.getClaims();
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    private static String string(Object value) {
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value);
    }
}
