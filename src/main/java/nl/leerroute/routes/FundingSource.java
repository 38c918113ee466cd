package nl.leerroute.routes;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.leerroute.routes.planner.Funding;

/**
 * Which funding may pay for a person's units, for the planner and for explaining a route. Implemented by the
 * funding feature, so that routes do not depend on how schemes and eligibility are stored.
 */
public interface FundingSource {

    /**
     * @param funding the schemes this person is eligible for on {@code date}, with what each pays per unit
     * @param schemes every scheme in {@code funding}, and the eligible advice schemes, by id
     * @param notEligible schemes the person is not eligible for, with the reason, so a plan can say why
     */
    record PersonFunding(Funding funding, Map<String, SchemeRule> schemes, List<SchemeRule> notEligible) {
        public static PersonFunding none(Funding.CostBasis basis) {
            return new PersonFunding(new Funding(List.of(), basis), Map.of(), List.of());
        }
    }

    /**
     * A scheme and, in words, the rule that makes it apply (or not) to this person and which units it pays for.
     *
     * @param kind GRANT, EMPLOYER_CONTRIBUTION, LOAN or ADVICE
     */
    record SchemeRule(String schemeId, String nameNl, String nameEn, String kind, String ruleNl, String ruleEn) {
    }

    PersonFunding forPerson(String personId, LocalDate date, Funding.CostBasis basis);

    /** Like {@link #forPerson(String, LocalDate, Funding.CostBasis)}, with the person's properties already read. */
    default PersonFunding forPerson(String personId, Map<String, Object> person, LocalDate date,
            Funding.CostBasis basis) {
        return forPerson(personId, date, basis);
    }
}
