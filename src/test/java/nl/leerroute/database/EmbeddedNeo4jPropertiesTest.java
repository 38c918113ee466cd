package nl.leerroute.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class EmbeddedNeo4jPropertiesTest {

    @Test
    void shouldKeepTheDatabaseInTheUsersHomeByDefault() {
        EmbeddedNeo4jProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("leerroute.neo4j.embedded", EmbeddedNeo4jProperties.class);
        assertThat(properties.dataDirectory())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".leerroute", "neo4j"));
        assertThat(properties.dataDirectory().isAbsolute()).isTrue();
        assertThat(properties.enabled()).isTrue();
        assertThat(properties.boltPort()).isZero();
    }

    @Test
    void shouldTakeAConfiguredDirectory() {
        EmbeddedNeo4jProperties properties = new Binder(new MapConfigurationPropertySource(
                Map.of("leerroute.neo4j.embedded.data-directory", "/var/lib/leerroute")))
                .bindOrCreate("leerroute.neo4j.embedded", EmbeddedNeo4jProperties.class);
        assertThat(properties.dataDirectory()).isEqualTo(Path.of("/var/lib/leerroute"));
    }
}
