package nl.leerroute.standards;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.leerroute.catalogue.Catalogue;
import nl.leerroute.catalogue.Certificate;
import nl.leerroute.catalogue.Institution;
import nl.leerroute.catalogue.LearningOutcome;
import nl.leerroute.catalogue.Leveled.OutcomeAtLevel;
import nl.leerroute.people.Credits;
import nl.leerroute.people.Credits.Assertion;
import nl.leerroute.people.People;
import nl.leerroute.people.Person;
import nl.leerroute.routes.UnknownReferenceException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A completed certificate as an Open Badges 3.0 credential (an OpenBadgeCredential, which is a W3C
 * Verifiable Credential 2.0), JSON-LD. A certificate is complete when every outcome it requires is
 * credited at its level by the same rule as the route planner ({@link Credits}). The credential is
 * <b>not signed</b>: it carries no {@code proof}, so a verifier cannot check that Leerroute issued it
 * (see the README); what it does carry is everything the OB 3.0 schema requires, the issuer's profile,
 * the achievement's criteria, alignments to the outcomes' ESCO skills and to the certificate's EQF level,
 * and the evidence that credits each outcome.
 */
@Service
public class OpenBadges {

    static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    static final String OB_SCHEMA = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
            + "ob_v3p0_achievementcredential_schema.json";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** An outcome the certificate requires that the person is not (yet) credited with at its level. */
    public record Shortfall(LearningOutcome outcome, int neededLevel, Integer creditedLevel) {
    }

    /** The credential as JSON when the certificate is complete; otherwise what is missing. */
    public record Export(Certificate certificate, boolean complete, String credential, List<Shortfall> missing,
            String message) {
    }

    private final Catalogue catalogue;
    private final People people;
    private final Credits credits;
    private final Clock clock = Clock.systemUTC();

    OpenBadges(Catalogue catalogue, People people, Credits credits) {
        this.catalogue = catalogue;
        this.people = people;
        this.credits = credits;
    }

    /** @throws UnknownReferenceException for an unknown person or certificate */
    public Export export(String personId, String certificateId) {
        Certificate certificate = catalogue.certificate(certificateId)
                .orElseThrow(() -> new UnknownReferenceException("certificate", certificateId));
        String name = people.person(personId).map(Person::name)
                .orElseThrow(() -> new UnknownReferenceException("person", personId));
        Institution issuer = catalogue.institutionOf(List.of(certificate), Certificate::id, "Certificate", "ISSUED_BY")
                .get(certificate);
        List<OutcomeAtLevel> required = catalogue.outcomesAtLevel(List.of(certificate), Certificate::id, "Certificate",
                "REQUIRES").get(certificate);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<String, List<Assertion>> credited = credits.assertions(personId, LocalDate.ofInstant(now, clock.getZone()));

        List<Shortfall> missing = new ArrayList<>();
        for (OutcomeAtLevel r : required) {
            Integer level = credited.getOrDefault(r.outcome().id(), List.of()).stream().map(Assertion::level)
                    .max(Integer::compare).orElse(null);
            if (level == null || level < r.level()) {
                missing.add(new Shortfall(r.outcome(), r.level(), level));
            }
        }
        if (!missing.isEmpty()) {
            return new Export(certificate, false, null, missing, "Not all requirements of '" + certificate.nameEn()
                    + "' are met, so there is no credential yet. Missing: " + missing.stream()
                    .map(s -> s.outcome().id() + " at level " + s.neededLevel() + (s.creditedLevel() == null
                            ? " (not credited)" : " (credited at " + s.creditedLevel() + ")"))
                    .collect(Collectors.joining(", ")) + ".");
        }
        String credential = JSON.writeValueAsString(credential(certificate, issuer, required, credited, personId, name,
                now));
        return new Export(certificate, true, credential, List.of(), "Every outcome '" + certificate.nameEn()
                + "' requires is credited at its level: the credential is ready (unsigned).");
    }

    private static Map<String, Object> credential(Certificate certificate, Institution issuer,
            List<OutcomeAtLevel> required, Map<String, List<Assertion>> credited, String personId, String name,
            Instant validFrom) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", "urn:leerroute:institution:" + issuer.id());
        profile.put("type", List.of("Profile"));
        profile.put("name", issuer.name());
        if (issuer.descriptionEn() != null) {
            profile.put("description", issuer.descriptionEn());
        }

        int eqf = required.stream().mapToInt(OutcomeAtLevel::level).max().orElse(1);
        List<Map<String, Object>> alignment = new ArrayList<>();
        alignment.add(alignment("EQF level " + eqf, Eqf.uri(eqf), "European Qualifications Framework",
                String.valueOf(eqf)));
        for (OutcomeAtLevel r : required) {
            if (r.outcome().escoUri() != null) {
                alignment.add(alignment(r.outcome().titleEn(), r.outcome().escoUri(), "ESCO", null));
            }
        }
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", "urn:leerroute:certificate:" + certificate.id());
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "MicroCredential");
        achievement.put("name", certificate.nameEn());
        achievement.put("description", certificate.descriptionEn() != null ? certificate.descriptionEn()
                : certificate.nameEn());
        achievement.put("criteria", Map.of("narrative", "Every one of these learning outcomes credited at its EQF "
                + "level, by validated evidence that is still current:\n" + required.stream()
                .map(r -> "- " + r.outcome().titleEn() + " (" + r.outcome().id() + "), level " + r.level())
                .collect(Collectors.joining("\n"))));
        achievement.put("alignment", alignment);
        achievement.put("creator", profile);
        achievement.put("humanCode", certificate.id());
        achievement.put("inLanguage", "en");

        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("type", "IdentityObject");
        identity.put("identityHash", name);
        identity.put("identityType", "name");
        identity.put("hashed", false);
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", "urn:uuid:" + uuid("person:" + personId));
        subject.put("type", List.of("AchievementSubject"));
        subject.put("identifier", List.of(identity));
        subject.put("achievement", achievement);

        // one entry per evidence item, naming every required outcome it credits
        Map<String, Map<String, Object>> evidence = new LinkedHashMap<>();
        for (OutcomeAtLevel r : required) {
            for (Assertion a : credited.get(r.outcome().id())) {
                if (a.level() < r.level()) {
                    continue;
                }
                Map<String, Object> item = evidence.computeIfAbsent(a.evidenceId(), id -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("id", "urn:leerroute:evidence:" + id);
                    e.put("type", List.of("Evidence"));
                    e.put("name", a.title());
                    e.put("description", (a.validatedBy() == null ? "Validated" : "Validated by " + a.validatedBy())
                            + (a.validatedOn() == null ? "" : " on " + a.validatedOn())
                            + (a.validationMethod() == null ? ""
                                    : " (" + a.validationMethod().toLowerCase().replace('_', ' ') + ")")
                            + "; credits");
                    return e;
                });
                item.put("description", item.get("description") + (((String) item.get("description")).endsWith(
                        "credits") ? " " : ", ") + r.outcome().id() + " at level " + a.level());
            }
        }

        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of(VC_CONTEXT, OB_CONTEXT));
        credential.put("id", "urn:uuid:" + uuid("credential:" + personId + ":" + certificate.id() + ":" + validFrom));
        credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        credential.put("name", certificate.nameEn());
        credential.put("description", achievement.get("description"));
        credential.put("issuer", profile);
        credential.put("validFrom", validFrom.toString());
        credential.put("credentialSubject", subject);
        credential.put("evidence", List.copyOf(evidence.values()));
        credential.put("credentialSchema", List.of(Map.of("id", OB_SCHEMA, "type", "1EdTechJsonSchemaValidator2019")));
        return credential;
    }

    private static Map<String, Object> alignment(String name, String url, String framework, String code) {
        Map<String, Object> alignment = new LinkedHashMap<>();
        alignment.put("type", List.of("Alignment"));
        alignment.put("targetName", name);
        alignment.put("targetUrl", url);
        alignment.put("targetFramework", framework);
        if (code != null) {
            alignment.put("targetCode", code);
        }
        return alignment;
    }

    /** A stable UUID (name-based), so the person's id in the credential is a pseudonym, not their Leerroute id. */
    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
