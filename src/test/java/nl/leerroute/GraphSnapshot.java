package nl.leerroute;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.neo4j.driver.Driver;

/** The whole graph (but the import and revision bookkeeping and the access log) as sorted lines, to compare two states exactly. */
public final class GraphSnapshot {

    private GraphSnapshot() {
    }

    public static List<String> of(Driver driver) {
        List<String> lines = new ArrayList<>();
        driver.executableQuery("MATCH (n) WHERE NOT n:SeedImport AND NOT n:CatalogueRevision AND NOT n:AccessLogEntry "
                + "RETURN labels(n) AS labels, properties(n) AS p")
                .execute().records().forEach(r -> lines.add("node " + r.get("labels").asList() + " "
                        + new TreeMap<>(r.get("p").asMap())));
        driver.executableQuery("MATCH (a)-[r]->(b) WHERE NOT a:AccessLogEntry "
                + "RETURN labels(a)[0] + ':' + a.id AS a, type(r) AS type, "
                + "labels(b)[0] + ':' + b.id AS b, properties(r) AS p").execute().records()
                .forEach(r -> lines.add("rel " + r.get("a").asString() + " -" + r.get("type").asString() + "-> "
                        + r.get("b").asString() + " " + new TreeMap<>(r.get("p").asMap())));
        lines.sort(null);
        return lines;
    }
}
