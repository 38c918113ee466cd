package nl.leerroute.funding.graphql;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.leerroute.funding.FundingCatalogue;
import nl.leerroute.funding.FundingRules;
import nl.leerroute.funding.FundingScheme;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The public catalogue of funding schemes. */
@Controller
class FundingSchemeController {

    private final FundingCatalogue funding;

    FundingSchemeController(FundingCatalogue funding) {
        this.funding = funding;
    }

    @QueryMapping
    List<FundingScheme> fundingSchemes(@Argument LocalDate validOn, @Argument String kind) {
        return funding.schemes(validOn, kind);
    }

    @QueryMapping
    FundingScheme fundingScheme(@Argument String id) {
        return funding.scheme(id).orElse(null);
    }

    private Map<String, FundingScheme> all() {
        Map<String, FundingScheme> byId = new LinkedHashMap<>();
        funding.schemes(null, null).forEach(s -> byId.put(s.id(), s));
        return byId;
    }

    @BatchMapping
    Map<FundingScheme, List<FundingScheme>> notCombinableWith(List<FundingScheme> schemes) {
        Map<String, FundingScheme> byId = all();
        Map<FundingScheme, List<FundingScheme>> out = new LinkedHashMap<>();
        schemes.forEach(s -> out.put(s, s.notCombinableWith().stream().filter(byId::containsKey).map(byId::get)
                .toList()));
        return out;
    }

    @BatchMapping
    Map<FundingScheme, String> payRuleNl(List<FundingScheme> schemes) {
        Map<String, FundingScheme> byId = all();
        Map<FundingScheme, String> out = new LinkedHashMap<>();
        schemes.forEach(s -> out.put(s, FundingRules.payRule(s, byId, true)));
        return out;
    }

    @BatchMapping
    Map<FundingScheme, String> payRuleEn(List<FundingScheme> schemes) {
        Map<String, FundingScheme> byId = all();
        Map<FundingScheme, String> out = new LinkedHashMap<>();
        schemes.forEach(s -> out.put(s, FundingRules.payRule(s, byId, false)));
        return out;
    }
}
