package io.sanctionsrisk.risk.portfolio;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.sanctionsrisk.risk.snapshot.InstitutionScoring;
import io.sanctionsrisk.risk.web.ApiProblem;
import io.sanctionsrisk.risk.web.ProblemType;
import io.sanctionsrisk.risk.web.Violation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a portfolio upload: a JSON array of institutions, NDJSON (one per line, blank lines skipped) or CSV (a header
 * naming the columns, then one institution per line). A body that cannot be read as its type at all is a 400; a row
 * that cannot be read is recorded as a problem of that row, so that every bad row is listed in one 422.
 */
final class InstitutionUpload {

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";
    static final List<String> CSV_COLUMNS = List.of(
            "institutionId",
            "sector",
            "country",
            "horizonDays",
            "swiftConnectivity",
            "cryptoCustody",
            "correspondentExposure",
            "controlMaturity");
    private static final List<String> REQUIRED_COLUMNS = CSV_COLUMNS.subList(0, 3);

    /**
     * The rows read: a null input where the row could not be read (its problems are in {@code errors}); {@code lines}
     * holds each row's line number (NDJSON, CSV) or is null (JSON).
     */
    record Rows(List<InstitutionScoring.Input> inputs, int[] lines, List<List<Violation>> errors) {

        int size() {
            return inputs.size();
        }

        String prefix(int index) {
            return lines == null ? "[" + index + "]." : "line " + lines[index] + ": [" + index + "].";
        }
    }

    private final ObjectMapper mapper;
    private final ObjectReader reader;
    private final int maxRows;

    InstitutionUpload(ObjectMapper mapper, int maxRows) {
        this.mapper = mapper;
        this.reader = mapper.readerFor(InstitutionRow.class);
        this.maxRows = maxRows;
    }

    Rows read(InputStream body, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith(NDJSON)) {
            return readNdjson(body);
        }
        if (type.startsWith(CSV)) {
            return readCsv(body);
        }
        return readJson(body);
    }

    private Rows readJson(InputStream body) {
        Collector out = new Collector(false);
        ObjectReader item = reader.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // an object is followed by the next one: trailing tokens are the array's business, not the object's
        ObjectReader tree = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw malformed("body", "must be a JSON array of institutions");
            }
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_ARRAY) {
                    break;
                }
                if (token == null) {
                    throw malformed("body", "the array is not closed");
                }
                out.checkSize();
                if (token != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    out.bad(0, List.of(Violation.of("[" + out.size() + "]", "must be an institution object")));
                    continue;
                }
                // read the object as a tree first, so a bad field spoils this row only and the next row is read
                com.fasterxml.jackson.databind.JsonNode node = tree.readTree(parser);
                try {
                    out.add(input(item.treeToValue(node, InstitutionRow.class)), 0);
                } catch (JsonProcessingException e) {
                    out.bad(0, List.of(Violation.of("[" + out.size() + "]" + field(e, "."), message(e))));
                }
            }
            if (parser.nextToken() != null) {
                throw malformed("body", "has content after the array");
            }
        } catch (JsonProcessingException e) {
            throw malformed("body", "is not valid JSON (line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw malformed("body", "could not be read");
        }
        return out.rows();
    }

    private Rows readNdjson(InputStream body) {
        Collector out = new Collector(true);
        int lineNumber = 0;
        try (BufferedReader in = utf8(body)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                out.checkSize();
                try {
                    out.add(input(reader.readValue(line)), lineNumber);
                } catch (JsonProcessingException e) {
                    String prefix = "line " + lineNumber + ": [" + out.size() + "]";
                    out.bad(lineNumber, List.of(Violation.of(prefix + field(e, "."), message(e))));
                }
            }
        } catch (CharacterCodingException e) {
            throw malformed("body", "is not valid UTF-8");
        } catch (IOException e) {
            throw malformed("body", "could not be read");
        }
        return out.rows();
    }

    private Rows readCsv(InputStream body) {
        Collector out = new Collector(true);
        try (BufferedReader in = utf8(body)) {
            String headerLine = in.readLine();
            if (headerLine != null && headerLine.startsWith("\uFEFF")) {
                headerLine = headerLine.substring(1);
            }
            if (headerLine == null || headerLine.isBlank()) {
                throw invalidHeader("the first line must name the columns, e.g. " + String.join(",", CSV_COLUMNS));
            }
            List<String> header = CsvLine.split(headerLine);
            if (header == null) {
                throw invalidHeader("the header line has an unclosed quote");
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                String name = header.get(c).trim();
                if (!CSV_COLUMNS.contains(name)) {
                    throw invalidHeader("unknown column '" + shorten(name) + "'; the columns are " + CSV_COLUMNS);
                }
                if (columns.put(name, c) != null) {
                    throw invalidHeader("column '" + name + "' is named twice");
                }
            }
            for (String required : REQUIRED_COLUMNS) {
                if (!columns.containsKey(required)) {
                    throw invalidHeader("column '" + required + "' is missing; required: " + REQUIRED_COLUMNS);
                }
            }
            int lineNumber = 1;
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                out.checkSize();
                String prefix = "line " + lineNumber + ": [" + out.size() + "]";
                List<String> cells = CsvLine.split(line);
                if (cells == null) {
                    out.bad(lineNumber, List.of(Violation.of(prefix, "has an unclosed quote")));
                    continue;
                }
                if (cells.size() != header.size()) {
                    out.bad(
                            lineNumber,
                            List.of(Violation.of(
                                    prefix, "has " + cells.size() + " cells; the header names " + header.size())));
                    continue;
                }
                Integer horizon = null;
                String horizonText = cell(cells, columns, "horizonDays");
                if (horizonText != null) {
                    try {
                        horizon = Integer.valueOf(horizonText);
                    } catch (NumberFormatException e) {
                        out.bad(
                                lineNumber,
                                List.of(Violation.of(
                                        prefix + ".horizonDays",
                                        "'" + shorten(horizonText) + "' is not a whole number")));
                        continue;
                    }
                }
                out.add(
                        new InstitutionScoring.Input(
                                cell(cells, columns, "institutionId"),
                                cell(cells, columns, "sector"),
                                cell(cells, columns, "country"),
                                horizon,
                                cell(cells, columns, "swiftConnectivity"),
                                cell(cells, columns, "cryptoCustody"),
                                cell(cells, columns, "correspondentExposure"),
                                cell(cells, columns, "controlMaturity")),
                        lineNumber);
            }
        } catch (CharacterCodingException e) {
            throw malformed("body", "is not valid UTF-8");
        } catch (IOException e) {
            throw malformed("body", "could not be read");
        }
        return out.rows();
    }

    private static String cell(List<String> cells, Map<String, Integer> columns, String name) {
        Integer c = columns.get(name);
        if (c == null) {
            return null;
        }
        String value = cells.get(c).trim();
        return value.isEmpty() ? null : value;
    }

    private static InstitutionScoring.Input input(InstitutionRow r) {
        if (r == null) {
            return new InstitutionScoring.Input(null, null, null, null, null, null, null, null);
        }
        InstitutionRow.Exposure e = r.exposure();
        return new InstitutionScoring.Input(
                r.institutionId(),
                r.sector(),
                r.country(),
                r.horizonDays(),
                e == null ? null : e.swiftConnectivity(),
                e == null ? null : e.cryptoCustody(),
                e == null ? null : e.correspondentExposure(),
                e == null ? null : e.controlMaturity());
    }

    private static BufferedReader utf8(InputStream body) {
        return new BufferedReader(
                new InputStreamReader(
                        body,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)),
                1 << 16);
    }

    private static String field(JsonProcessingException e, String separator) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.isEmpty() ? separator : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.toString();
        }
        return "";
    }

    private static String message(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + shorten(u.getPropertyName()) + "'";
        }
        if (e instanceof JsonMappingException) {
            return "has the wrong type or form";
        }
        return "is not valid JSON";
    }

    static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }

    private static ApiProblem malformed(String field, String message) {
        return new ApiProblem(
                ProblemType.MALFORMED_BODY,
                field + ": " + message,
                List.of(Violation.of(field, message)),
                Map.of(),
                null);
    }

    private static ApiProblem invalidHeader(String message) {
        return new ApiProblem(
                ProblemType.INVALID_INSTITUTION,
                "line 1: " + message,
                List.of(Violation.of("line 1", message)),
                Map.of("errorCount", 1, "lines", List.of(1)),
                null);
    }

    /** Gathers rows and their problems; a 413 past the limit. */
    private final class Collector {

        private final List<InstitutionScoring.Input> inputs = new ArrayList<>();
        private final List<List<Violation>> errors = new ArrayList<>();
        private int[] lines;

        Collector(boolean numbered) {
            this.lines = numbered ? new int[64] : null;
        }

        int size() {
            return inputs.size();
        }

        void checkSize() {
            if (inputs.size() == maxRows) {
                throw new ApiProblem(
                        ProblemType.PAYLOAD_TOO_LARGE,
                        "a portfolio holds at most " + maxRows + " institutions (risk.portfolios.max-institutions)",
                        List.of(Violation.of("body", "more than " + maxRows + " institutions")),
                        Map.of("maxInstitutions", maxRows),
                        null);
            }
        }

        void add(InstitutionScoring.Input input, int line) {
            put(input, List.of(), line);
        }

        void bad(int line, List<Violation> problems) {
            put(null, problems, line);
        }

        private void put(InstitutionScoring.Input input, List<Violation> problems, int line) {
            if (lines != null) {
                if (inputs.size() == lines.length) {
                    lines = java.util.Arrays.copyOf(lines, lines.length * 2);
                }
                lines[inputs.size()] = line;
            }
            inputs.add(input);
            errors.add(problems);
        }

        Rows rows() {
            return new Rows(inputs, lines == null ? null : java.util.Arrays.copyOf(lines, inputs.size()), errors);
        }
    }
}
