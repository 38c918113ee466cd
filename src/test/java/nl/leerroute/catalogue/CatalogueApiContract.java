package nl.leerroute.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The read API against a database holding the shipped seed. Subclasses decide where that
 * database runs (embedded, or a Neo4j server in a container). Expected values are read from the
 * graph or the masterplan extract, never typed in.
 */
abstract class CatalogueApiContract {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Driver driver;

    List<Record> cypher(String query, Map<String, Object> parameters) {
        return driver.executableQuery(query).withParameters(parameters).execute().records();
    }

    static List<String[]> appendixProgrammes() throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/masterplan/appendix-programmes.txt")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split(" ")).toList();
    }

    @Test
    void shouldFindEveryAppendixProgrammeByItsCrohoCode() throws IOException {
        Map<String, Long> rowsPerCode = appendixProgrammes().stream()
                .collect(Collectors.groupingBy(p -> p[0], Collectors.counting()));
        Map<String, String> levelPerCode = appendixProgrammes().stream()
                .collect(Collectors.toMap(p -> p[0], p -> p[1], (a, b) -> a));
        rowsPerCode.forEach((croho, rows) -> {
            List<Map<String, Object>> programmes = graphQl.documentName("programmesByCroho")
                    .variable("croho", croho).execute().path("programmes").entityList(Map.class).get()
                    .stream().map(m -> (Map<String, Object>) m).toList();
            assertThat(programmes).as("programmes with CROHO %s", croho).hasSize(rows.intValue());
            assertThat(programmes).allSatisfy(p -> {
                assertThat(p.get("level")).isEqualTo(levelPerCode.get(croho));
                assertThat(p.get("provenance")).isEqualTo("masterplan");
                assertThat(((Map<?, ?>) p.get("institution")).get("name")).isNotNull();
                assertThat(((Map<?, ?>) p.get("place")).get("province")).isNotNull();
            });
        });
    }

    @Test
    void shouldShowTheSameCrohoCodeAtTwoInstitutions() {
        graphQl.documentName("programmesByCroho").variable("croho", "30020").execute()
                .path("programmes[*].institution.name").entityList(String.class)
                .satisfies(names -> assertThat(Set.copyOf(names)).hasSizeGreaterThanOrEqualTo(2));
    }

    @Test
    void shouldFindEveryMinorByItsName() {
        List<Record> minors = cypher("MATCH (m:Minor) RETURN m.id AS id, m.nameNl AS name", Map.of());
        assertThat(minors).isNotEmpty();
        for (Record minor : minors) {
            graphQl.documentName("minorsByName").variable("name", minor.get("name").asString().toUpperCase())
                    .execute().path("minors[*].id").entityList(String.class).contains(minor.get("id").asString());
        }
    }

    @Test
    void shouldShowAUnitWithItsOutcomesAndEntryRequirements() {
        Record unit = cypher("MATCH (u:LearningUnit)-[r:REQUIRES_ENTRY]->() WITH u, count(DISTINCT r.group) AS groups "
                + "MATCH (u)-[y:YIELDS]->() RETURN u.id AS id, groups, count(y) AS yields ORDER BY groups DESC, id "
                + "LIMIT 1", Map.of()).get(0);
        GraphQlTester.Response response = graphQl.documentName("learningUnitDetails")
                .variable("id", unit.get("id").asString()).execute();
        response.path("learningUnit.entryRequirements").entityList(Object.class)
                .hasSize(unit.get("groups").asInt());
        response.path("learningUnit.yields").entityList(Object.class).hasSize(unit.get("yields").asInt());
        response.path("learningUnit.yields[*].outcome.competency.tDimension").entityList(String.class)
                .satisfies(dimensions -> assertThat(dimensions).isNotEmpty().allMatch(d -> d.equals("HORIZONTAL")
                        || d.equals("VERTICAL")));
        response.path("learningUnit.provider.name").entity(String.class).satisfies(n -> assertThat(n).isNotBlank());
    }

    @Test
    void shouldAnswerNullForAnUnknownId() {
        graphQl.documentName("learningUnitDetails").variable("id", "no-such-unit").execute()
                .path("learningUnit").valueIsNull();
    }

    @Test
    void shouldShowPeopleWithClaimedAndValidatedEvidence() {
        long people = cypher("MATCH (p:Person) RETURN count(p) AS c", Map.of()).get(0).get("c").asLong();
        GraphQlTester.Response response = graphQl.documentName("peopleWithEvidence").execute();
        response.path("people.edges").entityList(Object.class).hasSize((int) people);
        response.path("people.edges[*].node.evidence[*].status").entityList(String.class)
                .satisfies(statuses -> assertThat(statuses).contains("CLAIMED", "VALIDATED"));
        response.path("people.edges[*].node.evidence[*].asserts[*].level").entityList(Integer.class)
                .satisfies(levels -> assertThat(levels).isNotEmpty().allMatch(l -> l >= 1 && l <= 8));
        response.path("people.edges[*].node.goals[*].__typename").entityList(String.class)
                .satisfies(types -> assertThat(types).isNotEmpty());
    }

    @Test
    void shouldFindAnOutcomeByAWordOfItsDutchTitle() {
        Record outcome = cypher("MATCH (o:LearningOutcome) WHERE size(o.titleNl) > 20 "
                + "RETURN o.id AS id, o.titleNl AS title ORDER BY o.id LIMIT 1", Map.of()).get(0);
        String title = outcome.get("title").asString();
        graphQl.documentName("searchCatalogue").variable("text", title).execute()
                .path("searchCatalogue[*].outcome.id").entityList(String.class).contains(outcome.get("id").asString());
    }

    @Test
    void shouldNotFailOnSearchTextWithLuceneSyntax() {
        graphQl.documentName("searchCatalogue").variable("text", "robot* AND \"(data:").execute()
                .errors().verify().path("searchCatalogue").entityList(Object.class)
                .satisfies(hits -> assertThat(hits).hasSizeLessThanOrEqualTo(20));
    }

    @Test
    void shouldListTheNineTransformationsInOrder() {
        graphQl.documentName("frameworkConcepts").variable("scheme", "TRANSFORMATION").execute()
                .path("frameworkConcepts[*].ordinal").entityList(Integer.class)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void shouldGiveTheMasterplansLabourMarketFiguresPerProvince() {
        graphQl.documentName("labourMarket").variable("region", "Groningen").execute()
                .path("labourMarket[*].region").entityList(String.class)
                .satisfies(regions -> assertThat(regions).isNotEmpty().containsOnly("Groningen"));
    }

    @Test
    void shouldTeachEveryOutcomeThatARoleOrCertificateRequires() {
        GraphQlTester.Response response = graphQl.documentName("rolesAndCertificates").execute();
        response.path("roles").entityList(Object.class).hasSizeGreaterThan(5);
        List<Map<String, Object>> requirements = response.path("roles[*].requires[*]").entityList(Map.class).get()
                .stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(requirements).allSatisfy(requirement -> {
            int level = (Integer) requirement.get("level");
            List<?> taughtBy = (List<?>) ((Map<?, ?>) requirement.get("outcome")).get("taughtBy");
            assertThat(taughtBy).as("units teaching %s", requirement.get("outcome"))
                    .anySatisfy(t -> assertThat((Integer) ((Map<?, ?>) t).get("level")).isGreaterThanOrEqualTo(level));
        });
    }

    @Test
    void shouldPageThroughLearningUnitsWithCursors() {
        List<String> expected = cypher("MATCH (u:LearningUnit) RETURN u.id AS id ORDER BY id LIMIT 25", Map.of())
                .stream().map(r -> r.get("id").asString()).toList();
        GraphQlTester.Response first = graphQl.documentName("learningUnitsPage").variable("first", 10).execute();
        first.path("learningUnits.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        List<String> page1 = first.path("learningUnits.edges[*].node.id").entityList(String.class).get();
        String cursor = first.path("learningUnits.pageInfo.endCursor").entity(String.class).get();
        List<String> page2 = graphQl.documentName("learningUnitsPage").variable("first", 15).variable("after", cursor)
                .execute().path("learningUnits.edges[*].node.id").entityList(String.class).get();
        assertThat(page1).containsExactlyElementsOf(expected.subList(0, 10));
        assertThat(page2).containsExactlyElementsOf(expected.subList(10, 25));
    }

    @Test
    void shouldRefuseAPageLargerThanTheMaximumNamingTheArgument() {
        graphQl.documentName("learningUnitsPage").variable("first", 101).execute()
                .errors().expect(e -> e.getMessage().contains("'first' must be between 1 and 100")).verify();
    }
}
