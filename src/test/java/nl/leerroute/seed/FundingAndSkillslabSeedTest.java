package nl.leerroute.seed;

import static nl.leerroute.seed.SeedFixtures.copyOfShippedSeed;
import static nl.leerroute.seed.SeedFixtures.lineContaining;
import static nl.leerroute.seed.SeedFixtures.replaceCell;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.leerroute.seed.ParsedSeed.NodeRecord;
import nl.leerroute.seed.ParsedSeed.RelationshipRecord;

/** funding.csv, skillslabs.csv and the people's employment columns (format version 3). */
class FundingAndSkillslabSeedTest {

    @TempDir
    Path directory;

    private static final ParsedSeed SHIPPED = SeedParser.parse(SeedFixtures.SHIPPED);

    private static List<NodeRecord> nodes(String label) {
        return SHIPPED.nodes().stream().filter(n -> n.labels().contains(label)).toList();
    }

    private static List<RelationshipRecord> relationships(String type) {
        return SHIPPED.relationships().stream().filter(r -> r.type().equals(type)).toList();
    }

    private List<SeedProblem> problems() {
        try {
            SeedParser.parse(directory);
        } catch (InvalidSeedException e) {
            return e.problems();
        }
        throw new AssertionError("the broken seed was accepted");
    }

    @Test
    void shouldHoldEverySchemeTheMasterplanNamesWithIllustrativeRulesAndADate() {
        List<NodeRecord> schemes = nodes("FundingScheme");
        assertThat(schemes).extracting(n -> n.properties().get("nameNl")).contains("STAP-budget",
                "Levenlanglerenkrediet", "Scholingsbudget WW-gerechtigden", "NL Leert Door: ontwikkeladvies",
                "NL Leert Door: scholing", "SLIM: leren en ontwikkelen in het mkb", "O&O-fonds van de sector",
                "Privaat ontwikkelbudget (werkgever)");
        assertThat(schemes).allSatisfy(n -> {
            assertThat(n.properties()).containsEntry("provenance", "masterplan")
                    .containsEntry("rulesProvenance", "illustrative").containsKey("validFrom");
        });
        assertThat(relationships("NOT_COMBINABLE_WITH")).isNotEmpty();
    }

    @Test
    void shouldGiveTheDemoPeopleWhatEligibilityNeeds() {
        Map<String, Map<String, Object>> people = new java.util.HashMap<>();
        nodes("Person").forEach(n -> people.put(n.id(), n.properties()));
        assertThat(people.get("p-sanne-visser")).containsEntry("employmentStatus", "JOB_SEEKER_WW");
        assertThat(people.get("p-henk-bakker")).containsEntry("employmentStatus", "EMPLOYED")
                .containsEntry("employerSize", "SME");
        assertThat(people.values()).allSatisfy(p -> assertThat(p).containsKeys("employmentStatus", "birthYear",
                "education"));
    }

    @Test
    void shouldProfileEverySkillslabOnAllSixDimensionsAndLinkItsFieldlabAndAssignments() {
        List<NodeRecord> labs = nodes("Skillslab");
        assertThat(labs).hasSize(4);
        for (NodeRecord lab : labs) {
            SeedSchema.LEARNING_FACTORY_ASPECTS.values().forEach(aspects -> aspects.stream()
                    .filter(a -> !a.equals("didactic_competencies") && !a.equals("didactic_work_forms"))
                    .forEach(a -> assertThat(lab.properties()).containsKey(SeedSchema.aspectProperty(a))));
        }
        assertThat(relationships("HOSTED_BY")).hasSize(4);
        assertThat(relationships("OFFERS")).hasSize(13);
        assertThat(SHIPPED.relationships()).anySatisfy(r -> {
            assertThat(r.fromLabel()).isEqualTo("Skillslab");
            assertThat(r.type()).isEqualTo("USES_WORK_FORM");
        });
    }

    @Test
    void shouldRefuseARateAboveHundredAnAgeRangeTheWrongWayAndAnUnknownEmploymentStatus() {
        copyOfShippedSeed(directory);
        int stap = lineContaining(directory, "funding.csv", "fund-stap-budget,STAP");
        int slim = lineContaining(directory, "funding.csv", "fund-slim-mkb");
        replaceCell(directory, "funding.csv", stap, "rate_percent", "120");
        replaceCell(directory, "funding.csv", stap, "min_age", "70");
        replaceCell(directory, "funding.csv", slim, "employment_statuses", "EMPLOYED;RETIRED");
        assertThat(problems()).containsExactlyInAnyOrder(
                new SeedProblem("funding.csv", stap, "rate_percent", "must be between 0 and 100, got 120"),
                new SeedProblem("funding.csv", stap, "max_age", "is below min_age (70)"),
                new SeedProblem("funding.csv", slim, "employment_statuses",
                        "'RETIRED' is not one of [EMPLOYED, JOB_SEEKER, JOB_SEEKER_WW, NOT_WORKING, SELF_EMPLOYED, "
                                + "STUDENT]"));
    }

    @Test
    void shouldRefuseASchemeThatExcludesItselfOrAnUnknownSchemeAndEndsBeforeItStarts() {
        copyOfShippedSeed(directory);
        int stap = lineContaining(directory, "funding.csv", "fund-stap-budget,STAP");
        int ww = lineContaining(directory, "funding.csv", "fund-ww-scholingsbudget");
        replaceCell(directory, "funding.csv", stap, "not_combinable_with", "fund-stap-budget");
        replaceCell(directory, "funding.csv", ww, "not_combinable_with", "fund-no-such-scheme");
        replaceCell(directory, "funding.csv", stap, "valid_until", "2021-12-31");
        assertThat(problems()).containsExactlyInAnyOrder(
                new SeedProblem("funding.csv", stap, "not_combinable_with", "names the scheme itself"),
                new SeedProblem("funding.csv", stap, "valid_until", "is before 'valid_from' (2022-03-01)"),
                new SeedProblem("funding.csv", ww, "not_combinable_with",
                        "'fund-no-such-scheme' is not an id in funding.csv"));
    }

    @Test
    void shouldRefuseAdviceThatPaysAndAMissingValidFrom() {
        copyOfShippedSeed(directory);
        int advice = lineContaining(directory, "funding.csv", "fund-nlld-ontwikkeladvies");
        replaceCell(directory, "funding.csv", advice, "rate_percent", "50");
        replaceCell(directory, "funding.csv", advice, "valid_from", "");
        assertThat(problems()).containsExactlyInAnyOrder(
                new SeedProblem("funding.csv", advice, "rate_percent",
                        "must be 0 for kind ADVICE (advice pays for no learning unit)"),
                new SeedProblem("funding.csv", advice, "valid_from", "is required"));
    }

    @Test
    void shouldRefuseAnEmployerSizeForSomeoneWithoutAnEmployer() {
        copyOfShippedSeed(directory);
        int sanne = lineContaining(directory, "people.csv", "p-sanne-visser");
        replaceCell(directory, "people.csv", sanne, "employer_size", "SME");
        assertThat(problems()).containsExactly(new SeedProblem("people.csv", sanne, "employer_size",
                "is only for employment_status EMPLOYED"));
    }

    @Test
    void shouldRefuseASkillslabNotHostedByAFieldlabOrOfferingAnotherProvidersUnit() {
        copyOfShippedSeed(directory);
        int icd = lineContaining(directory, "skillslabs.csv", "sl-icd-smart-maintenance");
        int ta = lineContaining(directory, "skillslabs.csv", "sl-ta-additive");
        replaceCell(directory, "skillslabs.csv", icd, "fieldlab", "hanze");
        replaceCell(directory, "skillslabs.csv", ta, "assignments", "u-sl-ta-1;u-sl-icd-1;u-hanze-iot-1");
        assertThat(problems()).containsExactlyInAnyOrder(
                new SeedProblem("skillslabs.csv", icd, "fieldlab",
                        "'hanze' is a UNIVERSITY_OF_APPLIED_SCIENCES, not a FIELDLAB"),
                new SeedProblem("skillslabs.csv", icd, "assignments",
                        "'u-sl-icd-1' is provided by fl-icd, not by the hosting fieldlab hanze"),
                new SeedProblem("skillslabs.csv", icd, "assignments",
                        "'u-sl-icd-2' is provided by fl-icd, not by the hosting fieldlab hanze"),
                new SeedProblem("skillslabs.csv", icd, "assignments",
                        "'u-sl-icd-3' is provided by fl-icd, not by the hosting fieldlab hanze"),
                new SeedProblem("skillslabs.csv", icd, "assignments",
                        "'u-sl-icd-4' is provided by fl-icd, not by the hosting fieldlab hanze"),
                new SeedProblem("skillslabs.csv", ta, "assignments",
                        "'u-sl-icd-1' is provided by fl-icd, not by the hosting fieldlab fl-technologies-added"),
                new SeedProblem("skillslabs.csv", ta, "assignments",
                        "'u-hanze-iot-1' is a MODULE, not a SKILLSLAB assignment"));
    }

    @Test
    void shouldRequireEveryAspectOfTheProfileAndAWorkFormOfTheRightScheme() {
        copyOfShippedSeed(directory);
        int lab = lineContaining(directory, "skillslabs.csv", "sl-5g-connectivity");
        replaceCell(directory, "skillslabs.csv", lab, "product_marketability", "");
        replaceCell(directory, "skillslabs.csv", lab, "didactic_work_forms", "wf-coaching;lf-purpose");
        assertThat(problems()).containsExactlyInAnyOrder(
                new SeedProblem("skillslabs.csv", lab, "product_marketability", "is required"),
                new SeedProblem("skillslabs.csv", lab, "didactic_work_forms",
                        "'lf-purpose' is a LEARNING_FACTORY_DIMENSION, expected a WORK_FORM"));
    }
}
