package nl.leerroute.skillslabs;

import static nl.leerroute.database.Props.str;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A skillslab and its Learning Factory profile.
 *
 * @param aspects text aspects by {@link LearningFactoryModel.Aspect} name
 */
public record Skillslab(String id, String nameNl, String nameEn, String descriptionNl, String descriptionEn,
        String provenance, Map<String, String> aspects) {

    static Skillslab of(Map<String, Object> n) {
        Map<String, String> aspects = new LinkedHashMap<>();
        for (LearningFactoryModel.Aspect a : LearningFactoryModel.Aspect.values()) {
            aspects.put(a.name(), str(n, a.property()));
        }
        return new Skillslab(str(n, "id"), str(n, "nameNl"), str(n, "nameEn"), str(n, "descriptionNl"),
                str(n, "descriptionEn"), str(n, "provenance"), aspects);
    }
}
