package nl.leerroute.database;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Neo4j Community server that speaks Bolt on the loopback interface only, so that the
 * application's driver talks to it exactly as it would to a remote server.
 */
public final class EmbeddedNeo4jServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jServer.class);

    private final DatabaseManagementService managementService;
    private final URI boltUri;

    private EmbeddedNeo4jServer(DatabaseManagementService managementService, URI boltUri) {
        this.managementService = managementService;
        this.boltUri = boltUri;
    }

    public static EmbeddedNeo4jServer start(Path dataDirectory, int boltPort, String pageCache) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Neo4j data directory " + dataDirectory, e);
        }
        long started = System.nanoTime();
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(dataDirectory)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                // Boot manages Netty 4.2; Neo4j 5.26's in-JVM local channel only works on Netty 4.1.
                .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                // Neo4j's HTTP server needs Jersey 2 / JAXB 2, which clash with Boot's Jakarta stack.
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // Bolt listens on loopback only, so nobody outside this machine can reach it.
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();
        GraphDatabaseAPI database = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        var address = database.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        URI uri = URI.create("bolt://" + address.getHost() + ":" + address.getPort());
        log.info("Embedded Neo4j started in {} ms with data in {}, Bolt at {}",
                (System.nanoTime() - started) / 1_000_000, dataDirectory.toAbsolutePath(), uri);
        return new EmbeddedNeo4jServer(service, uri);
    }

    public URI boltUri() {
        return boltUri;
    }

    /**
     * The database in this JVM, for work that Bolt and Cypher make too slow: writing a national-size
     * seed (see {@code BulkSeedWriter}). Everything else goes through the driver.
     */
    public org.neo4j.graphdb.GraphDatabaseService database() {
        return managementService.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    @Override
    public void close() {
        log.info("Stopping embedded Neo4j");
        managementService.shutdown();
    }
}
