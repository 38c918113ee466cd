package nl.leerroute.seed;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the seed lives and whether it is imported at start-up.
 *
 * @param enabled  false: start without touching the graph's catalogue
 * @param location seed directory
 * @param force    import even when the graph already holds this exact seed (same content hash)
 */
@ConfigurationProperties("leerroute.seed")
public record SeedProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("graph-seed") Path location,
        @DefaultValue("false") boolean force) {
}
