package nl.leerroute.skillslabs.graphql;

import java.util.List;
import java.util.Map;

import nl.leerroute.catalogue.Competency;
import nl.leerroute.catalogue.FrameworkConcept;
import nl.leerroute.catalogue.Institution;
import nl.leerroute.catalogue.LearningUnit;
import nl.leerroute.catalogue.Leveled.OutcomeAtLevel;
import nl.leerroute.catalogue.Place;
import nl.leerroute.skillslabs.LearningFactoryModel;
import nl.leerroute.skillslabs.Skillslab;
import nl.leerroute.skillslabs.Skillslabs;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Skillslabs in the public catalogue: translates the filter and batches every relation. */
@Controller
class SkillslabController {

    record AspectFilterInput(String aspect, String contains) {
    }

    record SkillslabFilterInput(String province, String place, String fieldlabId, String competencyId, String outcomeId,
            String learns, String workFormId, List<AspectFilterInput> aspects) {
    }

    private final Skillslabs skillslabs;

    SkillslabController(Skillslabs skillslabs) {
        this.skillslabs = skillslabs;
    }

    @QueryMapping
    List<Skillslab> skillslabs(@Argument SkillslabFilterInput filter) {
        if (filter == null) {
            return skillslabs.skillslabs(null);
        }
        List<Skillslabs.AspectCondition> aspects = filter.aspects() == null ? List.of() : filter.aspects().stream()
                .map(a -> new Skillslabs.AspectCondition(LearningFactoryModel.Aspect.valueOf(a.aspect()),
                        a.contains()))
                .toList();
        return skillslabs.skillslabs(new Skillslabs.Filter(filter.province(), filter.place(), filter.fieldlabId(),
                filter.competencyId(), filter.outcomeId(), filter.learns(), filter.workFormId(), aspects));
    }

    @QueryMapping
    Skillslab skillslab(@Argument String id) {
        return skillslabs.skillslab(id).orElse(null);
    }

    @BatchMapping
    Map<Skillslab, Institution> fieldlab(List<Skillslab> labs) {
        return skillslabs.fieldlabs(labs);
    }

    @BatchMapping
    Map<Skillslab, Place> place(List<Skillslab> labs) {
        return skillslabs.places(labs);
    }

    @BatchMapping
    Map<Skillslab, List<LearningUnit>> assignments(List<Skillslab> labs) {
        return skillslabs.assignments(labs);
    }

    @BatchMapping
    Map<Skillslab, List<OutcomeAtLevel>> outcomes(List<Skillslab> labs) {
        return skillslabs.outcomes(labs);
    }

    @BatchMapping
    Map<Skillslab, List<Competency>> competencies(List<Skillslab> labs) {
        return skillslabs.competencies(labs);
    }

    @BatchMapping
    Map<Skillslab, List<FrameworkConcept>> workForms(List<Skillslab> labs) {
        return skillslabs.workForms(labs);
    }

    @BatchMapping
    Map<Skillslab, List<Skillslabs.DimensionProfile>> profile(List<Skillslab> labs) {
        return skillslabs.profiles(labs);
    }
}
