package nl.leerroute.database;

/**
 * The catalogue's revision: one node whose value changes in the transaction of every change to the catalogue
 * (seed import, OOAPI import, catalogue edits). An instance remembers the revision its planner snapshot was
 * built from and rebuilds when the graph says otherwise, so replicas sharing one Neo4j pick up a change that
 * another replica made.
 */
public final class CatalogueRevision {

    /** Run inside the transaction that changes the catalogue. */
    public static final String BUMP = "MERGE (r:CatalogueRevision {id: 'catalogue'}) "
            + "SET r.revision = randomUUID(), r.changedAt = datetime()";

    /**
     * One row, {@code revision}: null until the catalogue first changes after the first load. Read through the
     * node's property map: a plain {@code r.revision} makes Neo4j warn on every check until the key first exists.
     */
    public static final String READ = "OPTIONAL MATCH (r:CatalogueRevision {id: 'catalogue'}) "
            + "RETURN properties(r)['revision'] AS revision";

    private CatalogueRevision() {
    }
}
