package nl.leerroute.graphql;

import java.util.concurrent.atomic.AtomicInteger;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * Depth and estimated work of one operation of a valid document (fragments expanded), measured the
 * same way for refusing requests and for checking the shipped operations.
 */
public final class QueryCost {

    /** No field counts more than this, so that sums of capped fields cannot overflow. */
    static final int CAP = 1_000_000;

    private QueryCost() {
    }

    /**
     * @param depth nesting of fields: top-level fields are at depth 1 ({@code __typename}, which selects
     *     nothing below it, is not counted)
     * @param complexity every field costs 1; what is selected below a list is multiplied by the page asked
     *     for ({@code first}; the largest page when it is not given) or, for a plain list, by
     *     {@code assumedListSize}. A connection's {@code edges} are the page already counted.
     */
    public record Cost(int depth, int complexity) {
    }

    /** Depth and complexity in one walk over the operation: it is done for every request. */
    public static Cost of(GraphQLSchema schema, Document document, String operationName, CoercedVariables variables,
            int assumedListSize) {
        AtomicInteger deepest = new AtomicInteger();
        FieldComplexityCalculator complexity = calculator(assumedListSize);
        int total = QueryComplexityCalculator.newCalculator().schema(schema).document(document)
                .operationName(operationName).variables(variables)
                .fieldComplexityCalculator((env, childComplexity) -> {
                    int depth = 1;
                    for (FieldComplexityEnvironment p = env.getParentEnvironment(); p != null;
                            p = p.getParentEnvironment()) {
                        depth++;
                    }
                    deepest.accumulateAndGet(depth, Math::max);
                    return complexity.calculate(env, childComplexity);
                }).build().calculate();
        return new Cost(deepest.get(), total);
    }

    static FieldComplexityCalculator calculator(int assumedListSize) {
        return (FieldComplexityEnvironment env, int childComplexity) -> {
            long multiplier = 1;
            GraphQLType type = GraphQLTypeUtil.unwrapNonNull(env.getFieldDefinition().getType());
            boolean connection = GraphQLTypeUtil.unwrapAll(type).getName().endsWith("Connection");
            if (connection || env.getArguments().containsKey("first")) {
                multiplier = env.getArguments().get("first") instanceof Number first ? first.longValue()
                        : Pages.MAX_PAGE;
            } else if (GraphQLTypeUtil.isList(type) && !env.getParentType().getName().endsWith("Connection")) {
                multiplier = assumedListSize;
            }
            return (int) Math.min(CAP, 1 + childComplexity * Math.max(1, multiplier));
        };
    }
}
