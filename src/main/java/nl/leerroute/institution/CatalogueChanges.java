package nl.leerroute.institution;

import java.time.LocalDate;
import java.util.List;

import nl.leerroute.catalogue.LearningOutcome;
import nl.leerroute.catalogue.LearningUnit;

/** The inputs and results of catalogue changes; a null input field means "not given". */
public final class CatalogueChanges {

    private CatalogueChanges() {
    }

    /** A whole unit (add) or the fields to change (update). */
    public record UnitInput(String id, String kind, String titleNl, String titleEn, String descriptionNl,
            String descriptionEn, String providerId, String partOfId, Integer sequence, Double ec, Integer hours,
            Integer durationWeeks, Double costEur, String mode, String place, String language,
            List<LocalDate> startMoments, List<YieldInput> yields, List<RequirementGroupInput> entryRequirements) {
    }

    public record YieldInput(String outcomeId, Integer level) {
    }

    /** One entry-requirement group: one alternative suffices. */
    public record RequirementGroupInput(List<RequirementInput> alternatives) {
    }

    /** An outcome at a minimum level, or a unit completed earlier. */
    public record RequirementInput(String outcomeId, Integer minLevel, String learningUnitId) {
    }

    /** A whole outcome (add) or the fields to change (update). */
    public record OutcomeInput(String id, String titleNl, String titleEn, String descriptionNl, String descriptionEn,
            Integer eqfLevel, String competencyId, Integer shelfLifeYears, String escoUri) {
    }

    /** Which record to remove. */
    public record RemoveInput(String id) {
    }

    /** The unit as it is after the change, or why nothing changed. */
    public record UnitResult(LearningUnit learningUnit, List<InputError> errors) {
    }

    /** The outcome as it is after the change, or why nothing changed. */
    public record OutcomeResult(LearningOutcome learningOutcome, List<InputError> errors) {
    }

    /** The removed id, or why nothing was removed. */
    public record Removal(String removedId, List<InputError> errors) {
    }
}
