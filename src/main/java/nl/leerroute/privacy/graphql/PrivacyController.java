package nl.leerroute.privacy.graphql;

import java.time.Instant;
import java.util.List;

import nl.leerroute.access.Access;
import nl.leerroute.access.Caller;
import nl.leerroute.graphql.InvalidValue;
import nl.leerroute.privacy.PersonalData;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** A worker's export and erasure of their own data. */
@Controller
class PrivacyController {

    record DataExport(String personId, String exportedAt, String json) {
    }

    record EraseMeInput(String confirmPersonId) {
    }

    record ErasePayload(String erasedPersonId, int removedNodes, List<InvalidValue> errors) {
    }

    private final Access access;
    private final PersonalData data;

    PrivacyController(Access access, PersonalData data) {
        this.access = access;
        this.data = data;
    }

    @QueryMapping
    DataExport exportMyData(@ContextValue(name = Caller.CONTEXT_KEY, required = false) Caller caller) {
        String person = access.requireOwnPerson(caller == null ? Caller.ANONYMOUS : caller, "exportMyData");
        return new DataExport(person, Instant.now().toString(), data.export(person));
    }

    @MutationMapping
    ErasePayload eraseMe(@ContextValue(name = Caller.CONTEXT_KEY, required = false) Caller caller,
            @Argument EraseMeInput input) {
        String person = access.requireOwnPerson(caller == null ? Caller.ANONYMOUS : caller, "eraseMe");
        if (!person.equals(input.confirmPersonId())) {
            return new ErasePayload(null, 0, List.of(new InvalidValue("confirmPersonId",
                    "must be your own person id, to confirm that you want everything erased")));
        }
        PersonalData.Erasure erasure = data.erase(person);
        return new ErasePayload(erasure.personId(), erasure.removedNodes(), List.of());
    }
}
