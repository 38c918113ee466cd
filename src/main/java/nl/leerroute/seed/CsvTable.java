package nl.leerroute.seed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/** A CSV file read as a header and rows, each row remembering the line it starts on. */
record CsvTable(String file, List<String> header, List<Row> rows) {

    record Row(String file, int line, Map<String, String> values) {

        /** The trimmed value, or null when the cell is empty or the column absent. */
        String get(String column) {
            String value = values.get(column);
            if (value == null) {
                return null;
            }
            String trimmed = value.strip();
            return trimmed.isEmpty() ? null : trimmed;
        }
    }

    private static final CsvMapper MAPPER = new CsvMapper();

    /**
     * Parses RFC 4180 CSV. Problems (unreadable syntax, ragged rows, duplicate header names) are
     * added to {@code problems}; the rows that could be read are still returned.
     */
    static CsvTable parse(String file, String content, List<SeedProblem> problems) {
        List<Row> rows = new ArrayList<>();
        List<String> header = stream(file, new java.io.StringReader(content), problems, h -> { }, rows::add);
        return new CsvTable(file, header, rows);
    }

    /**
     * Reads CSV row by row, so that a file of millions of records never has to fit in memory;
     * same rules and problems as {@link #parse}. A leading byte-order mark is skipped.
     *
     * @return the header (empty when the file has none)
     */
    static List<String> stream(String file, java.io.Reader content, List<SeedProblem> problems,
            Consumer<List<String>> headers, Consumer<Row> rows) {
        List<String> header = null;
        try (JsonParser parser = MAPPER.readerFor(String[].class).with(CsvSchema.emptySchema())
                .createParser(skipByteOrderMark(content))) {
            JsonToken token;
            List<String> cells = new ArrayList<>();
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_ARRAY) {
                    continue;
                }
                int line = -1;
                cells.clear();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    if (line < 0) {
                        // the first cell's location: the array token itself is reported at the previous line end
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    cells.add(parser.getString());
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (header == null) {
                    header = readHeader(file, line, cells, problems);
                    headers.accept(header);
                    continue;
                }
                if (cells.size() > header.size()) {
                    problems.add(new SeedProblem(file, line, "", "has " + cells.size()
                            + " fields but the header has " + header.size() + " (an unquoted comma?)"));
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < cells.size(); i++) {
                    values.put(header.get(i), cells.get(i));
                }
                rows.accept(new Row(file, line, values));
            }
        } catch (JacksonException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                problems.add(new SeedProblem(file, 0, "", "is not UTF-8: save it as 'CSV UTF-8'"));
                return header == null ? List.of() : header;
            }
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(new SeedProblem(file, line, "", "is not valid CSV: " + e.getOriginalMessage()));
        }
        if (header == null) {
            problems.add(new SeedProblem(file, 0, "", "is empty: expected a header line"));
            header = List.of();
        }
        return header;
    }

    private static java.io.Reader skipByteOrderMark(java.io.Reader content) {
        java.io.PushbackReader reader = new java.io.PushbackReader(content instanceof java.io.BufferedReader
                ? content : new java.io.BufferedReader(content, 1 << 16));
        try {
            int first = reader.read();
            if (first >= 0 && first != '\uFEFF') {
                reader.unread(first);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return reader;
    }

    private static List<String> readHeader(String file, int line, List<String> cells, List<SeedProblem> problems) {
        List<String> header = cells.stream().map(String::strip).toList();
        if (header.size() == 1 && header.get(0).contains(";")) {
            problems.add(new SeedProblem(file, line, "", "the header is separated by ';': save the file as "
                    + "'CSV UTF-8 (comma delimited)'"));
        }
        List<String> seen = new ArrayList<>();
        for (String name : header) {
            if (seen.contains(name)) {
                problems.add(new SeedProblem(file, line, name, "appears twice in the header"));
            }
            seen.add(name);
        }
        return header;
    }
}
