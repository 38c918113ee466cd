package nl.leerroute.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** A token's signature is checked once; expiry on every use; refused tokens are asked again. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final List<String> decoded = new ArrayList<>();
    private final JwtDecoder signatureChecking = token -> {
        decoded.add(token);
        if (token.startsWith("forged")) {
            throw new BadJwtException("Signed JWT rejected: Invalid signature");
        }
        return new Jwt(token, NOW, NOW.plus(Duration.ofMinutes(15)), Map.of("alg", "RS256"), Map.of("sub", token));
    };
    private final MovingClock clock = new MovingClock();
    private final VerifiedTokens tokens = new VerifiedTokens(signatureChecking, clock);

    @Test
    void shouldCheckTheSignatureOfATokenOnce() {
        Jwt first = tokens.decode("henk");
        Jwt again = tokens.decode("henk");
        tokens.decode("priya");
        assertThat(again).isSameAs(first);
        assertThat(decoded).containsExactly("henk", "priya");
    }

    @Test
    void shouldRefuseARememberedTokenOnceItHasExpired() {
        tokens.decode("henk");
        clock.now = NOW.plus(Duration.ofMinutes(15)).plus(Duration.ofSeconds(61)); // past the 60 s clock skew
        assertThatThrownBy(() -> tokens.decode("henk")).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("Jwt expired at " + NOW.plus(Duration.ofMinutes(15)));
        clock.now = NOW;
        tokens.decode("henk");
        assertThat(decoded).as("an expired token is forgotten, so it is checked in full again")
                .containsExactly("henk", "henk");
    }

    @Test
    void shouldNotRememberARefusedToken() {
        assertThatThrownBy(() -> tokens.decode("forged.henk")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged.henk")).isInstanceOf(BadJwtException.class);
        assertThat(decoded).containsExactly("forged.henk", "forged.henk");
    }

    @Test
    void shouldForgetTheLeastRecentlyUsedTokenBeyondItsCapacity() {
        tokens.decode("token-0");
        for (int i = 1; i <= VerifiedTokens.CAPACITY; i++) {
            tokens.decode("token-" + i);
        }
        decoded.clear();
        tokens.decode("token-" + VerifiedTokens.CAPACITY);
        tokens.decode("token-0");
        assertThat(decoded).containsExactly("token-0");
    }

    @Test
    void shouldWrapEveryDecoderBeanOnce() {
        Object wrapped = VerifiedTokens.wrapper().postProcessAfterInitialization(signatureChecking, "jwtDecoder");
        assertThat(wrapped).isInstanceOf(VerifiedTokens.class);
        assertThat(VerifiedTokens.wrapper().postProcessAfterInitialization(wrapped, "jwtDecoder")).isSameAs(wrapped);
        assertThat(VerifiedTokens.wrapper().postProcessAfterInitialization("not a decoder", "other"))
                .isEqualTo("not a decoder");
    }
}
