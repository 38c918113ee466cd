package nl.leerroute.seed;

import java.nio.file.Path;

import nl.leerroute.database.InitialLoad;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * On the very first start of the embedded database, the seed is loaded with Neo4j's offline importer
 * ({@link OfflineSeedImport}) before the database starts; the start-up import then finds it in the graph
 * (same content hash) and writes nothing. Even the shipped seed loads this way: the load runs on the
 * database's start thread while Spring builds the context, and spares the first start the cold-JVM Cypher
 * of a transactional import (about 3 s less to ready). Later
 * seeds replace it in transactional batches ({@link BulkSeedWriter}). Registered in
 * {@code META-INF/spring.factories}: the database's starter runs before any bean exists.
 */
public final class InitialSeedLoad implements InitialLoad {

    private final SeedProperties seed;

    public InitialSeedLoad(Environment environment) {
        this.seed = Binder.get(environment).bindOrCreate("leerroute.seed", SeedProperties.class);
    }

    @Override
    public void beforeStart(Path dataDirectory) {
        loadIfFirstStart(seed, dataDirectory, 0);
    }

    /**
     * @return whether the seed was loaded (a seed larger than {@code minimumBytes}, no database yet); an empty or
     *         missing seed directory is left to the start-up import, which names what is missing
     */
    static boolean loadIfFirstStart(SeedProperties seed, Path dataDirectory, long minimumBytes) {
        if (!seed.enabled() || !seed.offlineImport() || SeedImporter.filesBytes(seed.location()) <= minimumBytes
                || OfflineSeedImport.databaseExists(dataDirectory)) {
            return false;
        }
        OfflineSeedImport.load(seed.location(), dataDirectory, seed.offlineImportMemory().toBytes(), null);
        return true;
    }
}
