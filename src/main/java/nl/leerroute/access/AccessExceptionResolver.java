package nl.leerroute.access;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/** Refusals become GraphQL errors classified UNAUTHORIZED (no sign-in) or FORBIDDEN; before the generic resolver. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessExceptionResolver extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
        if (exception instanceof AccessRefusedException refused) {
            return GraphqlErrorBuilder.newError(environment)
                    .errorType(refused.unauthenticated() ? ErrorType.UNAUTHORIZED : ErrorType.FORBIDDEN)
                    .message(refused.getMessage()).build();
        }
        return null;
    }
}
