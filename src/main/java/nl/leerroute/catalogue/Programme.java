package nl.leerroute.catalogue;

import static nl.leerroute.database.Props.integer;
import static nl.leerroute.database.Props.str;

import java.util.Map;

public record Programme(String id, String croho, String level, String nameNl, String nameEn, String domain,
        String mode, Integer ec, Integer appendix, String provenance) implements Requirer {

    public static Programme of(Map<String, Object> n) {
        return new Programme(str(n, "id"), str(n, "croho"), str(n, "level"), str(n, "nameNl"), str(n, "nameEn"),
                str(n, "domain"), str(n, "mode"), integer(n, "ec"), integer(n, "appendix"), str(n, "provenance"));
    }
}
