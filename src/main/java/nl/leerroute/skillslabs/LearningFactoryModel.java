package nl.leerroute.skillslabs;

import java.util.List;

import org.apache.commons.text.CaseUtils;

/**
 * The Learning Factory descriptive model as the masterplan lists it: six dimensions (framework concepts
 * {@code lf-*}) and their aspects, with the masterplan's Dutch names and English ones. The didactic concept's
 * competencies and work forms are relationships of a skillslab, not text.
 */
public final class LearningFactoryModel {

    private LearningFactoryModel() {
    }

    /** A text aspect; {@code property} is the node property the seed writes (skillslabs.csv column in camel case). */
    public enum Aspect {
        BM_OPERATOR("lf-business-model", "Beheerder", "Operator"),
        BM_TRAINER("lf-business-model", "Trainer", "Trainer"),
        BM_FUNDING("lf-business-model", "Funding", "Funding"),
        PURPOSE_OBJECTIVE("lf-purpose", "Doelstelling", "Objective"),
        PURPOSE_TARGET_GROUP("lf-purpose", "Doelgroep", "Target group"),
        PURPOSE_SECTOR("lf-purpose", "Sector", "Sector"),
        PURPOSE_SUBJECTS("lf-purpose", "Onderwerpen", "Subjects"),
        PURPOSE_RESEARCH_THEMES("lf-purpose", "Onderzoeksthema's", "Research themes"),
        PROCESS_PRODUCT_LIFE_CYCLE("lf-process", "Product Life Cycle", "Product life cycle"),
        PROCESS_FACTORY_LIFE_CYCLE("lf-process", "Factory Life Cycle", "Factory life cycle"),
        PROCESS_TYPE("lf-process", "Type proces", "Process type"),
        PROCESS_PRODUCTION_TECHNIQUES("lf-process", "Productietechnieken", "Production techniques"),
        PROCESS_MATERIALS("lf-process", "Materialen", "Materials"),
        PROCESS_AUTOMATION_LEVEL("lf-process", "Mate van automatisering", "Automation level"),
        SETTING_LEARNING_ENVIRONMENT("lf-setting", "Leeromgeving", "Learning environment"),
        SETTING_SYSTEM_LEVEL("lf-setting", "Systeemniveau", "System level"),
        SETTING_FLEXIBILITY("lf-setting", "Flexibiliteit", "Flexibility"),
        PRODUCT_TYPE("lf-product", "Type product", "Product type"),
        PRODUCT_VARIETY("lf-product", "Variëteit", "Variety"),
        PRODUCT_QUANTITY("lf-product", "Aantal", "Quantity"),
        PRODUCT_COMPONENTS("lf-product", "Aantal componenten", "Number of components"),
        PRODUCT_MARKETABILITY("lf-product", "Vermarktbaarheid", "Marketability"),
        DIDACTIC_LEARNING_GOAL("lf-didactic-concept", "Leerdoel", "Learning goal"),
        DIDACTIC_LEARNING_STRATEGY("lf-didactic-concept", "Leerstrategie", "Learning strategy"),
        DIDACTIC_PARTICIPANTS("lf-didactic-concept", "Aantal deelnemers", "Number of participants"),
        DIDACTIC_TIME("lf-didactic-concept", "Tijd", "Time"),
        DIDACTIC_ASSESSMENT("lf-didactic-concept", "Toetsing", "Assessment");

        private final String dimension;
        private final String nameNl;
        private final String nameEn;

        Aspect(String dimension, String nameNl, String nameEn) {
            this.dimension = dimension;
            this.nameNl = nameNl;
            this.nameEn = nameEn;
        }

        public String dimension() {
            return dimension;
        }

        public String nameNl() {
            return nameNl;
        }

        public String nameEn() {
            return nameEn;
        }

        /** {@code PURPOSE_TARGET_GROUP} -> {@code purposeTargetGroup}. */
        public String property() {
            return CaseUtils.toCamelCase(name(), false, '_');
        }
    }

    /** The dimensions in the masterplan's order. */
    public static final List<String> DIMENSIONS = List.of("lf-business-model", "lf-purpose", "lf-process",
            "lf-setting", "lf-product", "lf-didactic-concept");
}
