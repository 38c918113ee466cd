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
import nl.leerroute.people.Evidence;
import nl.leerroute.people.People;
import nl.leerroute.people.Person;
import nl.leerroute.graphql.Pages;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** People and their evidence. */
@Controller
class PersonController {

    private final People people;
    private final Catalogue catalogue;
    private final Access access;

    PersonController(People people, Catalogue catalogue, Access access) {
        this.people = people;
        this.catalogue = catalogue;
        this.access = access;
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
