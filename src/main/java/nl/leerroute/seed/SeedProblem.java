package nl.leerroute.seed;

/**
 * One thing wrong with a seed file, located so that the person editing it can find it.
 *
 * @param file  file name inside the seed directory
 * @param line  1-based line where the record starts (0 when the problem is about the whole file)
 * @param field column name, or empty when the problem is about the whole record or file
 */
public record SeedProblem(String file, int line, String field, String message) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        if (!field.isEmpty()) {
            text.append(": field '").append(field).append('\'');
        }
        return text.append(": ").append(message).toString();
    }
}
