package nl.leerroute.access;

import java.util.concurrent.CompletionStage;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.PropertyDataFetcher;
import org.springframework.stereotype.Component;

/**
 * Applies access rules to every field fetched: the operation's rule ({@link OperationRules}; none
 * means ADMIN only) on fields of Query and Mutation, a read check on every field of a {@code Person}
 * (however it was reached), and hides which person's evidence still uses a catalogue record.
 */
@Component
class AccessGuard extends SimplePerformantInstrumentation {

    private final Access access;
    private final OperationRules rules;

    AccessGuard(Access access, OperationRules rules) {
        this.access = access;
        this.rules = rules;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
            InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return environment -> fetch(dataFetcher, environment);
    }

    private Object fetch(DataFetcher<?> dataFetcher, DataFetchingEnvironment environment) throws Exception {
        if (!(environment.getParentType() instanceof GraphQLObjectType parent)
                || environment.getFieldDefinition().getName().startsWith("__")) {
            return dataFetcher.get(environment);
        }
        GraphQLSchema schema = environment.getGraphQLSchema();
        String field = environment.getFieldDefinition().getName();
        if (parent == schema.getQueryType() || parent == schema.getMutationType()) {
            Request request = new Request(environment, access);
            Rule rule = rules.rule(parent.getName(), field).orElse(OperationRules.UNDECIDED);
            rule.check(request);
            Object result = dataFetcher.get(environment);
            if (result instanceof CompletionStage<?> stage) {
                return stage.thenApply(value -> {
                    rule.after(request, value);
                    return value;
                });
            }
            rule.after(request, result);
            return result;
        }
        if (parent.getName().equals("Person")) {
            Object id = PropertyDataFetcher.fetching("id").get(environment);
            new Request(environment, access).read(String.valueOf(id));
        }
        if (parent.getName().equals("Usage") && (field.equals("name") || field.equals("id"))
                && "EVIDENCE".equals(PropertyDataFetcher.fetching("kind").get(environment))
                && !Request.callerOf(environment.getGraphQlContext()).has(Role.ADMIN)) {
            return field.equals("name") ? "a person's evidence" : "hidden";
        }
        return dataFetcher.get(environment);
    }
}
