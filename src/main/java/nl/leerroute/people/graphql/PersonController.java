package nl.leerroute.people.graphql;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.leerroute.access.Access;
import nl.leerroute.access.Caller;
import nl.leerroute.catalogue.Catalogue;
import nl.leerroute.catalogue.Certificate;
import nl.leerroute.catalogue.LearningUnit;
import nl.leerroute.catalogue.Leveled.OutcomeAtLevel;
import nl.leerroute.catalogue.Place;
import nl.leerroute.catalogue.Programme;
import nl.leerroute.catalogue.LearningOutcome;
import nl.leerroute.people.Evidence;
import nl.leerroute.people.EvidenceExplanations;
import nl.leerroute.people.EvidenceReview;
import nl.leerroute.people.EvidenceReview.RejectedAssertion;
import nl.leerroute.people.People;
import nl.leerroute.people.Person;
import nl.leerroute.graphql.Pages;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** People and their evidence. */
@Controller
class PersonController {

    private final People people;
    private final EvidenceReview review;
    private final Catalogue catalogue;
    private final Access access;

    PersonController(People people, EvidenceReview review, Catalogue catalogue, Access access) {
        this.people = people;
        this.review = review;
        this.catalogue = catalogue;
        this.access = access;
    }

    record RejectedAssertionView(LearningOutcome outcome, int level, String reason) {
    }

    /**
     * Without a person: the claims of everyone the reviewer may see (an advisor's consenting clients).
     * Claims are a person's data, so showing them is logged per person, like any other read.
     */
    @QueryMapping
    Window<Evidence> evidenceToReview(@Argument String personId, ScrollSubrange subrange,
            @ContextValue(name = Caller.CONTEXT_KEY, required = false) Caller caller) {
        Caller reviewer = caller == null ? Caller.ANONYMOUS : caller;
        List<String> among = personId == null ? access.visiblePeople(reviewer) : null;
        Window<Evidence> page = Pages.window(subrange, (offset, limit) -> review.waiting(personId, among, offset,
                limit));
        if (personId == null) {
            review.personOf(page.getContent()).values().stream().map(Person::id).distinct()
                    .forEach(owner -> access.requireRead(reviewer, owner, "evidenceToReview"));
        }
        return page;
    }

    @BatchMapping(typeName = "Evidence", field = "person")
    Map<Evidence, Person> person(List<Evidence> evidence) {
        return review.personOf(evidence);
    }

    @BatchMapping(typeName = "Evidence", field = "rejectedAssertions")
    Map<Evidence, List<RejectedAssertionView>> rejectedAssertions(List<Evidence> evidence) {
        Map<Evidence, List<RejectedAssertion>> rejected = review.rejectedAssertionsOf(evidence);
        Map<String, LearningOutcome> outcomes = catalogue.outcomesById(rejected.values().stream()
                .flatMap(List::stream).map(RejectedAssertion::outcomeId).collect(Collectors.toSet()));
        Map<Evidence, List<RejectedAssertionView>> result = new java.util.LinkedHashMap<>();
        rejected.forEach((item, list) -> result.put(item, list.stream().map(r -> new RejectedAssertionView(
                outcomes.get(r.outcomeId()), r.level(), r.reason())).toList()));
        return result;
    }

    @SchemaMapping(typeName = "Evidence", field = "source")
    String source(Evidence evidence) {
        return evidence.source() == null ? "NAMED" : evidence.source();
    }

    @SchemaMapping(typeName = "Evidence", field = "explanationNl")
    String explanationNl(Evidence evidence) {
        return EvidenceExplanations.of(evidence, true);
    }

    @SchemaMapping(typeName = "Evidence", field = "explanationEn")
    String explanationEn(Evidence evidence) {
        return EvidenceExplanations.of(evidence, false);
    }

    /** Only the people the caller may see: an admin everyone, a worker themself, an advisor their clients. */
    @QueryMapping
    Window<Person> people(ScrollSubrange subrange,
            @ContextValue(name = Caller.CONTEXT_KEY, required = false) Caller caller) {
        List<String> visible = access.visiblePeople(caller == null ? Caller.ANONYMOUS : caller);
        return visible == null ? Pages.window(subrange, people::people)
                : Pages.window(subrange, (offset, limit) -> people.peopleAmong(visible, offset, limit));
    }

    @QueryMapping
    Optional<Person> person(@Argument String id) {
        return people.person(id);
    }

    @BatchMapping(typeName = "Person", field = "place")
    Map<Person, Place> place(List<Person> persons) {
        return catalogue.placeOf(persons, Person::id, "Person");
    }

    @BatchMapping(typeName = "Person", field = "evidence")
    Map<Person, List<Evidence>> evidence(List<Person> persons) {
        return people.evidenceOf(persons);
    }

    @BatchMapping(typeName = "Person", field = "goals")
    Map<Person, List<Object>> goals(List<Person> persons) {
        return people.goalsOf(persons);
    }

    @BatchMapping(typeName = "Evidence", field = "asserts")
    Map<Evidence, List<OutcomeAtLevel>> asserts(List<Evidence> evidence) {
        return catalogue.outcomesAtLevel(evidence, Evidence::id, "Evidence", "ASSERTS");
    }

    @BatchMapping(typeName = "Evidence", field = "programme")
    Map<Evidence, Programme> programme(List<Evidence> evidence) {
        return mapValues(people.sourceOf(evidence, "OF_PROGRAMME"), Programme::of);
    }

    @BatchMapping(typeName = "Evidence", field = "certificate")
    Map<Evidence, Certificate> certificate(List<Evidence> evidence) {
        return mapValues(people.sourceOf(evidence, "OF_CERTIFICATE"), Certificate::of);
    }

    @BatchMapping(typeName = "Evidence", field = "learningUnit")
    Map<Evidence, LearningUnit> learningUnit(List<Evidence> evidence) {
        return mapValues(people.sourceOf(evidence, "OF_UNIT"), LearningUnit::of);
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<Evidence, T> mapValues(Map<Evidence, Object> sources, Function<Map<String, Object>, T> of) {
        return sources.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> of.apply((Map<String, Object>) e.getValue())));
    }
}
