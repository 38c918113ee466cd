package nl.leerroute.access;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/**
 * The access rule of every GraphQL operation, in one table. An operation without a rule is for
 * ADMIN only ({@link #UNDECIDED}): whoever adds an operation decides here who else may run it (and
 * the access matrix test fails until they do).
 * People's data is additionally guarded on every field of type {@code Person}, whatever path leads there.
 */
@Component
class OperationRules {

    /** An operation nobody has decided about yet: only an admin may run it. */
    static final Rule UNDECIDED = request -> {
        request.access.requireSignedIn(request.caller, request.operation);
        if (!request.caller.has(Role.ADMIN)) {
            throw AccessRefusedException.forbidden(request.operation + ": no access rule is defined for this "
                    + "operation yet, so only an admin may run it");
        }
    };

    /** Anyone, signed in or not: the public catalogue. */
    static final Rule PUBLIC = request -> {
    };

    /** Any signed-in caller; what they see is filtered by the operation itself. */
    static final Rule SIGNED_IN = request -> request.access.requireSignedIn(request.caller, request.operation);

    /**
     * Reads every person named in the arguments ({@code personId} at any depth, or the owner of an
     * {@code evidenceId}). Without any person it is the public planner (anonymous profile).
     */
    static final Rule READ_PEOPLE_NAMED = request -> people(request).forEach(request::read);

    /** Like {@link #READ_PEOPLE_NAMED}, but about a person (the schema requires one), so sign-in comes first. */
    static final Rule READ_PERSON = request -> {
        request.access.requireSignedIn(request.caller, request.operation);
        people(request).forEach(request::read);
    };

    /** Changes the data of every person named in the arguments; requires sign-in. */
    static final Rule WRITE_PERSON = request -> {
        request.access.requireSignedIn(request.caller, request.operation);
        people(request).forEach(request::write);
    };

    static final Rule WORKER_OWN = request -> request.access.requireOwnPerson(request.caller, request.operation);

    static final Rule ADVISOR = request -> request.access.requireRole(request.caller, request.operation,
            Role.ADVISOR);

    static final Rule EDITOR = request -> request.access.requireRole(request.caller, request.operation, Role.ADMIN,
            Role.INSTITUTION_EDITOR);

    private final Map<String, Rule> rules = new TreeMap<>();

    OperationRules(Consents consents) {
        for (String query : new String[] {"institutions", "institution", "places", "programmes", "programme",
                "minors", "minor", "learningUnits", "learningUnit", "learningOutcomes", "learningOutcome",
                "competencies", "competency", "frameworkConcepts", "roles", "role", "certificates", "certificate",
                "labourMarket", "searchCatalogue", "seedStatus", "modulesCoveringOutcome", "uncoveredOutcomes",
                "catalogueOverlap", "me", "suggestOutcomes", "fundingSchemes", "fundingScheme", "skillslabs",
                "skillslab"}) {
            rules.put("Query." + query, PUBLIC);
        }
        rules.put("Query.people", SIGNED_IN);
        rules.put("Query.person", request -> {
            request.access.requireSignedIn(request.caller, request.operation);
            request.read(request.string("id"));
        });
        rules.put("Query.planRoute", READ_PEOPLE_NAMED);
        rules.put("Query.compareRoutes", READ_PEOPLE_NAMED);
        for (String query : new String[] {"tShapeProfile", "suggestGoals", "savedPlans", "nextSteps",
                "personFunding"}) {
            rules.put("Query." + query, READ_PERSON);
        }
        for (String query : new String[] {"myConsents", "myAccessLog", "exportMyData"}) {
            rules.put("Query." + query, WORKER_OWN);
        }
        rules.put("Query.myClients", ADVISOR);
        // Reviewing claims is an advisor's (or an institution assessor's, with an advisor account) work: the
        // person's consent decides whose claims they see; a worker never reviews their own.
        rules.put("Query.evidenceToReview", request -> {
            request.access.requireRole(request.caller, request.operation, Role.ADMIN, Role.ADVISOR);
            people(request).forEach(request::read);
        });
        for (String mutation : new String[] {"validateEvidence", "rejectEvidence"}) {
            rules.put("Mutation." + mutation, request -> {
                request.access.requireRole(request.caller, request.operation, Role.ADMIN, Role.ADVISOR);
                people(request).forEach(request::write);
            });
        }
        rules.put("Mutation.updatePlan", request -> {
            request.access.requireSignedIn(request.caller, request.operation);
            String owner = request.access.ownerOfPlan(request.string("input.planId"));
            if (owner == null && !request.caller.has(Role.ADMIN)) {
                throw AccessRefusedException.forbidden(request.operation + ": not allowed to change this plan");
            }
            if (owner != null) {
                request.write(owner);
            }
            people(request).forEach(request::write);
        });

        rules.put("Mutation.createPerson", new Rule() {
            @Override
            public void check(Request request) {
                request.access.requireRole(request.caller, request.operation, Role.ADMIN, Role.ADVISOR);
            }

            /** An advisor creates a client across the desk: they get an intake consent the person can withdraw. */
            @Override
            public void after(Request request, Object result) {
                if (!request.caller.has(Role.ADMIN)) {
                    createdPersonId(result).ifPresent(id -> consents.recordIntake(id, request.caller));
                }
            }
        });
        for (String mutation : new String[] {"addEvidence", "changeEvidence", "removeEvidence", "savePlan",
                "acceptSuggestions"}) {
            rules.put("Mutation." + mutation, WRITE_PERSON);
        }
        rules.put("Mutation.recordProgress", request -> {
            request.access.requireSignedIn(request.caller, request.operation);
            String person = request.string("input.personId");
            if ("COMPLETED".equals(request.string("input.status"))) {
                request.access.requireAttestCompletion(request.caller, person,
                        request.access.providerOf(request.string("input.learningUnitId")), request.operation);
            } else {
                request.write(person);
            }
        });
        rules.put("Mutation.addLearningUnit", request -> request.access.requireEditInstitution(request.caller,
                request.string("input.providerId"), request.operation));
        rules.put("Mutation.updateLearningUnit", request -> {
            request.access.requireEditInstitution(request.caller,
                    request.access.providerOf(request.string("input.id")), request.operation);
            request.access.requireEditInstitution(request.caller, request.string("input.providerId"),
                    request.operation);
        });
        rules.put("Mutation.removeLearningUnit", request -> request.access.requireEditInstitution(request.caller,
                request.access.providerOf(request.string("input.id")), request.operation));
        rules.put("Mutation.addLearningOutcome", EDITOR);
        rules.put("Mutation.updateLearningOutcome", request -> request.access.requireEditOutcome(request.caller,
                request.string("input.id"), request.operation));
        rules.put("Mutation.removeLearningOutcome", request -> request.access.requireEditOutcome(request.caller,
                request.string("input.id"), request.operation));
        for (String mutation : new String[] {"grantConsent", "withdrawConsent", "eraseMe"}) {
            rules.put("Mutation." + mutation, WORKER_OWN);
        }
        // standards (issue 10): the ESCO lookup is catalogue; a badge is the person's data; an import is the
        // institution's catalogue, so its editors (or an admin) may run it
        rules.put("Query.escoConcept", PUBLIC);
        rules.put("Query.certificateBadge", READ_PERSON);
        rules.put("Mutation.importOoapiCatalogue", request -> request.access.requireEditInstitution(request.caller,
                request.string("input.institutionId"), request.operation));
        // Employers act for one firm; per employee they see only what that employee shares with it (Teams).
        rules.put("Query.transformationNeeds", PUBLIC);
        for (String operation : new String[] {"Query.myEmployees", "Query.myTeams", "Mutation.createTeam"}) {
            rules.put(operation, request -> request.access.requireEmployerFirm(request.caller, request.operation));
        }
        rules.put("Query.team", request -> request.access.requireTeamOfFirm(request.caller, request.string("id"),
                request.operation));
        for (String query : new String[] {"teamGap", "teamPlan"}) {
            rules.put("Query." + query, request -> request.access.requireTeamOfFirm(request.caller,
                    request.string("teamId"), request.operation));
        }
        rules.put("Mutation.updateTeam", request -> request.access.requireTeamOfFirm(request.caller,
                request.string("input.id"), request.operation));
        rules.put("Query.myEmployerConsents", WORKER_OWN);
        for (String mutation : new String[] {"grantEmployerConsent", "withdrawEmployerConsent"}) {
            rules.put("Mutation." + mutation, WORKER_OWN);
        }
    }

    /** The rule for {@code Type.field} of Query or Mutation; empty: no rule, so refused. */
    Optional<Rule> rule(String typeName, String fieldName) {
        return Optional.ofNullable(rules.get(typeName + "." + fieldName));
    }

    private static java.util.List<String> people(Request request) {
        java.util.List<String> people = new java.util.ArrayList<>(request.all("personId"));
        for (String evidence : request.all("evidenceId")) {
            String owner = request.access.ownerOfEvidence(evidence);
            if (owner != null) {
                people.add(owner);
            } else if (!request.caller.has(Role.ADMIN)) {
                throw AccessRefusedException.forbidden(request.operation + ": not allowed to change this evidence");
            }
        }
        return people;
    }

    /** {@code payload.person().id()} of a createPerson payload record; empty when it reports errors. */
    private static Optional<String> createdPersonId(Object payload) {
        Object person = component(payload, "person");
        return Optional.ofNullable(component(person, "id")).map(String::valueOf);
    }

    private static Object component(Object record, String name) {
        if (record == null || !record.getClass().isRecord()) {
            return null;
        }
        for (var component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    var accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    return accessor.invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + name + " of " + record.getClass(), e);
                }
            }
        }
        return null;
    }
}
