package nl.leerroute.graphql;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one GraphQL request may ask for. Every shipped operation in {@code frontend-schema/operations}
 * stays within the defaults (a test checks it); a request beyond a limit is refused before anything runs.
 *
 * @param maxDepth       nesting of fields, counting from the operation's top-level fields (1)
 * @param maxComplexity  estimated work: every field costs 1, and the cost below a list is multiplied by
 *                       the page size asked for ({@code first}, or the largest page when not known) or by
 *                       {@code assumedListSize} for plain lists
 * @param assumedListSize how many items a plain list is assumed to have when estimating complexity
 * @param maxAliases     aliased fields in one document
 * @param maxFields      field selections written in one document (repeating a field counts every time)
 * @param maxDirectives  directives on one field, fragment spread or inline fragment
 * @param maxTokens      grammar tokens of the document (graphql-java's parser stops beyond it)
 * @param maxCharacters  characters of the document (graphql-java's parser stops beyond it)
 * @param requestTimeout how long one request may run; fields that would start later are not run and
 *                       the request answers with a timeout error
 */
@ConfigurationProperties("leerroute.graphql")
public record GraphQlLimits(
        @DefaultValue("12") int maxDepth,
        @DefaultValue("200000") int maxComplexity,
        @DefaultValue("10") int assumedListSize,
        @DefaultValue("30") int maxAliases,
        @DefaultValue("500") int maxFields,
        @DefaultValue("5") int maxDirectives,
        @DefaultValue("5000") int maxTokens,
        @DefaultValue("20000") int maxCharacters,
        @DefaultValue("30s") Duration requestTimeout) {

    public GraphQlLimits {
        if (maxDepth < 1 || maxComplexity < 1 || assumedListSize < 1 || maxAliases < 0 || maxFields < 1
                || maxDirectives < 0 || maxTokens < 1 || maxCharacters < 1) {
            throw new IllegalArgumentException("leerroute.graphql limits must be positive");
        }
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("leerroute.graphql.request-timeout must be positive");
        }
    }

}
