package nl.leerroute.standards;

import java.util.List;
import java.util.Map;

import nl.leerroute.catalogue.Competency;
import nl.leerroute.catalogue.LearningOutcome;
import nl.leerroute.database.GraphReader;
import org.springframework.stereotype.Service;

/** Looks records up by the ESCO skill URI they carry. */
@Service
public class EscoConcepts {

    /** What Leerroute holds for one ESCO concept. */
    public record EscoConcept(String uri, List<Competency> competencies, List<LearningOutcome> outcomes) {
    }

    private final GraphReader graph;

    EscoConcepts(GraphReader graph) {
        this.graph = graph;
    }

    public EscoConcept lookup(String uri) {
        if (uri == null || !uri.startsWith("http://data.europa.eu/esco/")) {
            throw new IllegalArgumentException("uri: must be an ESCO URI (http://data.europa.eu/esco/...), got '"
                    + uri + "'");
        }
        Map<String, Object> params = Map.of("uri", uri);
        return new EscoConcept(uri,
                graph.list("MATCH (n:Competency {escoUri: $uri}) RETURN n {.*} AS n ORDER BY n.id", params,
                        Competency::of),
                graph.list("MATCH (n:LearningOutcome {escoUri: $uri}) RETURN n {.*} AS n ORDER BY n.id", params,
                        LearningOutcome::of));
    }
}
