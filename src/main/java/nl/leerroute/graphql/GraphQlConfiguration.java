package nl.leerroute.graphql;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Wiring shared by all features: scalars and the limits every request must keep to. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlLimits.class)
class GraphQlConfiguration {

    static final GraphQLScalarType DATE = GraphQLScalarType.newScalar()
            .name("Date")
            .description("ISO-8601 calendar date")
            .coercing(new Coercing<LocalDate, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof LocalDate date) {
                        return date.toString();
                    }
                    throw new CoercingSerializeException("Not a date: " + value);
                }

                @Override
                public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
                    try {
                        return LocalDate.parse(String.valueOf(input));
                    } catch (DateTimeParseException e) {
                        throw new CoercingParseValueException("'" + input + "' is not a date YYYY-MM-DD");
                    }
                }

                @Override
                public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                        Locale locale) {
                    if (input instanceof StringValue string) {
                        try {
                            return LocalDate.parse(string.getValue());
                        } catch (DateTimeParseException e) {
                            throw new CoercingParseLiteralException("'" + string.getValue() + "' is not a date YYYY-MM-DD");
                        }
                    }
                    throw new CoercingParseLiteralException("A date must be a string YYYY-MM-DD");
                }
            })
            .build();

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(DATE);
    }

    /** Distinct documents kept parsed and validated: the application's own few, with room for other clients'. */
    static final int DOCUMENTS_KEPT = 500;

    @Bean
    DocumentCache documentCache() {
        return new DocumentCache(DOCUMENTS_KEPT);
    }

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocuments(DocumentCache documents) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
    }

    @Bean
    RequestLimits requestLimits(GraphQlLimits limits) {
        return new RequestLimits(limits, Clock.systemUTC());
    }
}
