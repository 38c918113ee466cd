package nl.leerroute.access.graphql;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.leerroute.access.Access;
import nl.leerroute.access.AccessLog;
import nl.leerroute.access.AccessLog.Entry;
import nl.leerroute.access.Caller;
import nl.leerroute.access.Consents;
import nl.leerroute.access.Consents.Consent;
import nl.leerroute.access.Consents.Result;
import nl.leerroute.access.Role;
import nl.leerroute.catalogue.Catalogue;
import nl.leerroute.catalogue.Institution;
import nl.leerroute.people.People;
import nl.leerroute.people.Person;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The signed-in account, consents and the access log; each checks the caller with {@link Access}. */
@Controller
class AccessController {

    private static final String CALLER = Caller.CONTEXT_KEY;

    record Me(Caller caller) {
        public String accountId() {
            return caller.accountId();
        }

        public String name() {
            return caller.name();
        }

        public List<Role> roles() {
            return caller.roles().stream().sorted().toList();
        }
    }

    record GrantConsentInput(String advisorId, String purpose, LocalDate until) {
    }

    record WithdrawConsentInput(String consentId) {
    }

    record Advisor(String id, String name) {
    }

    private final Access access;
    private final Consents consents;
    private final AccessLog log;
    private final People people;
    private final Catalogue catalogue;

    AccessController(Access access, Consents consents, AccessLog log, People people, Catalogue catalogue) {
        this.access = access;
        this.consents = consents;
        this.log = log;
        this.people = people;
        this.catalogue = catalogue;
    }

    @QueryMapping
    Me me(@ContextValue(name = CALLER, required = false) Caller caller) {
        return caller == null || caller.anonymous() ? null : new Me(caller);
    }

    @SchemaMapping(typeName = "Me", field = "person")
    Optional<Person> person(Me me) {
        return me.caller().personId() == null ? Optional.empty() : people.person(me.caller().personId());
    }

    @SchemaMapping(typeName = "Me", field = "institution")
    Optional<Institution> institution(Me me) {
        return me.caller().institutionId() == null ? Optional.empty()
                : catalogue.institution(me.caller().institutionId());
    }

    @QueryMapping
    List<Consent> myConsents(@ContextValue(name = CALLER, required = false) Caller caller) {
        return consents.grantedBy(access.requireOwnPerson(known(caller), "myConsents"));
    }

    @QueryMapping
    List<Consent> myClients(@ContextValue(name = CALLER, required = false) Caller caller) {
        access.requireRole(known(caller), "myClients", Role.ADVISOR);
        return consents.activeFor(caller.accountId());
    }

    @QueryMapping
    List<Entry> myAccessLog(@ContextValue(name = CALLER, required = false) Caller caller,
            @Argument int first) {
        List<Entry> entries = log.about(access.requireOwnPerson(known(caller), "myAccessLog"));
        return entries.subList(0, Math.min(Math.max(first, 0), entries.size()));
    }

    @MutationMapping
    Result grantConsent(@ContextValue(name = CALLER, required = false) Caller caller,
            @Argument GrantConsentInput input) {
        return consents.grant(access.requireOwnPerson(known(caller), "grantConsent"), input.advisorId(),
                input.purpose(), input.until(), LocalDate.now());
    }

    @MutationMapping
    Result withdrawConsent(@ContextValue(name = CALLER, required = false) Caller caller,
            @Argument WithdrawConsentInput input) {
        return consents.withdraw(access.requireOwnPerson(known(caller), "withdrawConsent"), input.consentId(),
                LocalDate.now());
    }

    private static Caller known(Caller caller) {
        return caller == null ? Caller.ANONYMOUS : caller;
    }

    @SchemaMapping(typeName = "Consent", field = "status")
    String status(Consent consent) {
        return consent.status(LocalDate.now());
    }

    @SchemaMapping(typeName = "Consent", field = "advisor")
    Advisor advisor(Consent consent) {
        return new Advisor(consent.advisorId(), consent.advisorName());
    }

    @BatchMapping(typeName = "Consent", field = "person")
    Map<Consent, Person> consentPerson(List<Consent> list) {
        return consents.peopleOf(list);
    }
}
