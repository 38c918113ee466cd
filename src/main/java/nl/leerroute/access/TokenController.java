package nl.leerroute.access;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /auth/token} with {@code {"username": ..., "password": ...}}: a bearer token for a demo
 * account. Local mode only; with a real identity provider this endpoint does not exist.
 */
@RestController
@ConditionalOnBooleanProperty(name = "leerroute.auth.demo-accounts.enabled", matchIfMissing = true)
class TokenController {

    record SignIn(String username, String password) {
    }

    private final DemoTokens tokens;

    TokenController(DemoTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping(path = "/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> token(@RequestBody SignIn signIn) {
        return tokens.signIn(signIn.username(), signIn.password())
                .<ResponseEntity<Map<String, Object>>>map(t -> ResponseEntity.ok(Map.of("access_token", t.accessToken(),
                        "token_type", "Bearer", "expires_in", t.expiresIn())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "invalid_grant",
                        "error_description", "unknown username or wrong password")));
    }
}
