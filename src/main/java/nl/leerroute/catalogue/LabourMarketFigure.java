package nl.leerroute.catalogue;

import static nl.leerroute.database.Props.decimal;
import static nl.leerroute.database.Props.integer;
import static nl.leerroute.database.Props.str;

import java.util.Map;

public record LabourMarketFigure(String region, String sector, String indicator, Double value, String label,
        String period, Integer occupationLevel, String provenance) {

    public static LabourMarketFigure of(Map<String, Object> n) {
        return new LabourMarketFigure(str(n, "province"), str(n, "sector"), str(n, "indicator"), decimal(n, "value"),
                str(n, "label"), str(n, "period"), integer(n, "occupationLevel"), str(n, "provenance"));
    }
}
