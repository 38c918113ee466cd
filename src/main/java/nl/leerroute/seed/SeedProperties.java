package nl.leerroute.seed;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where the seed lives and whether it is imported at start-up.
 *
 * @param enabled  false: start without touching the graph's catalogue
 * @param location seed directory
 * @param force    import even when the graph already holds this exact seed (same content hash)
 * @param offlineImport       the seed is loaded into an embedded database that does not exist yet with
 *                            Neo4j's offline importer (false: the start-up import writes it in transactions)
 * @param offlineImportMemory memory outside the heap the offline importer may use
 */
@ConfigurationProperties("leerroute.seed")
public record SeedProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("graph-seed") Path location,
        @DefaultValue("false") boolean force,
        @DefaultValue("true") boolean offlineImport,
        @DefaultValue("2GB") DataSize offlineImportMemory) {
}
