package nl.leerroute.catalogue;

/** Records pairing a catalogue item with the EQF level at which it is yielded, required or asserted. */
public final class Leveled {

    private Leveled() {
    }

    public record OutcomeAtLevel(LearningOutcome outcome, int level) {
    }

    public record UnitAtLevel(LearningUnit learningUnit, int level) {
    }

    /** One alternative of an entry requirement: an outcome at a minimum level, or an earlier unit. */
    public record Requirement(LearningOutcome outcome, Integer minLevel, LearningUnit learningUnit) {
    }

    public record RequirementGroup(java.util.List<Requirement> alternatives) {
    }

    /** One full-text hit; exactly one of the three is set. */
    public record CatalogueHit(double score, LearningOutcome outcome, Competency competency,
            LearningUnit learningUnit) {
    }
}
