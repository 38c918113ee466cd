package nl.leerroute.access;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.stereotype.Service;

/** Signs short-lived tokens for the demo accounts of the graph, with the claims a real identity provider would send. */
@Service
@ConditionalOnBooleanProperty(name = "leerroute.auth.demo-accounts.enabled", matchIfMissing = true)
public class DemoTokens {

    /** A signed token and how many seconds it is valid. */
    public record Token(String accessToken, long expiresIn) {
    }

    private final Accounts accounts;
    private final JwtEncoder encoder;
    private final PasswordEncoder passwords;
    private final AuthProperties properties;
    /** Compared against when the username is unknown, so that both failures take as long. */
    private final String unknownUserHash;

    DemoTokens(Accounts accounts, JwtEncoder encoder, PasswordEncoder passwords, AuthProperties properties) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.passwords = passwords;
        this.properties = properties;
        this.unknownUserHash = passwords.encode("not a password of anyone");
    }

    /** A token for the account when the password matches its hash. */
    public Optional<Token> signIn(String username, String password) {
        Optional<Accounts.Account> account = username == null ? Optional.empty() : accounts.byUsername(username);
        String hash = account.map(Accounts.Account::passwordHash).orElse(unknownUserHash);
        boolean matches = password != null && hash != null && passwords.matches(password, hash);
        return account.filter(a -> matches).map(a -> issue(a.caller(), properties.demoAccounts().tokenTtl()));
    }

    /** A token for an account by username, without a password: for tests and tools inside the application only. */
    public Token issueFor(String username, Duration ttl) {
        return issue(accounts.byUsername(username).orElseThrow(() -> new IllegalArgumentException(
                "no account " + username)).caller(), ttl);
    }

    /** A token saying what the caller is, without looking anything up: for tests only. */
    public Token issue(Caller account, Duration ttl) {
        Instant now = Instant.now();
        AuthProperties.Claims names = properties.claims();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(properties.demoAccounts().issuer())
                .audience(List.of(properties.demoAccounts().audience()))
                .subject(account.accountId())
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .claim(names.roles(), account.roles().stream().map(Role::name).sorted().toList())
                .claim(names.name(), account.name());
        if (account.personId() != null) {
            claims.claim(names.person(), account.personId());
        }
        if (account.institutionId() != null) {
            claims.claim(names.institution(), account.institutionId());
        }
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
                claims.build())).getTokenValue();
        return new Token(token, ttl.toSeconds());
    }
}
