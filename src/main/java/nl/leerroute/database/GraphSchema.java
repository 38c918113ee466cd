package nl.leerroute.database;

import java.util.ArrayList;
import java.util.List;

import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates the graph's constraints and indexes at start-up, idempotently. Neo4j Community has
 * uniqueness constraints only; required properties are checked by the application.
 */
@Component
public class GraphSchema implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(GraphSchema.class);

    /** Every node label that carries an {@code id}. */
    public static final List<String> IDENTIFIED_LABELS = List.of("Place", "Region", "Institution", "Concept",
            "Competency", "LearningOutcome", "Programme", "Minor", "LearningUnit", "Certificate", "Role",
            "LabourMarketFigure", "Person", "Evidence", "SeedImport");

    public static final String FULL_TEXT_INDEX = "catalogue_text";

    private final Driver driver;

    public GraphSchema(Driver driver) {
        this.driver = driver;
    }

    static List<String> statements() {
        List<String> statements = new ArrayList<>();
        for (String label : IDENTIFIED_LABELS) {
            statements.add("CREATE CONSTRAINT " + constraintName(label) + " IF NOT EXISTS FOR (n:" + label
                    + ") REQUIRE n.id IS UNIQUE");
        }
        statements.add("CREATE INDEX programme_croho IF NOT EXISTS FOR (n:Programme) ON (n.croho)");
        statements.add("CREATE INDEX minor_name IF NOT EXISTS FOR (n:Minor) ON (n.nameNl)");
        statements.add("CREATE INDEX unit_kind IF NOT EXISTS FOR (n:LearningUnit) ON (n.kind)");
        statements.add("CREATE INDEX concept_scheme IF NOT EXISTS FOR (n:Concept) ON (n.scheme)");
        statements.add("CREATE INDEX outcome_level IF NOT EXISTS FOR (n:LearningOutcome) ON (n.eqfLevel)");
        statements.add("CREATE INDEX evidence_status IF NOT EXISTS FOR (n:Evidence) ON (n.status)");
        statements.add("CREATE FULLTEXT INDEX " + FULL_TEXT_INDEX + " IF NOT EXISTS "
                + "FOR (n:LearningOutcome|Competency|LearningUnit) "
                + "ON EACH [n.titleNl, n.titleEn, n.nameNl, n.nameEn, n.descriptionNl, n.descriptionEn] "
                + "OPTIONS {indexConfig: {`fulltext.analyzer`: 'dutch'}}");
        return statements;
    }

    private static String constraintName(String label) {
        return label.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase() + "_id";
    }

    @Override
    public void afterPropertiesSet() {
        try (var session = driver.session()) {
            for (String statement : statements()) {
                session.run(statement).consume();
            }
            session.run("CALL db.awaitIndexes(120)").consume();
        }
        log.info("Graph schema ensured ({} statements)", statements().size());
    }
}
