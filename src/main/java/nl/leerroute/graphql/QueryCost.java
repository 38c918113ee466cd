package nl.leerroute.graphql;

import java.util.concurrent.atomic.AtomicInteger;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.QueryComplexityCalculator;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
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

    /** Nesting of fields: top-level fields are at depth 1. */
    public static int depth(GraphQLSchema schema, Document document, String operationName,
            CoercedVariables variables) {
        AtomicInteger deepest = new AtomicInteger();
        traverser(schema, document, operationName, variables).visitPreOrder(new QueryVisitorStub() {
            @Override
            public void visitField(QueryVisitorFieldEnvironment env) {
                int depth = 1;
                for (QueryVisitorFieldEnvironment p = env.getParentEnvironment(); p != null;
                        p = p.getParentEnvironment()) {
                    depth++;
                }
                deepest.accumulateAndGet(depth, Math::max);
            }
        });
        return deepest.get();
    }

    /**
     * Every field costs 1; what is selected below a list is multiplied by the page asked for
     * ({@code first}; the largest page when it is not given) or, for a plain list, by
     * {@code assumedListSize}. A connection's {@code edges} are the page already counted.
     */
    public static int complexity(GraphQLSchema schema, Document document, String operationName,
            CoercedVariables variables, int assumedListSize) {
        return QueryComplexityCalculator.newCalculator().schema(schema).document(document)
                .operationName(operationName).variables(variables)
                .fieldComplexityCalculator(calculator(assumedListSize)).build().calculate();
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

    private static QueryTraverser traverser(GraphQLSchema schema, Document document, String operationName,
            CoercedVariables variables) {
        return QueryTraverser.newQueryTraverser().schema(schema).document(document).operationName(operationName)
                .coercedVariables(variables).build();
    }
}
