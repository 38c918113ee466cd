package nl.leerroute.seed;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Imports the configured seed before the application reports itself ready, after the schema runner ({@code GraphSchema.ORDER}). */
@Component
@Order(0)
class SeedOnStartup implements ApplicationRunner {

    private final SeedImporter importer;
    private final SeedProperties properties;

    SeedOnStartup(SeedImporter importer, SeedProperties properties) {
        this.importer = importer;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.enabled()) {
            importer.importSeed(properties.location(), properties.force());
        }
    }
}
