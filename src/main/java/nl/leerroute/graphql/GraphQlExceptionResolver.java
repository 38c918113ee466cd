package nl.leerroute.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Turns exceptions into GraphQL errors: bad arguments say what is wrong; a database that cannot be
 * reached is said to be so (the driver gives up within its connection and retry timeouts); anything
 * unexpected is logged and reported without a stack trace or Cypher text.
 */
@Component
class GraphQlExceptionResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlExceptionResolver.class);

    /** Failures that are not the client's fault nor a bug. */
    enum Unavailable implements ErrorClassification {
        /** Neo4j cannot be reached; the request may be retried when it is back. */
        DATABASE_UNAVAILABLE
    }

    static boolean databaseUnreachable(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ServiceUnavailableException || t instanceof SessionExpiredException
                    || t instanceof DataAccessResourceFailureException) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
        if (exception instanceof IllegalArgumentException) {
            return GraphqlErrorBuilder.newError(environment).errorType(ErrorType.BAD_REQUEST)
                    .message(exception.getMessage()).build();
        }
        if (databaseUnreachable(exception)) {
            log.warn("Database unreachable in {}: {}", environment.getExecutionStepInfo().getPath(), exception.toString());
            return GraphqlErrorBuilder.newError(environment).errorType(Unavailable.DATABASE_UNAVAILABLE)
                    .message("The database cannot be reached right now; try again shortly").build();
        }
        log.error("Unexpected failure in {}", environment.getExecutionStepInfo().getPath(), exception);
        return GraphqlErrorBuilder.newError(environment).errorType(ErrorType.INTERNAL_ERROR)
                .message("Internal error; it has been logged").build();
    }
}
