package nl.leerroute.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class FrontendSchemaTest {

    @Test
    void shouldPublishExactlyTheSchemaTheServerLoads() throws IOException {
        StringBuilder served = new StringBuilder();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/graphql"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).sorted().toList()) {
                served.append(Files.readString(file)).append('\n');
            }
        }
        assertThat(Files.readString(Path.of("frontend-schema/schema.graphqls")))
                .as("frontend-schema/schema.graphqls is out of date: see frontend-schema/README.md")
                .isEqualTo(served.toString());
    }
}
