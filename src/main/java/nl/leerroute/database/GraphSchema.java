package nl.leerroute.database;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the graph's constraints and indexes at start-up, idempotently: as the first runner after
 * the context is up (not while it is built, so the context is built while the embedded database
 * starts), before the seed import and before the application reports ready. Neo4j Community has
 * uniqueness constraints only; required properties are checked by the application.
 */
@Component
@Order(GraphSchema.ORDER)
public class GraphSchema implements ApplicationRunner {

    /** Before the seed import ({@code @Order(0)}). */
    public static final int ORDER = -10;

    private static final Logger log = LoggerFactory.getLogger(GraphSchema.class);

    /** Every node label that carries an {@code id}. */
    public static final List<String> IDENTIFIED_LABELS = List.of("Place", "Region", "Institution", "Concept",
            "Competency", "LearningOutcome", "Programme", "Minor", "LearningUnit", "Certificate", "Role",
            "LabourMarketFigure", "Person", "Evidence", "SavedPlan", "SeedImport", "Synonym", "Account", "Consent",
            "AccessLogEntry", "FundingScheme", "Skillslab", "TransformationRequirement", "Employment",
            "EmployerConsent", "Team");

    public static final String FULL_TEXT_INDEX = "catalogue_text";

    /** Outcomes and competencies only, so that suggestions from text get outcome candidates, not units. */
    public static final String OUTCOME_TEXT_INDEX = "outcome_text";

    /** Populating the indexes of an 11-million-node graph takes minutes, not the usual seconds. */
    private static final long AWAIT_INDEXES_SECONDS = 3_600;

    private final Driver driver;

    public GraphSchema(Driver driver) {
        this.driver = driver;
    }

    /** Index or constraint name -> the statement that creates it. */
    static Map<String, String> statements() {
        Map<String, String> statements = new LinkedHashMap<>();
        for (String label : IDENTIFIED_LABELS) {
            String name = constraintName(label);
            statements.put(name, "CREATE CONSTRAINT " + name + " IF NOT EXISTS FOR (n:" + label
                    + ") REQUIRE n.id IS UNIQUE");
        }
        statements.put("programme_croho", "CREATE INDEX programme_croho IF NOT EXISTS FOR (n:Programme) ON (n.croho)");
        statements.put("minor_name", "CREATE INDEX minor_name IF NOT EXISTS FOR (n:Minor) ON (n.nameNl)");
        statements.put("unit_kind", "CREATE INDEX unit_kind IF NOT EXISTS FOR (n:LearningUnit) ON (n.kind)");
        statements.put("concept_scheme", "CREATE INDEX concept_scheme IF NOT EXISTS FOR (n:Concept) ON (n.scheme)");
        statements.put("outcome_level",
                "CREATE INDEX outcome_level IF NOT EXISTS FOR (n:LearningOutcome) ON (n.eqfLevel)");
        statements.put("account_username",
                "CREATE CONSTRAINT account_username IF NOT EXISTS FOR (n:Account) REQUIRE n.username IS UNIQUE");
        statements.put("catalogue_revision", "CREATE CONSTRAINT catalogue_revision IF NOT EXISTS "
                + "FOR (n:CatalogueRevision) REQUIRE n.id IS UNIQUE");
        statements.put("evidence_status", "CREATE INDEX evidence_status IF NOT EXISTS FOR (n:Evidence) ON (n.status)");
        statements.put(FULL_TEXT_INDEX, "CREATE FULLTEXT INDEX " + FULL_TEXT_INDEX + " IF NOT EXISTS "
                + "FOR (n:LearningOutcome|Competency|LearningUnit) "
                + "ON EACH [n.titleNl, n.titleEn, n.nameNl, n.nameEn, n.descriptionNl, n.descriptionEn] "
                + "OPTIONS {indexConfig: {`fulltext.analyzer`: 'dutch'}}");
        statements.put(OUTCOME_TEXT_INDEX, "CREATE FULLTEXT INDEX " + OUTCOME_TEXT_INDEX + " IF NOT EXISTS "
                + "FOR (n:LearningOutcome|Competency) "
                + "ON EACH [n.titleNl, n.titleEn, n.nameNl, n.nameEn, n.descriptionNl, n.descriptionEn] "
                + "OPTIONS {indexConfig: {`fulltext.analyzer`: 'dutch'}}");
        return statements;
    }

    private static String constraintName(String label) {
        return label.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase() + "_id";
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure();
    }

    public void ensure() {
        try (var session = driver.session()) {
            // Only missing ones: each schema statement costs a query plan, which is slow on a cold start.
            Set<String> existing = new HashSet<>(session.run("SHOW INDEXES YIELD name RETURN collect(name) AS names")
                    .single().get("names").asList(Value::asString));
            List<String> missing = statements().entrySet().stream()
                    .filter(e -> !existing.contains(e.getKey())).map(Map.Entry::getValue).toList();
            // One transaction: Neo4j then populates all new indexes in one scan of the store instead
            // of one scan each, which is what a first start on a bulk-loaded national graph waits for.
            if (!missing.isEmpty()) {
                session.executeWriteWithoutResult(tx -> missing.forEach(statement -> tx.run(statement).consume()));
                session.run("CALL db.awaitIndexes($seconds)", Map.of("seconds", AWAIT_INDEXES_SECONDS)).consume();
            }
            log.info("Graph schema ensured ({} of {} indexes and constraints created)", missing.size(),
                    statements().size());
        }
    }
}
