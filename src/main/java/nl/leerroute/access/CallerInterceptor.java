package nl.leerroute.access;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Puts the {@link Caller} described by the request's token into the GraphQL context, for every field to see. */
@Component
class CallerInterceptor implements WebGraphQlInterceptor {

    private final AuthProperties properties;

    CallerInterceptor(AuthProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Caller caller = authentication instanceof JwtAuthenticationToken jwt
                ? SecurityConfiguration.caller(jwt.getToken(), properties.claims()) : Caller.ANONYMOUS;
        request.configureExecutionInput((input, builder) -> builder
                .graphQLContext(context -> context.put(Caller.CONTEXT_KEY, caller)).build());
        return chain.next(request);
    }
}
