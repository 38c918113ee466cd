package nl.leerroute.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.leerroute.funding.FundingRules.Applicant;
import nl.leerroute.funding.FundingRules.UnitFacts;
import nl.leerroute.routes.planner.Funding;

/** Eligibility and per-unit amounts, scheme by scheme. */
class FundingRulesTest {

    static final LocalDate DAY = LocalDate.of(2027, 1, 4);
    static final Applicant JOB_SEEKER = new Applicant("JOB_SEEKER_WW", 1990, "BACHELOR", null, null);
    static final Applicant SME_EMPLOYEE = new Applicant("EMPLOYED", 1970, "MBO_2", "SME", "Kunststofverwerking");
    static final UnitFacts TRAINING = new UnitFacts("t", "TRAINING", "MBO_COLLEGE", 3, 100_000);
    static final UnitFacts MODULE = new UnitFacts("m", "MODULE", "UNIVERSITY_OF_APPLIED_SCIENCES", 6, 60_000);

    static FundingScheme scheme(String id, String kind, int priority, List<String> statuses, List<String> sizes,
            List<String> unitKinds, double rate, Double unitCap, Double routeCap, List<String> notWith) {
        return new FundingScheme(id, id, id, null, null, kind, "funder", priority, statuses, null, null, List.of(),
                sizes, List.of(), unitKinds, List.of(), null, null, rate, unitCap, routeCap, notWith,
                LocalDate.of(2022, 1, 1), null, "illustrative", "masterplan");
    }

    static long amount(FundingRules.Resolution r, String scheme, String unit) {
        return r.funding().schemes().stream().filter(s -> s.id().equals(scheme)).findFirst()
                .map(s -> s.amountsCents().getOrDefault(unit, 0L)).orElse(-1L);
    }

    @Test
    void shouldApplyRatesToWhatIsLeftInPriorityOrderWithinTheUnitCap() {
        FundingScheme slim = scheme("slim", "GRANT", 50, List.of("EMPLOYED"), List.of("SME"), List.of(), 60, null,
                5000.0, List.of());
        FundingScheme fund = scheme("oo", "GRANT", 60, List.of("EMPLOYED"), List.of(), List.of(), 50, 150.0, null,
                List.of());
        FundingRules.Resolution r = FundingRules.resolve(List.of(fund, slim), SME_EMPLOYEE, DAY,
                List.of(TRAINING, MODULE), Funding.CostBasis.NET);
        assertThat(amount(r, "slim", "t")).isEqualTo(60_000); // 60% of 1000 euros
        assertThat(amount(r, "oo", "t")).isEqualTo(15_000); // 50% of the 400 left is 200, capped at 150 per unit
        assertThat(amount(r, "slim", "m")).isEqualTo(36_000);
        assertThat(amount(r, "oo", "m")).isEqualTo(12_000); // 50% of the 240 left
        assertThat(r.funding().schemes()).extracting(Funding.Scheme::routeCapCents).containsExactly(500_000L, null);
    }

    @Test
    void shouldSkipASchemeThatDoesNotCombineWithOneAlreadyPayingEitherWayRound() {
        FundingScheme first = scheme("first", "GRANT", 10, List.of(), List.of(), List.of("TRAINING"), 100, 300.0,
                null, List.of());
        FundingScheme second = scheme("second", "GRANT", 20, List.of(), List.of(), List.of(), 50, null, null,
                List.of("first"));
        FundingRules.Resolution r = FundingRules.resolve(List.of(first, second), JOB_SEEKER, DAY,
                List.of(TRAINING, MODULE), Funding.CostBasis.NET);
        assertThat(amount(r, "first", "t")).isEqualTo(30_000);
        assertThat(amount(r, "second", "t")).isZero(); // would combine with 'first' on the training
        assertThat(amount(r, "second", "m")).isEqualTo(30_000); // 'first' does not pay for modules
    }

    @Test
    void shouldLendLastOnTheWholePriceAndCountItInNoCostBasis() {
        FundingScheme grant = scheme("grant", "GRANT", 50, List.of(), List.of(), List.of(), 50, null, null,
                List.of());
        FundingScheme loan = scheme("loan", "LOAN", 1, List.of(), List.of(), List.of("MODULE"), 100, null, null,
                List.of());
        FundingRules.Resolution r = FundingRules.resolve(List.of(loan, grant), JOB_SEEKER, DAY, List.of(MODULE),
                Funding.CostBasis.NET_TO_PERSON);
        assertThat(r.funding().schemes()).extracting(Funding.Scheme::id).containsExactly("grant", "loan");
        assertThat(r.funding().counts(r.funding().schemes().get(1))).isFalse();
        List<List<Funding.Share>> shares = r.funding().allocate(List.of("m"), List.of(60_000L));
        assertThat(shares.get(0)).containsExactly(new Funding.Share("grant", Funding.Kind.GRANT, 30_000),
                new Funding.Share("loan", Funding.Kind.LOAN, 30_000)); // lends only what the grant left
    }

    @Test
    void shouldRefuseWhatAPersonsRecordDoesNotShowAndNameTheRule() {
        FundingScheme sme = scheme("sme", "GRANT", 1, List.of("EMPLOYED"), List.of("SME"), List.of(), 60, null,
                null, List.of());
        FundingRules.Verdict unknown = FundingRules.eligibility(sme, new Applicant(null, 1990, null, null, null), DAY);
        assertThat(unknown.eligible()).isFalse();
        assertThat(unknown.textEn()).isEqualTo("For an employee; you are (unknown).");
        FundingRules.Verdict large = FundingRules.eligibility(sme,
                new Applicant("EMPLOYED", 1990, "MBO_4", "LARGE", null), DAY);
        assertThat(large.textEn()).isEqualTo("For employees of an SME; your employer: a large company.");
        FundingRules.Verdict ok = FundingRules.eligibility(sme, SME_EMPLOYEE, DAY);
        assertThat(ok.eligible()).isTrue();
        assertThat(ok.textNl()).isEqualTo("Je bent werknemer, je werkgever is een mkb-bedrijf.");
    }

    @Test
    void shouldApplyASchemeOnlyWhileItIsValidAndWithinItsAges() {
        FundingScheme old = new FundingScheme("stap", "STAP", "STAP", null, null, "GRANT", "UWV", 1, List.of(), 18,
                66, List.of(), List.of(), List.of(), List.of(), List.of(), null, null, 100, null, 1000.0, List.of(),
                LocalDate.of(2022, 3, 1), LocalDate.of(2023, 12, 31), "illustrative", "masterplan");
        assertThat(FundingRules.eligibility(old, JOB_SEEKER, LocalDate.of(2023, 12, 31)).eligible()).isTrue();
        FundingRules.Verdict expired = FundingRules.eligibility(old, JOB_SEEKER, LocalDate.of(2024, 1, 1));
        assertThat(expired.eligible()).isFalse();
        assertThat(expired.textEn()).isEqualTo("Not valid on 2024-01-01: valid from 2022-03-01 to 2023-12-31.");
        FundingRules.Verdict tooOld = FundingRules.eligibility(old,
                new Applicant("EMPLOYED", 1950, null, null, null), LocalDate.of(2023, 1, 1));
        assertThat(tooOld.textEn()).isEqualTo("For ages 18-66; you are 73.");
    }

    @Test
    void shouldPayNothingForUnitsOfAnotherKindProviderOrLevel() {
        FundingScheme mbo = new FundingScheme("mbo", "x", "x", null, null, "GRANT", "x", 1, List.of(), null, null,
                List.of(), List.of(), List.of(), List.of("TRAINING"), List.of("MBO_COLLEGE"), null, 4, 100, null,
                null, List.of(), LocalDate.of(2022, 1, 1), null, "illustrative", "masterplan");
        assertThat(FundingRules.qualifies(mbo, TRAINING)).isTrue();
        assertThat(FundingRules.qualifies(mbo, MODULE)).isFalse();
        assertThat(FundingRules.qualifies(mbo, new UnitFacts("x", "TRAINING", "MBO_COLLEGE", 5, 1))).isFalse();
        assertThat(FundingRules.qualifies(mbo, new UnitFacts("x", "TRAINING", "ACADEMY", 3, 1))).isFalse();
    }
}
