package nl.leerroute.catalogue;

import static nl.leerroute.database.Props.str;

import java.util.Map;

public record Place(String name, String province) {

    public static Place of(Map<String, Object> n) {
        return new Place(str(n, "name"), str(n, "province"));
    }
}
