package nl.leerroute.standards;

import static nl.leerroute.standards.OoapiReaderTest.broken;
import static nl.leerroute.standards.OoapiReaderTest.dump;
import static nl.leerroute.standards.OoapiReaderTest.item;
import static nl.leerroute.standards.OoapiReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import nl.leerroute.GraphSnapshot;
import nl.leerroute.LeerrouteIntegrationTest;
import nl.leerroute.SignedIn;
import nl.leerroute.standards.OoapiImporter.ImportReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/** OOAPI import through the API on the shipped seed: access, all-or-nothing, idempotence, removal; ESCO and EQF. */
@LeerrouteIntegrationTest
class StandardsIntegrationTest {

    static final String IMPORT = """
            mutation($input: ImportOoapiCatalogueInput!) { importOoapiCatalogue(input: $input) {
              institutionId dryRun written created updated unchanged removed
              mapped { path kind leerrouteId note } notMapped { path reason } errors { path message } } }
            """;

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    SignedIn signedIn;

    @Autowired
    Driver driver;

    @Autowired
    OoapiImporter importer;

    @Autowired
    OoapiOnStartup onStartup;

    /** Importing a document with the organisation only removes everything an earlier import of it brought. */
    @AfterEach
    void removeImports() {
        driver.executableQuery("MATCH (e:Evidence) WHERE e.id STARTS WITH 'std-' DETACH DELETE e").execute();
        for (String institution : List.of("hanze", "firda")) {
            String empty = broken(institution, d -> d.keySet().retainAll(List.of("organisation")));
            assertThat(importer.importDocument(institution, empty, false).errors()).isEmpty();
        }
        assertThat(driver.executableQuery("MATCH (n {origin: 'ooapi'}) RETURN count(n) AS n").execute().records()
                .get(0).get("n").asInt()).isZero();
    }

    private GraphQlTester.Response importAs(GraphQlTester tester, String institution, String document, boolean dryRun) {
        return tester.document(IMPORT).variable("input", Map.of("institutionId", institution, "document", document,
                "dryRun", dryRun)).execute();
    }

    private int count(String cypher) {
        return driver.executableQuery(cypher).execute().records().get(0).get(0).asInt();
    }

    @Test
    void shouldLetTheInstitutionsEditorImportItsDocumentAndWriteItAsCatalogue() {
        GraphQlTester.Response response = importAs(signedIn.as("editor.hanze"), "hanze", read(dump("hanze")), false);
        response.path("importOoapiCatalogue.errors").entityList(Object.class).hasSize(0);
        response.path("importOoapiCatalogue.written").entity(Boolean.class).isEqualTo(true);
        response.path("importOoapiCatalogue.created").entity(Integer.class).isEqualTo(9);
        response.path("importOoapiCatalogue.notMapped[*].path").entityList(String.class)
                .contains("$.programmeOfferings", "$.courseOfferings[4]");

        graphQl.document("""
                { learningUnit(id: "ooapi-hanze-siw-data") { kind hours ec costEur mode language startMoments provenance
                    provider { id } place { name } partOf { ... on Minor { id nameEn institution { id } } }
                    yields { level eqfUri outcome { id escoUri } } } }
                """).execute().path("learningUnit").matchesJson("""
                {"kind": "MODULE", "hours": 140, "ec": 5.0, "costEur": 1450.0, "mode": "PART_TIME", "language": "nl",
                 "startMoments": ["2027-02-08", "2027-09-06"], "provenance": "ooapi", "provider": {"id": "hanze"},
                 "place": {"name": "Groningen"},
                 "partOf": {"id": "ooapi-hanze-minor-min-siw", "nameEn": "Smart Industry for working professionals",
                            "institution": {"id": "hanze"}},
                 "yields": [
                   {"level": 6, "eqfUri": "http://data.europa.eu/snb/eqf/6", "outcome": {"id": "lo-data-analysis-python", "escoUri": null}},
                   {"level": 6, "eqfUri": "http://data.europa.eu/snb/eqf/6", "outcome": {"id": "lo-sql-databases",
                    "escoUri": "http://data.europa.eu/esco/skill/75f839c2-fd9a-4ad3-8921-6e734608568d"}}]}
                """);
        graphQl.document("""
                { learningOutcome(id: "ooapi-hanze-lo-siw-lo-efficient") { eqfLevel eqfUri escoUri provenance
                    competency { id } taughtBy { learningUnit { id } } } }
                """).execute().path("learningOutcome").matchesJson("""
                {"eqfLevel": 6, "eqfUri": "http://data.europa.eu/snb/eqf/6",
                 "escoUri": "http://data.europa.eu/esco/skill/7a93e22f-54d8-4bf0-9213-d711f6601b49",
                 "provenance": "ooapi", "competency": {"id": "c-ss-work-smarter"},
                 "taughtBy": [{"learningUnit": {"id": "ooapi-hanze-siw-team"}}]}
                """);
        graphQl.document("{ programme(id: \"prg-30020-hanze-groningen-pt\") { learningUnits { id } } }").execute()
                .path("programme.learningUnits[*].id").entityList(String.class).contains("ooapi-hanze-ict-dt-cloud");

        // the planner sees the new units: the route to an outcome only the import teaches goes through them
        graphQl.document("""
                { planRoute(input: {profile: [], target: {outcomes: [{outcomeId: "ooapi-hanze-lo-ict-lo-cloud-data", level: 6}]}}) {
                    status best { steps { learningUnit { id } } } } }
                """).execute().path("planRoute.status").entity(String.class).isEqualTo("OPTIMAL")
                .path("planRoute.best.steps[*].learningUnit.id").entityList(String.class)
                .contains("ooapi-hanze-ict-dt-cloud");
    }

    @Test
    void shouldChangeNothingWhenTheSameDocumentIsImportedAgain() {
        String revisionBefore = catalogueRevision();
        ImportReport first = importer.importDocument("firda", read(dump("firda")), false);
        assertThat(first.errors()).isEmpty();
        assertThat(first.created()).isEqualTo(5);
        String revisionAfter = catalogueRevision();
        assertThat(revisionAfter).as("other replicas must see the import").isNotNull().isNotEqualTo(revisionBefore);
        List<String> before = GraphSnapshot.of(driver);
        ImportReport second = importer.importDocument("firda", read(dump("firda")), false);
        assertThat(second.errors()).isEmpty();
        assertThat(second.written()).isFalse();
        assertThat(List.of(second.created(), second.updated(), second.removed(), second.unchanged()))
                .containsExactly(0, 0, 0, 5);
        assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
        assertThat(catalogueRevision()).isEqualTo(revisionAfter);
    }

    private String catalogueRevision() {
        return driver.executableQuery(nl.leerroute.database.CatalogueRevision.READ).execute().records().get(0)
                .get("revision").asString(null);
    }

    @Test
    void shouldUpdateAndRemoveWhatTheDocumentChangesAndDrops() {
        assertThat(importer.importDocument("hanze", read(dump("hanze")), false).errors()).isEmpty();
        String changed = broken("hanze", d -> {
            ((List<?>) d.get("courses")).remove(4);
            ((List<?>) d.get("courseOfferings")).remove(6);
            ((List<Map<String, Object>>) item(d, "courseOfferings", 2).get("priceInformation")).get(0)
                    .put("amount", 3100);
        });
        ImportReport dry = importer.importDocument("hanze", changed, true);
        assertThat(List.of(dry.created(), dry.updated(), dry.removed())).containsExactly(0, 1, 1);
        assertThat(count("MATCH (u:LearningUnit {id: 'ooapi-hanze-ot-sec-online'}) RETURN count(u)"))
                .as("a dry run writes nothing").isEqualTo(1);
        ImportReport report = importer.importDocument("hanze", changed, false);
        assertThat(report.errors()).isEmpty();
        assertThat(List.of(report.created(), report.updated(), report.removed(), report.unchanged()))
                .containsExactly(0, 1, 1, 7);
        assertThat(count("MATCH (u:LearningUnit {id: 'ooapi-hanze-ot-sec-online'}) RETURN count(u)")).isZero();
        assertThat(driver.executableQuery("MATCH (u:LearningUnit {id: 'ooapi-hanze-siw-edge'}) RETURN u.costEur")
                .execute().records().get(0).get(0).asDouble()).isEqualTo(3100.0);
        assertThat(count("MATCH (:LearningUnit {id: 'ooapi-hanze-siw-edge'})-[r]->() RETURN count(r)"))
                .as("its relationships were written once, not twice").isEqualTo(4);
    }

    @Test
    void shouldRefuseToDropARecordThatEvidenceUsesAndChangeNothing() {
        assertThat(importer.importDocument("firda", read(dump("firda")), false).errors()).isEmpty();
        driver.executableQuery("""
                MATCH (p:Person {id: 'p-henk-bakker'}), (u:LearningUnit {id: 'ooapi-firda-tr-cobot'})
                CREATE (p)-[:HAS_EVIDENCE]->(e:Evidence {id: 'std-henk-cobot', kind: 'COMPLETED_UNIT', title: 'Cobots',
                        status: 'VALIDATED', provenance: 'illustrative', origin: 'api'})-[:OF_UNIT]->(u)
                """).execute();
        List<String> before = GraphSnapshot.of(driver);
        ImportReport report = importer.importDocument("firda", broken("firda", d -> {
            ((List<?>) d.get("courses")).remove(0);
            ((List<?>) d.get("courseOfferings")).subList(0, 2).clear();
        }), false);
        assertThat(report.errors()).extracting(e -> e.path() + ": " + e.message()).containsExactly("$: "
                + "'ooapi-firda-tr-cobot' came from this institution's earlier import and is not in this document, but "
                + "Evidence of a person uses it (OF_UNIT): keep it in the document, or remove that use first");
        assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
    }

    @Test
    void shouldRefuseABrokenDocumentNamingEachProblemAndChangeNothing() {
        assertThat(importer.importDocument("hanze", read(dump("hanze")), false).errors()).isEmpty();
        List<String> before = GraphSnapshot.of(driver);
        String document = broken("hanze", d -> {
            item(d, "courses", 0).put("studyLoad", List.of(Map.of("studyLoadUnit", "ects", "value", "vijf")));
            item(d, "courses", 1).remove("name");
            item(d, "courses", 2).put("modesOfDelivery", List.of("classroom"));
            item(d, "courseOfferings", 3).put("priceInformation", List.of(Map.of("costType", "total_costs",
                    "amount", 1250, "currency", "USD")));
        });
        importAs(signedIn.as("editor.hanze"), "hanze", document, false)
                .path("importOoapiCatalogue.written").entity(Boolean.class).isEqualTo(false)
                .path("importOoapiCatalogue.errors[*].path").entityList(String.class).contains(
                        "$.courses[0].studyLoad[0].value", "$.courses[1].name", "$.courses[2].modesOfDelivery[0]",
                        "$.courseOfferings[3].priceInformation[0].currency");
        assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
    }

    @Test
    void shouldLetOnlyAnAdminOrTheInstitutionsOwnEditorImport() {
        String hanze = read(dump("hanze"));
        importAs(signedIn.as("editor.firda"), "hanze", hanze, true).errors()
                .expect(e -> e.getErrorType() == ErrorType.FORBIDDEN).verify();
        importAs(signedIn.as("marco"), "hanze", hanze, true).errors()
                .expect(e -> e.getErrorType() == ErrorType.FORBIDDEN).verify();
        importAs(signedIn.anonymous(), "hanze", hanze, true).errors()
                .expect(e -> e.getErrorType() == ErrorType.UNAUTHORIZED).verify();
        importAs(signedIn.as("editor.firda"), "firda", read(dump("firda")), true)
                .path("importOoapiCatalogue.errors").entityList(Object.class).hasSize(0)
                .path("importOoapiCatalogue.created").entity(Integer.class).isEqualTo(5);
        importAs(signedIn.as("admin"), "hanze", hanze, true)
                .path("importOoapiCatalogue.errors").entityList(Object.class).hasSize(0);
        assertThat(count("MATCH (n {origin: 'ooapi'}) RETURN count(n)")).as("only dry runs").isZero();
    }

    @Test
    void shouldImportTheConfiguredDocumentsAtStartUpAndStopOnABrokenOne() throws Exception {
        List<ImportReport> reports = onStartup.importAll(List.of("hanze=graph-seed/ooapi/hanze.json",
                "firda=graph-seed/ooapi/firda.json"));
        assertThat(reports).extracting(ImportReport::created).containsExactly(9, 5);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("firda", ".json");
        java.nio.file.Files.writeString(file, broken("firda", d -> item(d, "courses", 0).put("level", "mbo3")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> onStartup.importAll(List.of("firda=" + file)))
                .hasMessageContaining(file + ": $.courses[0].level: 'mbo3' is not a value of enumerations/level.yaml");
    }

    @Test
    void shouldFindWhatCarriesAnEscoSkill() {
        graphQl.document("""
                { escoConcept(uri: "http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0") {
                    uri competencies { id } outcomes { id eqfLevel eqfUri } } }
                """).execute().path("escoConcept").matchesJson("""
                {"uri": "http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0",
                 "competencies": [{"id": "c-sk-collaboration-teams"}],
                 "outcomes": [{"id": "lo-teamwork-self-steering", "eqfLevel": 3, "eqfUri": "http://data.europa.eu/snb/eqf/3"}]}
                """);
        graphQl.document("{ escoConcept(uri: \"skill/teamwork\") { uri } }").execute().errors()
                .expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().startsWith("uri: must be an "
                        + "ESCO URI")).verify();
    }

    @Test
    void shouldCarryOnlyWellFormedEscoSkillUrisInTheSeed() {
        List<String> uris = driver.executableQuery("MATCH (n) WHERE (n:Competency OR n:LearningOutcome) "
                + "AND n.escoUri IS NOT NULL RETURN n.escoUri AS uri").execute().records().stream()
                .map(r -> r.get("uri").asString()).toList();
        assertThat(uris).hasSize(23).allMatch(u -> OoapiReader.ESCO_SKILL.matcher(u).matches());
    }
}
