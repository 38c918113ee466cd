package nl.leerroute.catalogue;

import nl.leerroute.SignedIn;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The same read API suite against a Neo4j 5.26 server in a container, as in a docker-compose
 * deployment. Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = "leerroute.neo4j.embedded.enabled=false")
@AutoConfigureGraphQlTester
@Import(SignedIn.Configuration.class)
class CatalogueApiOnNeo4jServerIntegrationTest extends CatalogueApiContract {

    @Container
    @ServiceConnection
    static final Neo4jContainer NEO4J = new Neo4jContainer("neo4j:5.26-community").withoutAuthentication();
}
