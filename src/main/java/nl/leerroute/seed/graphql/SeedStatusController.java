package nl.leerroute.seed.graphql;

import java.util.Map;
import java.util.Optional;

import nl.leerroute.database.GraphReader;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Which seed the graph holds. */
@Controller
class SeedStatusController {

    record SeedStatus(String contentHash, String location, String importedAt) {
    }

    private final GraphReader graph;

    SeedStatusController(GraphReader graph) {
        this.graph = graph;
    }

    @QueryMapping
    Optional<SeedStatus> seedStatus() {
        return graph.one("MATCH (n:SeedImport {id: 'seed'}) RETURN n {.contentHash, .location, "
                + "importedAt: toString(n.importedAt)} AS n", Map.of(),
                n -> new SeedStatus((String) n.get("contentHash"), (String) n.get("location"),
                        (String) n.get("importedAt")));
    }
}
