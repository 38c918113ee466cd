package nl.leerroute.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

class EmbeddedNeo4jServerTest {

    @TempDir
    Path dataDirectory;

    @Test
    void shouldKeepDataAcrossARestartInTheSameDirectory() {
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(dataDirectory, 0, "32m");
                Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.none())) {
            assertThat(server.boltUri().getHost()).isEqualTo("127.0.0.1");
            driver.executableQuery("CREATE (:Probe {id: 'kept', value: 42})").execute();
        }
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(dataDirectory, 0, "32m");
                Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.none())) {
            var records = driver.executableQuery("MATCH (p:Probe {id: 'kept'}) RETURN p.value AS value").execute()
                    .records();
            assertThat(records).hasSize(1);
            assertThat(records.get(0).get("value").asInt()).isEqualTo(42);
        }
    }
}
