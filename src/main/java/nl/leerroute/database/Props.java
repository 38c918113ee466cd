package nl.leerroute.database;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Typed access to a node's property map as returned by {@link GraphReader}. */
public final class Props {

    private Props() {
    }

    public static String str(Map<String, Object> properties, String key) {
        Object value = properties.get(key);
        return value == null ? null : value.toString();
    }

    public static Integer integer(Map<String, Object> properties, String key) {
        return properties.get(key) instanceof Number number ? number.intValue() : null;
    }

    public static Double decimal(Map<String, Object> properties, String key) {
        return properties.get(key) instanceof Number number ? number.doubleValue() : null;
    }

    public static LocalDate date(Map<String, Object> properties, String key) {
        return properties.get(key) instanceof LocalDate date ? date : null;
    }

    public static List<LocalDate> dates(Map<String, Object> properties, String key) {
        return properties.get(key) instanceof List<?> list
                ? list.stream().filter(LocalDate.class::isInstance).map(LocalDate.class::cast).toList()
                : List.of();
    }
}
