package nl.leerroute.graphql;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import graphql.ErrorClassification;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.parser.ParserOptions;
import graphql.schema.DataFetcher;

/**
 * Refuses a request that asks for too much before anything runs, and stops one that runs too long:
 * <ul>
 * <li>before parsing: at most {@code max-characters} characters; while parsing: at most {@code max-tokens}
 * tokens (graphql-java's parser stops there and says so);</li>
 * <li>after parsing, before validation: aliases, fields (fragments expanded) and directives per node;</li>
 * <li>after validation (so fragment cycles are already refused): depth and estimated complexity;</li>
 * <li>while running: a field that would start after {@code request-timeout} is not run, and the answer
 * carries a timeout error.</li>
 * </ul>
 * Every refusal names the limit and its property.
 */
class RequestLimits implements Instrumentation {

    /** How Leerroute classifies the errors of refused or stopped requests. */
    enum Refusal implements ErrorClassification {
        /** The request asks for more than a limit allows; nothing ran. */
        LIMIT_EXCEEDED,
        /** The request ran longer than the request timeout. */
        REQUEST_TIMEOUT
    }

    private final GraphQlLimits limits;
    private final Clock clock;
    private final ParserOptions parserOptions;

    RequestLimits(GraphQlLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(options -> options
                .maxTokens(limits.maxTokens()).maxCharacters(limits.maxCharacters()));
    }

    /** When the request must be done, and whether it was stopped. */
    static final class Deadline implements InstrumentationState {
        final Instant at;
        final AtomicBoolean passed = new AtomicBoolean();

        Deadline(Instant at) {
            this.at = at;
        }
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Deadline(clock.instant().plus(limits.requestTimeout()));
    }

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        if (input.getQuery() != null && input.getQuery().length() > limits.maxCharacters()) {
            throw refuse("The document has " + input.getQuery().length() + " characters; at most "
                    + limits.maxCharacters() + " are allowed (leerroute.graphql.max-characters)");
        }
        input.getGraphQLContext().put(ParserOptions.class, parserOptions);
        return input;
    }

    @Override
    public DocumentAndVariables instrumentDocumentAndVariables(DocumentAndVariables documentAndVariables,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        DocumentShape shape = DocumentShape.of(documentAndVariables.getDocument());
        if (shape.aliases() > limits.maxAliases()) {
            throw refuse("The document has " + shape.aliases() + " aliased fields; at most " + limits.maxAliases()
                    + " are allowed (leerroute.graphql.max-aliases)");
        }
        if (shape.fields() > limits.maxFields()) {
            throw refuse("The document selects " + shape.fields() + " fields (fragments expanded); at most "
                    + limits.maxFields() + " are allowed (leerroute.graphql.max-fields)");
        }
        if (shape.mostDirectives() > limits.maxDirectives()) {
            throw refuse("The " + shape.mostDirectivesOn() + " carries " + shape.mostDirectives()
                    + " directives; at most " + limits.maxDirectives() + " are allowed (leerroute.graphql.max-directives)");
        }
        return documentAndVariables;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        String operation = context.getOperationDefinition().getName();
        QueryCost.Cost cost = QueryCost.of(context.getGraphQLSchema(), context.getDocument(), operation,
                context.getCoercedVariables(), limits.assumedListSize());
        int depth = cost.depth();
        if (depth > limits.maxDepth()) {
            throw refuse("The operation is " + depth + " fields deep; at most " + limits.maxDepth()
                    + " are allowed (leerroute.graphql.max-depth)");
        }
        int complexity = cost.complexity();
        if (complexity > limits.maxComplexity()) {
            throw refuse("The operation's estimated complexity is " + (complexity >= QueryCost.CAP ? "over " : "")
                    + complexity + "; at most " + limits.maxComplexity()
                    + " is allowed (leerroute.graphql.max-complexity): ask for smaller pages or fewer nested lists");
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        if (!(state instanceof Deadline deadline) || parameters.isTrivialDataFetcher()) {
            return fetcher;
        }
        return environment -> {
            if (clock.instant().isAfter(deadline.at)) {
                deadline.passed.set(true);
                return DataFetcherResult.newResult().error(GraphqlErrorBuilder.newError(environment)
                        .errorType(Refusal.REQUEST_TIMEOUT).message(timeoutMessage() + "; this field was not run")
                        .build()).build();
            }
            return fetcher.get(environment);
        };
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (state instanceof Deadline deadline && !deadline.passed.get() && clock.instant().isAfter(deadline.at)) {
            // the last field ran past the deadline: its answer stands, but the client learns the request was too slow
            GraphQLError error = GraphqlErrorBuilder.newError().errorType(Refusal.REQUEST_TIMEOUT)
                    .message(timeoutMessage()).build();
            return CompletableFuture.completedFuture(result.transform(r -> r.addErrors(List.of(error))));
        }
        return CompletableFuture.completedFuture(result);
    }

    private String timeoutMessage() {
        return "The request ran longer than " + limits.requestTimeout().toMillis()
                + " ms (leerroute.graphql.request-timeout)";
    }

    private static AbortExecutionException refuse(String message) {
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError().errorType(Refusal.LIMIT_EXCEEDED)
                .message(message + "; nothing was run").build()));
    }
}
