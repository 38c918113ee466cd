package nl.leerroute.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaPrinter;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import nl.leerroute.LeerrouteIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * frontend-schema/ is the contract front ends generate code from: the schema as served, and the
 * operations each user story needs, each valid against it.
 * Run with {@code -Dleerroute.update-frontend-schema=true} to rewrite the schema file.
 */
@LeerrouteIntegrationTest
class FrontendSchemaIntegrationTest {

    static final Path SCHEMA_FILE = Path.of("frontend-schema/schema.graphqls");
    static final Path OPERATIONS = Path.of("frontend-schema/operations");

    @Autowired
    GraphQlSource graphQlSource;

    static String print(GraphQLSchema schema) {
        return new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
                .includeDirectives(false)
                .includeSchemaDefinition(false)
                .includeScalarTypes(true)
                .includeIntrospectionTypes(false)).print(schema);
    }

    @Test
    void shouldPublishExactlyTheSchemaTheServerServes() throws IOException {
        String served = print(graphQlSource.schema());
        if (Boolean.getBoolean("leerroute.update-frontend-schema")) {
            Files.writeString(SCHEMA_FILE, served, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(SCHEMA_FILE))
                .as("frontend-schema/schema.graphqls is out of date: see frontend-schema/README.md")
                .isEqualTo(served);
    }

    @Test
    void shouldKeepEveryPublishedOperationValidAgainstTheSchema() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(OPERATIONS)) {
            files = walk.filter(f -> f.toString().endsWith(".graphql")).sorted().toList();
        }
        assertThat(files).extracting(f -> OPERATIONS.relativize(f).getName(0).toString())
                .contains("worker", "advisor", "institution");
        for (Path file : files) {
            Document document = Parser.parse(Files.readString(file));
            List<ValidationError> errors = new Validator().validateDocument(graphQlSource.schema(), document,
                    Locale.ENGLISH);
            assertThat(errors).as("validation errors in %s", file).isEmpty();
        }
    }
}
