package nl.leerroute.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.leerroute.LeerrouteIntegrationTest;
import nl.leerroute.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A certificate as an Open Badges 3.0 credential: refused with what is missing until every required outcome
 * is credited, then checked against every property and type the OB 3.0 AchievementCredential JSON schema
 * requires (1EdTech/openbadges-specification, docs/schema/achievementcredential.json, read at commit
 * e0fdb03dfe8e710508d690ba6d612d0b913e3ac8; that schema still requires the VC 1.1 {@code issuanceDate},
 * which the VC 2.0 data model of OB 3.0's final context 3.0.3 replaces by {@code validFrom}).
 */
@LeerrouteIntegrationTest
class OpenBadgeIntegrationTest {

    static final String CERTIFICATE = "cert-mbo-robot-operator";
    static final String BADGE = """
            query($person: ID!, $certificate: ID!) { certificateBadge(personId: $person, certificateId: $certificate) {
              complete credential message certificate { id } missing { neededLevel creditedLevel outcome { id } } } }
            """;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    SignedIn signedIn;

    @Autowired
    Driver driver;

    private String person;

    @AfterEach
    void removePerson() {
        if (person != null) {
            driver.executableQuery("MATCH (p:Person {id: $id}) OPTIONAL MATCH (p)-[:HAS_EVIDENCE]->(e) "
                    + "OPTIONAL MATCH (p)-[:GRANTED]->(c) DETACH DELETE p, e, c")
                    .withParameters(Map.of("id", person)).execute();
        }
    }

    /** A person with a claim of every outcome the certificate requires, at its level (returns the evidence id). */
    private String personClaimingTheCertificate() {
        person = graphQl.document("mutation { createPerson(input: {name: \"Sietske Hoekstra\", birthYear: 1979, "
                + "place: \"Emmen\", education: \"MBO_2\"}) { person { id } } }").execute()
                .path("createPerson.person.id").entity(String.class).get();
        List<Map<String, Object>> asserts = driver.executableQuery("MATCH (:Certificate {id: $id})-[r:REQUIRES]->(o) "
                + "RETURN o.id AS outcomeId, r.level AS level ORDER BY outcomeId").withParameters(Map.of("id",
                        CERTIFICATE)).execute().records().stream().map(r -> Map.<String, Object>of("outcomeId",
                        r.get("outcomeId").asString(), "level", r.get("level").asInt())).toList();
        return graphQl.document("mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { evidence { id } } }")
                .variable("input", Map.of("personId", person, "kind", "WORK_EXPERIENCE", "title",
                        "Operator robotcel, Philips Drachten", "from", "2016-03-01", "asserts", asserts))
                .execute().path("addEvidence.evidence.id").entity(String.class).get();
    }

    private GraphQlTester.Response badge(GraphQlTester tester) {
        return tester.document(BADGE).variable("person", person).variable("certificate", CERTIFICATE).execute();
    }

    @Test
    void shouldRefuseTheCredentialNamingEveryOutcomeNotYetCredited() {
        personClaimingTheCertificate();
        GraphQlTester.Response response = badge(graphQl);
        response.path("certificateBadge.complete").entity(Boolean.class).isEqualTo(false);
        response.path("certificateBadge.credential").valueIsNull();
        response.path("certificateBadge.missing[*].outcome.id").entityList(String.class).containsExactly(
                "lo-quality-awareness", "lo-robot-operation", "lo-robot-programming-teach", "lo-robot-safety",
                "lo-safety-awareness-workplace");
        response.path("certificateBadge.missing[*].creditedLevel").entityList(Object.class).hasSize(5)
                .satisfies(levels -> assertThat(levels).containsOnlyNulls());
        response.path("certificateBadge.message").entity(String.class).satisfies(m -> assertThat(m)
                .contains("lo-robot-safety at level 3 (not credited)"));
    }

    @Test
    void shouldExportACompletedCertificateAsAnOpenBadgeCredentialWithEveryRequiredProperty() {
        String evidence = personClaimingTheCertificate();
        graphQl.document("mutation { validateEvidence(input: {evidenceId: \"" + evidence + "\", method: "
                + "EMPLOYER_STATEMENT, validatedBy: \"J. Visser, teamleider\"}) { errors { field } } }").execute()
                .path("validateEvidence.errors").entityList(Object.class).hasSize(0);
        Instant before = Instant.now().minusSeconds(1);
        GraphQlTester.Response response = badge(graphQl);
        response.path("certificateBadge.complete").entity(Boolean.class).isEqualTo(true);
        response.path("certificateBadge.missing").entityList(Object.class).hasSize(0);
        JsonNode c = JSON.readTree(response.path("certificateBadge.credential").entity(String.class).get());

        // AchievementCredential: required @context, id, type, name, credentialSubject, issuer, validFrom
        assertThat(strings(c.get("@context"))).as("VC 2.0 first, then OB 3.0").containsExactly(
                "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        assertThat(text(c, "id")).startsWith("urn:uuid:");
        assertThat(strings(c.get("type"))).contains("VerifiableCredential", "OpenBadgeCredential");
        assertThat(text(c, "name")).isEqualTo("Vocational certificate robot cell operator");
        Instant validFrom = Instant.parse(text(c, "validFrom"));
        assertThat(Duration.between(before, validFrom)).isBetween(Duration.ZERO, Duration.ofMinutes(5));
        assertThat(c.has("proof")).as("not signed, and not pretending to be").isFalse();
        assertThat(c.has("issuanceDate")).as("VC 1.1's date has no place in a VC 2.0 credential").isFalse();

        // Profile: required id, type (containing Profile)
        JsonNode issuer = c.get("issuer");
        assertThat(text(issuer, "id")).isEqualTo("urn:leerroute:institution:drenthe-college");
        assertThat(strings(issuer.get("type"))).contains("Profile");
        assertThat(text(issuer, "name")).isEqualTo("Drenthe College");

        // AchievementSubject: required type (containing AchievementSubject), achievement; id or identifier
        JsonNode subject = c.get("credentialSubject");
        assertThat(strings(subject.get("type"))).contains("AchievementSubject");
        assertThat(text(subject, "id")).startsWith("urn:uuid:").doesNotContain(person);
        JsonNode identity = subject.get("identifier").get(0);
        assertThat(text(identity, "type")).isEqualTo("IdentityObject");
        assertThat(identity.get("hashed").isBoolean()).isTrue();
        assertThat(text(identity, "identityHash")).isEqualTo("Sietske Hoekstra");
        assertThat(text(identity, "identityType")).isIn("name", "identifier");
        assertThat(Set.of("type", "hashed", "identityHash", "identityType", "salt"))
                .as("IdentityObject has additionalProperties false").containsAll(names(identity));

        // Achievement: required id, type (containing Achievement), criteria, description, name
        JsonNode achievement = subject.get("achievement");
        assertThat(text(achievement, "id")).isEqualTo("urn:leerroute:certificate:" + CERTIFICATE);
        assertThat(strings(achievement.get("type"))).contains("Achievement");
        assertThat(text(achievement, "name")).isEqualTo("Vocational certificate robot cell operator");
        assertThat(text(achievement, "description")).isNotBlank();
        assertThat(text(achievement.get("criteria"), "narrative")).contains("lo-robot-safety").contains("level 3");
        assertThat(text(achievement, "achievementType")).as("a value of the schema's AchievementType")
                .isEqualTo("MicroCredential");
        assertThat(strings(achievement.get("creator").get("type"))).contains("Profile");

        // Alignment: required type (containing Alignment), targetName, targetUrl
        List<JsonNode> alignments = list(achievement.get("alignment"));
        alignments.forEach(a -> {
            assertThat(strings(a.get("type"))).contains("Alignment");
            assertThat(text(a, "targetName")).isNotBlank();
            assertThat(text(a, "targetUrl")).isNotBlank();
        });
        assertThat(alignments).extracting(a -> text(a, "targetUrl")).containsExactly(
                "http://data.europa.eu/snb/eqf/3",
                "http://data.europa.eu/esco/skill/236526e2-d5a8-436b-91d1-47e5d431e7ea",
                "http://data.europa.eu/esco/skill/d2d9051a-10e1-41c5-9cfb-bbdc58016176");
        assertThat(text(alignments.get(0), "targetFramework")).isEqualTo("European Qualifications Framework");

        // Evidence: required type (containing Evidence); the one item credits all five outcomes and says who validated it
        List<JsonNode> items = list(c.get("evidence"));
        assertThat(items).singleElement().satisfies(e -> {
            assertThat(strings(e.get("type"))).contains("Evidence");
            assertThat(text(e, "id")).isEqualTo("urn:leerroute:evidence:" + evidence);
            assertThat(text(e, "name")).isEqualTo("Operator robotcel, Philips Drachten");
            assertThat(text(e, "description")).startsWith("Validated by J. Visser, teamleider on ")
                    .contains("(employer statement); credits lo-quality-awareness at level 2, lo-robot-operation at "
                            + "level 3,").endsWith("lo-safety-awareness-workplace at level 2");
        });

        // CredentialSchema: required id, type
        JsonNode schema = c.get("credentialSchema").get(0);
        assertThat(text(schema, "id")).isEqualTo(
                "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json");
        assertThat(text(schema, "type")).isEqualTo("1EdTechJsonSchemaValidator2019");
    }

    @Test
    void shouldShowTheBadgeOnlyToThePersonTheirConsentedAdvisorAndAnAdmin() {
        String marco = "p-marco-dijkstra";
        for (String username : List.of("marco", "advisor.jansen", "admin")) {
            signedIn.as(username).document(BADGE).variable("person", marco).variable("certificate", CERTIFICATE)
                    .execute().path("certificateBadge.complete").entity(Boolean.class).isEqualTo(false);
        }
        for (String username : List.of("henk", "advisor.demir", "editor.hanze")) {
            signedIn.as(username).document(BADGE).variable("person", marco).variable("certificate", CERTIFICATE)
                    .execute().errors().expect(e -> e.getErrorType() == ErrorType.FORBIDDEN).verify();
        }
        signedIn.anonymous().document(BADGE).variable("person", marco).variable("certificate", CERTIFICATE)
                .execute().errors().expect(e -> e.getErrorType() == ErrorType.UNAUTHORIZED).verify();
    }

    @Test
    void shouldNameAnUnknownCertificate() {
        graphQl.document(BADGE).variable("person", "p-marco-dijkstra").variable("certificate", "cert-none").execute()
                .errors().expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST
                        && e.getMessage().contains("There is no certificate with id 'cert-none'")).verify();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        assertThat(value).as(field + " is required").isNotNull();
        assertThat(value.isString()).as(field + " is a string").isTrue();
        return value.asString();
    }

    private static List<String> strings(JsonNode array) {
        assertThat(array.isArray()).as("an array").isTrue();
        return list(array).stream().map(JsonNode::asString).toList();
    }

    private static List<JsonNode> list(JsonNode array) {
        assertThat(array).isNotNull();
        List<JsonNode> items = new java.util.ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static List<String> names(JsonNode object) {
        return List.copyOf(object.propertyNames());
    }
}
