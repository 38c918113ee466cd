package nl.leerroute.funding.graphql;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import nl.leerroute.catalogue.Catalogue;
import nl.leerroute.funding.FundingCatalogue;
import nl.leerroute.funding.FundingCatalogue.PersonFundingView;
import nl.leerroute.funding.FundingScheme;
import nl.leerroute.routes.FundingSource.SchemeRule;
import nl.leerroute.routes.RouteService.FundingShareView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** A person's funding: what they are eligible for and what units would cost them; the scheme behind a rule. */
@Controller
class PersonFundingController {

    private final FundingCatalogue funding;
    private final Catalogue catalogue;

    PersonFundingController(FundingCatalogue funding, Catalogue catalogue) {
        this.funding = funding;
        this.catalogue = catalogue;
    }

    @QueryMapping
    PersonFundingView personFunding(@Argument String personId, @Argument LocalDate date,
            @Argument List<String> learningUnitIds) {
        return funding.personFunding(personId, date == null ? LocalDate.now() : date, learningUnitIds,
                catalogue::unitsById);
    }

    private <P> Map<P, FundingScheme> schemes(List<P> parents, Function<P, String> id) {
        Map<String, FundingScheme> byId = new LinkedHashMap<>();
        funding.schemes(null, null).forEach(s -> byId.put(s.id(), s));
        Map<P, FundingScheme> out = new LinkedHashMap<>();
        parents.forEach(p -> {
            if (byId.containsKey(id.apply(p))) {
                out.put(p, byId.get(id.apply(p)));
            }
        });
        return out;
    }

    @BatchMapping(typeName = "FundingRule", field = "scheme")
    Map<SchemeRule, FundingScheme> ruleScheme(List<SchemeRule> rules) {
        return schemes(rules, SchemeRule::schemeId);
    }

    @BatchMapping(typeName = "FundingShare", field = "scheme")
    Map<FundingShareView, FundingScheme> shareScheme(List<FundingShareView> shares) {
        return schemes(shares, FundingShareView::schemeId);
    }
}
