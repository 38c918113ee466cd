package nl.leerroute.database;

import java.nio.file.Path;

/**
 * Work on the embedded database's files before it starts for the first time: the offline load of
 * a national-size seed, which only a database that does not exist yet can take.
 */
@FunctionalInterface
public interface InitialLoad {

    /** @param dataDirectory the embedded database's home; called on every start, before it starts */
    void beforeStart(Path dataDirectory);
}
