package nl.leerroute.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the in-process Neo4j that starts when no {@code spring.neo4j.uri} is configured.
 *
 * @param enabled       false switches the embedded database off even without a URI (then Boot's
 *                      default URI applies)
 * @param dataDirectory where the database lives; kept across restarts, so it defaults to
 *                      {@code ~/.leerroute/neo4j} rather than the build or working directory
 * @param boltPort      0 picks a free port; the chosen one is logged
 * @param pageCache     page cache size in Neo4j's notation, e.g. {@code 256m}
 */
@ConfigurationProperties("leerroute.neo4j.embedded")
public record EmbeddedNeo4jProperties(
        @DefaultValue("true") boolean enabled,
        Path dataDirectory,
        @DefaultValue("0") int boltPort,
        @DefaultValue("256m") String pageCache) {

    public EmbeddedNeo4jProperties {
        if (dataDirectory == null) {
            dataDirectory = Path.of(System.getProperty("user.home"), ".leerroute", "neo4j");
        }
    }
}
