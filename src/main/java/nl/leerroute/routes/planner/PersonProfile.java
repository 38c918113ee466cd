package nl.leerroute.routes.planner;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeLevel;

/** One person's prior learning as the planner sees it: evidence items that assert outcomes at levels. */
public record PersonProfile(List<Evidence> evidence) {

    public PersonProfile {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public static PersonProfile of(Evidence... evidence) {
        return new PersonProfile(List.of(evidence));
    }

    public enum EvidenceStatus {
        /** Self-declared or suggested from free text: credits nothing, but makes an assessment step possible. */
        CLAIMED,
        /** Diploma, certificate, completed unit, passed assessment: credits fully while within shelf life. */
        VALIDATED
    }

    /**
     * An evidence item.
     *
     * @param obtained the day it was obtained; null means ongoing / as of today (never stale)
     * @param completedUnitId optional: the catalogue unit this evidence shows was completed; a VALIDATED item
     *        with it meets requirement alternatives that name that unit
     */
    public record Evidence(String id, String title, EvidenceStatus status, LocalDate obtained,
            List<OutcomeLevel> asserts, String completedUnitId) {
        public Evidence {
            Objects.requireNonNull(id, "evidence id");
            Objects.requireNonNull(status, "status of " + id);
            asserts = asserts == null ? List.of() : List.copyOf(asserts);
        }

        public Evidence(String id, String title, EvidenceStatus status, LocalDate obtained,
                List<OutcomeLevel> asserts) {
            this(id, title, status, obtained, asserts, null);
        }
    }
}
