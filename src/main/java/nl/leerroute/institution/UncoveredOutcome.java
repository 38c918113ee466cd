package nl.leerroute.institution;

import java.util.List;

import nl.leerroute.catalogue.LearningOutcome;
import nl.leerroute.catalogue.Requirer;

/** An outcome required at a level above the highest level any unit yields it at (0: none does). */
public record UncoveredOutcome(LearningOutcome outcome, int requiredLevel, int highestTaughtLevel,
        List<RequiredAt> requiredBy) {

    /** A role, certificate or programme requiring the outcome at {@code level}. */
    public record RequiredAt(Requirer requirer, int level) {
    }
}
