package nl.leerroute.institution.graphql;

import nl.leerroute.institution.CatalogueChanges.OutcomeInput;
import nl.leerroute.institution.CatalogueChanges.OutcomeResult;
import nl.leerroute.institution.CatalogueChanges.Removal;
import nl.leerroute.institution.CatalogueChanges.RemoveInput;
import nl.leerroute.institution.CatalogueChanges.UnitInput;
import nl.leerroute.institution.CatalogueChanges.UnitResult;
import nl.leerroute.institution.CatalogueEditor;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Mutations of learning units and outcomes; each binds its input and calls {@link CatalogueEditor}. */
@Controller
class CatalogueMutationController {

    private final CatalogueEditor editor;

    CatalogueMutationController(CatalogueEditor editor) {
        this.editor = editor;
    }

    @MutationMapping
    UnitResult addLearningUnit(@Argument UnitInput input) {
        return editor.addLearningUnit(input);
    }

    @MutationMapping
    UnitResult updateLearningUnit(@Argument UnitInput input) {
        return editor.updateLearningUnit(input);
    }

    @MutationMapping
    Removal removeLearningUnit(@Argument RemoveInput input) {
        return editor.removeLearningUnit(input);
    }

    @MutationMapping
    OutcomeResult addLearningOutcome(@Argument OutcomeInput input) {
        return editor.addLearningOutcome(input);
    }

    @MutationMapping
    OutcomeResult updateLearningOutcome(@Argument OutcomeInput input) {
        return editor.updateLearningOutcome(input);
    }

    @MutationMapping
    Removal removeLearningOutcome(@Argument RemoveInput input) {
        return editor.removeLearningOutcome(input);
    }
}
