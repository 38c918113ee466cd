package nl.leerroute.institution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import nl.leerroute.institution.CatalogueChanges.OutcomeInput;
import nl.leerroute.institution.CatalogueChanges.RequirementGroupInput;
import nl.leerroute.institution.CatalogueChanges.RequirementInput;
import nl.leerroute.institution.CatalogueChanges.UnitInput;
import nl.leerroute.institution.CatalogueChanges.YieldInput;
import nl.leerroute.institution.InputError.InvalidValue;

/**
 * The rules a complete unit or outcome must satisfy on its own, the same as the seed importer's
 * (graph-seed/README.md); whether references exist is checked against the graph by {@link CatalogueEditor}.
 */
public final class ChangeRules {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");
    static final Set<String> UNIT_KINDS = Set.of("MODULE", "TRAINING", "SKILLSLAB", "ONLINE_COURSE", "ASSESSMENT");
    static final Set<String> MODES = Set.of("FULL_TIME", "PART_TIME", "DUAL", "ONLINE", "ON_SITE");
    static final Set<String> LANGUAGES = Set.of("nl", "en");
    static final int HOURS_PER_EC = 28;

    private ChangeRules() {
    }

    public static List<InputError> unit(UnitInput unit) {
        List<InputError> errors = new ArrayList<>();
        id(unit.id(), errors);
        oneOf("kind", unit.kind(), UNIT_KINDS, errors);
        text("titleNl", unit.titleNl(), errors);
        text("titleEn", unit.titleEn(), errors);
        text("providerId", unit.providerId(), errors);
        if (unit.sequence() != null && unit.sequence() < 1) {
            errors.add(new InvalidValue("sequence", "must be 1 or more, got " + unit.sequence()));
        }
        if (unit.ec() != null && !(unit.ec() > 0)) {
            errors.add(new InvalidValue("ec", "must be more than 0, got " + unit.ec()));
        }
        positive("hours", unit.hours(), errors);
        positive("durationWeeks", unit.durationWeeks(), errors);
        if (unit.costEur() == null) {
            errors.add(new InvalidValue("costEur", "is required"));
        } else if (!(unit.costEur() >= 0) || unit.costEur().isInfinite()) {
            errors.add(new InvalidValue("costEur", "must be 0 or more, got " + unit.costEur()));
        }
        if (unit.ec() != null && unit.ec() > 0 && unit.hours() != null
                && Math.abs(unit.ec() * HOURS_PER_EC - unit.hours()) > 1e-9) {
            errors.add(new InvalidValue("hours", "is " + unit.hours() + " but " + number(unit.ec()) + " EC x "
                    + HOURS_PER_EC + " = " + number(unit.ec() * HOURS_PER_EC)));
        }
        oneOf("mode", unit.mode(), MODES, errors);
        if (unit.mode() != null && !unit.mode().equals("ONLINE") && isBlank(unit.place())) {
            errors.add(new InvalidValue("place", "is required unless mode is ONLINE"));
        }
        oneOf("language", unit.language(), LANGUAGES, errors);
        yields(unit.yields(), errors);
        requirements(unit.id(), unit.entryRequirements(), errors);
        return errors;
    }

    public static List<InputError> outcome(OutcomeInput outcome) {
        List<InputError> errors = new ArrayList<>();
        id(outcome.id(), errors);
        text("titleNl", outcome.titleNl(), errors);
        text("titleEn", outcome.titleEn(), errors);
        level("eqfLevel", outcome.eqfLevel(), errors);
        text("competencyId", outcome.competencyId(), errors);
        if (outcome.shelfLifeYears() != null && outcome.shelfLifeYears() < 1) {
            errors.add(new InvalidValue("shelfLifeYears", "must be 1 or more, got " + outcome.shelfLifeYears()));
        }
        return errors;
    }

    private static void yields(List<YieldInput> yields, List<InputError> errors) {
        if (yields == null || yields.isEmpty()) {
            errors.add(new InvalidValue("yields", "at least one yielded outcome is required"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < yields.size(); i++) {
            YieldInput y = yields.get(i);
            String field = "yields[" + i + "]";
            text(field + ".outcomeId", y.outcomeId(), errors);
            level(field + ".level", y.level(), errors);
            if (y.outcomeId() != null && !seen.add(y.outcomeId())) {
                errors.add(new InvalidValue(field + ".outcomeId", "outcome '" + y.outcomeId() + "' is yielded twice"));
            }
        }
    }

    private static void requirements(String unitId, List<RequirementGroupInput> groups, List<InputError> errors) {
        if (groups == null) {
            return;
        }
        for (int g = 0; g < groups.size(); g++) {
            List<RequirementInput> alternatives = groups.get(g).alternatives();
            String groupField = "entryRequirements[" + g + "].alternatives";
            if (alternatives == null || alternatives.isEmpty()) {
                errors.add(new InvalidValue(groupField, "a group needs at least one alternative"));
                continue;
            }
            for (int a = 0; a < alternatives.size(); a++) {
                RequirementInput r = alternatives.get(a);
                String field = groupField + "[" + a + "]";
                if ((r.outcomeId() == null) == (r.learningUnitId() == null)) {
                    errors.add(new InvalidValue(field, "give exactly one of outcomeId and learningUnitId"));
                } else if (r.outcomeId() != null) {
                    level(field + ".minLevel", r.minLevel(), errors);
                } else if (r.minLevel() != null) {
                    errors.add(new InvalidValue(field + ".minLevel", "only an outcome has a minimum level"));
                } else if (r.learningUnitId().equals(unitId)) {
                    errors.add(new InvalidValue(field + ".learningUnitId", "a unit cannot require itself"));
                }
            }
        }
    }

    private static void id(String id, List<InputError> errors) {
        if (isBlank(id)) {
            errors.add(new InvalidValue("id", "is required"));
        } else if (!ID.matcher(id).matches()) {
            errors.add(new InvalidValue("id", "may only hold letters, digits, '-', '_' and '.', got '" + id + "'"));
        }
    }

    private static void text(String field, String value, List<InputError> errors) {
        if (isBlank(value)) {
            errors.add(new InvalidValue(field, "is required"));
        }
    }

    private static void positive(String field, Integer value, List<InputError> errors) {
        if (value == null) {
            errors.add(new InvalidValue(field, "is required"));
        } else if (value <= 0) {
            errors.add(new InvalidValue(field, "must be more than 0, got " + value));
        }
    }

    private static void level(String field, Integer level, List<InputError> errors) {
        if (level == null) {
            errors.add(new InvalidValue(field, "is required"));
        } else if (level < 1 || level > 8) {
            errors.add(new InvalidValue(field, "must be an EQF level 1-8, got " + level));
        }
    }

    private static void oneOf(String field, String value, Set<String> allowed, List<InputError> errors) {
        if (isBlank(value)) {
            errors.add(new InvalidValue(field, "is required"));
        } else if (!allowed.contains(value)) {
            errors.add(new InvalidValue(field, "must be one of " + new java.util.TreeSet<>(allowed) + ", got '"
                    + value + "'"));
        }
    }

    private static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
