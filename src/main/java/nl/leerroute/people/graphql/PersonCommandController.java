package nl.leerroute.people.graphql;

import java.time.LocalDate;
import java.util.List;

import nl.leerroute.graphql.InvalidValue;
import nl.leerroute.people.Evidence;
import nl.leerroute.people.EvidenceReview;
import nl.leerroute.people.EvidenceReview.Decision;
import nl.leerroute.people.EvidenceReview.Rejection;
import nl.leerroute.people.EvidenceReview.Validation;
import nl.leerroute.people.Person;
import nl.leerroute.people.PersonCommands;
import nl.leerroute.people.PersonCommands.EvidenceChange;
import nl.leerroute.people.PersonCommands.NewEvidence;
import nl.leerroute.people.PersonCommands.NewPerson;
import nl.leerroute.people.PersonCommands.OutcomeLevel;
import nl.leerroute.people.PersonCommands.Result;
import nl.leerroute.people.TShapes;
import nl.leerroute.people.TShapes.TShapeProfile;
import nl.leerroute.access.Caller;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Mutations on people and their evidence, and their T-shape. */
@Controller
class PersonCommandController {

    record OutcomeLevelInput(String outcomeId, int level) {
    }

    record CreatePersonInput(String name, Integer birthYear, String place, String education, Integer yearsOfWork,
            String currentRole) {
    }

    record AddEvidenceInput(String personId, String kind, String title, String role, String employerSector,
            LocalDate from, LocalDate to, String description, String programmeId, String certificateId,
            String learningUnitId, List<OutcomeLevelInput> asserts) {
    }

    record AssertionDecisionInput(String outcomeId, boolean accept, Integer level, String reason) {
    }

    record ValidateEvidenceInput(String evidenceId, String method, String validatedBy, LocalDate on,
            List<AssertionDecisionInput> decisions) {
    }

    record RejectEvidenceInput(String evidenceId, String rejectedBy, String reason, LocalDate on) {
    }

    record ChangeEvidenceInput(String evidenceId, String title, String description, LocalDate from, LocalDate to,
            List<OutcomeLevelInput> asserts) {
    }

    record RemoveEvidenceInput(String evidenceId) {
    }

    record RecordProgressInput(String personId, String learningUnitId, String status, LocalDate on) {
    }

    record PersonPayload(Person person, List<InvalidValue> errors) {
    }

    record EvidencePayload(Evidence evidence, List<InvalidValue> errors) {
    }

    record RemovePayload(String removedId, List<InvalidValue> errors) {
    }

    record ProgressPayload(Evidence evidence, List<InvalidValue> errors) {
    }

    private final PersonCommands commands;
    private final EvidenceReview review;
    private final TShapes tShapes;

    PersonCommandController(PersonCommands commands, EvidenceReview review, TShapes tShapes) {
        this.commands = commands;
        this.review = review;
        this.tShapes = tShapes;
    }

    @QueryMapping
    TShapeProfile tShapeProfile(@Argument String personId) {
        return tShapes.of(personId, LocalDate.now());
    }

    @MutationMapping
    PersonPayload createPerson(@Argument CreatePersonInput input) {
        Result<Person> result = commands.createPerson(new NewPerson(input.name(), input.birthYear(), input.place(),
                input.education(), input.yearsOfWork(), input.currentRole()), LocalDate.now());
        return new PersonPayload(result.value(), result.errors());
    }

    @MutationMapping
    EvidencePayload addEvidence(@Argument AddEvidenceInput input) {
        Result<Evidence> result = commands.addEvidence(new NewEvidence(input.personId(), input.kind(), input.title(),
                input.role(), input.employerSector(), input.from(), input.to(), input.description(),
                input.asserts() == null ? null : levels(input.asserts()), input.programmeId(), input.certificateId(),
                input.learningUnitId(), null), LocalDate.now());
        return new EvidencePayload(result.value(), result.errors());
    }

    /** The reviewer's name as the person sees it: as given, or the signed-in account's name. */
    private static String reviewer(String given, Caller caller) {
        return given != null && !given.isBlank() ? given : caller == null || caller.anonymous() ? null : caller.name();
    }

    @MutationMapping
    EvidencePayload validateEvidence(@Argument ValidateEvidenceInput input,
            @ContextValue(name = Caller.CONTEXT_KEY, required = false) Caller caller) {
        List<Decision> decisions = input.decisions() == null ? null : input.decisions().stream()
                .map(d -> new Decision(d.outcomeId(), d.accept(), d.level(), d.reason())).toList();
        Result<Evidence> result = review.validate(new Validation(input.evidenceId(), input.method(),
                reviewer(input.validatedBy(), caller), caller == null ? null : caller.accountId(), input.on(),
                decisions), LocalDate.now());
        return new EvidencePayload(result.value(), result.errors());
    }

    @MutationMapping
    EvidencePayload rejectEvidence(@Argument RejectEvidenceInput input,
            @ContextValue(name = Caller.CONTEXT_KEY, required = false) Caller caller) {
        Result<Evidence> result = review.reject(new Rejection(input.evidenceId(), reviewer(input.rejectedBy(), caller),
                caller == null ? null : caller.accountId(), input.reason(), input.on()), LocalDate.now());
        return new EvidencePayload(result.value(), result.errors());
    }

    @MutationMapping
    EvidencePayload changeEvidence(@Argument ChangeEvidenceInput input) {
        Result<Evidence> result = commands.changeEvidence(new EvidenceChange(input.evidenceId(), input.title(),
                input.description(), input.from(), input.to(),
                input.asserts() == null ? null : levels(input.asserts())), LocalDate.now());
        return new EvidencePayload(result.value(), result.errors());
    }

    @MutationMapping
    RemovePayload removeEvidence(@Argument RemoveEvidenceInput input) {
        Result<String> result = commands.removeEvidence(input.evidenceId());
        return new RemovePayload(result.value(), result.errors());
    }

    @MutationMapping
    ProgressPayload recordProgress(@Argument RecordProgressInput input) {
        LocalDate today = LocalDate.now();
        Result<Evidence> result = commands.recordProgress(input.personId(), input.learningUnitId(), input.status(),
                input.on() == null ? today : input.on(), today);
        return new ProgressPayload(result.value(), result.errors());
    }

    private static List<OutcomeLevel> levels(List<OutcomeLevelInput> input) {
        return input == null ? List.of() : input.stream().map(a -> new OutcomeLevel(a.outcomeId(), a.level())).toList();
    }
}
