package nl.leerroute.skillslabs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import nl.leerroute.LeerrouteIntegrationTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Skillslabs as Learning Factories, their links and filters, checked against the graph by Cypher. */
@LeerrouteIntegrationTest
class SkillslabsIntegrationTest {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Driver driver;

    private List<String> ids(String filter) {
        return graphQl.document("{ skillslabs(filter: " + filter + ") { id } }").execute().path("skillslabs[*].id")
                .entityList(String.class).get();
    }

    private List<String> cypher(String query) {
        return driver.executableQuery(query).execute().records().stream().map(r -> r.get("id").asString()).toList();
    }

    @SuppressWarnings("unchecked")
    @Test
    void shouldProfileEverySkillslabOnTheSixDimensionsWithTheMasterplansAspects() {
        List<Map<String, Object>> labs = graphQl.document("""
                { skillslabs { id fieldlab { kind } place { name }
                  profile { dimension { id } aspects { aspect nameNl value } } } }""").execute().path("skillslabs")
                .entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(labs).hasSize(4);
        for (Map<String, Object> lab : labs) {
            assertThat(((Map<?, ?>) lab.get("fieldlab")).get("kind")).isEqualTo("FIELDLAB");
            List<Map<String, Object>> profile = (List<Map<String, Object>>) lab.get("profile");
            assertThat(profile).extracting(d -> (Object) ((Map<?, ?>) d.get("dimension")).get("id")).containsExactly(
                    "lf-business-model", "lf-purpose", "lf-process", "lf-setting", "lf-product",
                    "lf-didactic-concept");
            // the masterplan's aspects per dimension: 3, 5, 6, 3, 5 and 7
            assertThat(profile).extracting(d -> ((List<?>) d.get("aspects")).size()).containsExactly(3, 5, 6, 3, 5,
                    7);
            assertThat((List<Map<String, Object>>) profile.get(5).get("aspects")).extracting(a -> a.get("nameNl"))
                    .containsExactly("Competenties", "Leerdoel", "Werkvormen", "Leerstrategie", "Aantal deelnemers",
                            "Tijd", "Toetsing");
            assertThat(profile).flatExtracting(d -> (List<Map<String, Object>>) d.get("aspects"))
                    .allSatisfy(a -> assertThat((String) a.get("value")).isNotBlank());
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void shouldLinkTheHostingFieldlabsAssignmentsAndTheHighestLevelTheyYield() {
        Map<String, Object> lab = graphQl.document("""
                { skillslab(id: "sl-icd-smart-maintenance") { fieldlab { id } assignments { id }
                  outcomes { level outcome { id } } workForms { id } } }""").execute().path("skillslab")
                .entity(Map.class).get();
        assertThat(((Map<?, ?>) lab.get("fieldlab")).get("id")).isEqualTo("fl-icd");
        List<String> fromGraph = cypher("""
                MATCH (u:LearningUnit {kind: 'SKILLSLAB'})-[:PROVIDED_BY]->(:Institution {id: 'fl-icd'})
                RETURN u.id AS id ORDER BY id""");
        assertThat((List<Map<String, Object>>) lab.get("assignments")).extracting(a -> a.get("id"))
                .containsExactlyElementsOf(fromGraph);
        List<Map<String, Object>> outcomes = (List<Map<String, Object>>) lab.get("outcomes");
        var expected = driver.executableQuery("""
                MATCH (:Institution {id: 'fl-icd'})<-[:PROVIDED_BY]-(u:LearningUnit {kind: 'SKILLSLAB'})
                      -[y:YIELDS]->(o:LearningOutcome)
                RETURN o.id AS id, max(y.level) AS level ORDER BY id""").execute().records();
        assertThat(outcomes).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(((Map<?, ?>) outcomes.get(i).get("outcome")).get("id"))
                    .isEqualTo(expected.get(i).get("id").asString());
            assertThat(outcomes.get(i).get("level")).isEqualTo(expected.get(i).get("level").asInt());
        }
        assertThat((List<Map<String, Object>>) lab.get("workForms")).extracting(w -> w.get("id"))
                .contains("wf-learning-by-doing");
    }

    @Test
    void shouldFindWhereToLearnByDoingPerProvinceAndSubject() {
        assertThat(ids("{province: \"Drenthe\"}")).containsExactlyElementsOf(cypher("""
                MATCH (s:Skillslab)-[:IN_PLACE]->(:Place {province: 'Drenthe'}) RETURN s.id AS id ORDER BY id"""))
                .isNotEmpty();
        List<String> robotics = cypher("""
                MATCH (s:Skillslab)-[:USES_WORK_FORM]->(:Concept {id: 'wf-learning-by-doing'})
                WHERE EXISTS { (s)-[:OFFERS]->()-[:YIELDS]->(o:LearningOutcome)-[:BELONGS_TO]->(c:Competency)
                               WHERE toLower(o.titleEn + o.titleNl + c.nameEn + c.nameNl) CONTAINS 'robot' }
                RETURN s.id AS id ORDER BY id""");
        assertThat(ids("{learns: \"Robot\", workFormId: \"wf-learning-by-doing\"}")).containsExactlyElementsOf(robotics)
                .containsExactly("sl-icd-smart-maintenance");
        // robotics by doing in Drenthe: none of its skillslabs teaches it (an honest empty answer)
        assertThat(ids("{province: \"Drenthe\", learns: \"robot\", workFormId: \"wf-learning-by-doing\"}")).isEmpty();
        assertThat(ids("{province: \"Drenthe\", learns: \"additive\", workFormId: \"wf-learning-by-doing\"}"))
                .containsExactly("sl-b3d-binder-jetting", "sl-ta-additive");
        assertThat(ids("{competencyId: \"c-i40-network-security\"}")).containsExactly("sl-5g-connectivity");
        assertThat(ids("{outcomeId: \"lo-binder-jetting\"}")).containsExactly("sl-b3d-binder-jetting");
        assertThat(ids("{aspects: [{aspect: SETTING_LEARNING_ENVIRONMENT, contains: \"HYBRID\"}]}"))
                .containsExactly("sl-5g-connectivity");
        assertThat(ids("{aspects: [{aspect: SETTING_LEARNING_ENVIRONMENT, contains: \"physical\"}, "
                + "{aspect: PRODUCT_MARKETABILITY, contains: \"delivered\"}]}"))
                .containsExactly("sl-b3d-binder-jetting", "sl-ta-additive");
        assertThat(ids("{fieldlabId: \"fl-5g-groningen\", place: \"Groningen\"}")).containsExactly(
                "sl-5g-connectivity");
    }
}
