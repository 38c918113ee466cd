package nl.leerroute.institution;

import java.util.List;

import nl.leerroute.catalogue.LearningOutcome;
import nl.leerroute.catalogue.LearningUnit;

/** A unit of the institution and another unit that teach some outcomes at overlapping levels. */
public record UnitOverlap(LearningUnit learningUnit, LearningUnit otherUnit, boolean sameProvider,
        List<SharedOutcome> sharedOutcomes) {

    /** An outcome both units teach, with the levels each teaches it at. */
    public record SharedOutcome(LearningOutcome outcome, LevelRange levels, LevelRange otherLevels) {
    }

    /** Levels {@code from} to {@code to}, both included. */
    public record LevelRange(int from, int to) {
    }
}
