package nl.leerroute.access;

import java.time.Clock;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.util.ConcurrentLruCache;

/**
 * Remembers the tokens a {@link JwtDecoder} accepted, so that a client sending the same bearer token with
 * every request has its signature checked once, not per request (parsing and an RSA verification were
 * about a tenth of a route's request thread). Keyed by the whole token, signature included, so only the
 * exact text that was verified is ever taken from here. Of what the decoder checked, only expiry and
 * not-before change with time: those are checked again on every use, so a remembered token stops
 * working when it expires. Tokens the decoder refused are not remembered.
 */
final class VerifiedTokens implements JwtDecoder {

    /** Tokens kept: each a few kilobytes; a token's client that goes quiet is the least recently used. */
    static final int CAPACITY = 4096;

    private final ConcurrentLruCache<String, Jwt> verified;
    private final JwtTimestampValidator timestamps;

    VerifiedTokens(JwtDecoder decoder, Clock clock) {
        this.verified = new ConcurrentLruCache<>(CAPACITY, decoder::decode);
        this.timestamps = new JwtTimestampValidator();
        this.timestamps.setClock(clock);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.get(token);
        OAuth2TokenValidatorResult result = timestamps.validate(jwt);
        if (result.hasErrors()) {
            verified.remove(token);
            throw new JwtValidationException("An error occurred while attempting to decode the Jwt: "
                    + result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return jwt;
    }

    /** Puts every {@link JwtDecoder} bean, the demo one or a real identity provider's, behind {@link VerifiedTokens}. */
    static BeanPostProcessor wrapper() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokens)
                        ? new VerifiedTokens(decoder, Clock.systemUTC()) : bean;
            }
        };
    }
}
