package nl.leerroute.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Turns exceptions into GraphQL errors: bad arguments say what is wrong; anything unexpected is
 * logged and reported without a stack trace or Cypher text.
 */
@Component
class GraphQlExceptionResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlExceptionResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
        if (exception instanceof IllegalArgumentException) {
            return GraphqlErrorBuilder.newError(environment).errorType(ErrorType.BAD_REQUEST)
                    .message(exception.getMessage()).build();
        }
        log.error("Unexpected failure in {}", environment.getExecutionStepInfo().getPath(), exception);
        return GraphqlErrorBuilder.newError(environment).errorType(ErrorType.INTERNAL_ERROR)
                .message("Internal error; it has been logged").build();
    }
}
