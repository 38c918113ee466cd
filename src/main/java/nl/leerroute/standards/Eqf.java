package nl.leerroute.standards;

/** The European Qualifications Framework levels as the EU's Europass vocabulary names them. */
public final class Eqf {

    /** Europass publishes one concept per level: {@code http://data.europa.eu/snb/eqf/1} to {@code .../8}. */
    public static final String BASE = "http://data.europa.eu/snb/eqf/";

    private Eqf() {
    }

    public static String uri(int level) {
        if (level < 1 || level > 8) {
            throw new IllegalArgumentException("EQF levels are 1-8, got " + level);
        }
        return BASE + level;
    }
}
