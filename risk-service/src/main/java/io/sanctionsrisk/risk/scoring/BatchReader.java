package io.sanctionsrisk.risk.scoring;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.sanctionsrisk.risk.web.ApiProblem;
import io.sanctionsrisk.risk.web.ProblemMappers;
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
import java.util.List;
import java.util.Map;

/**
 * Reads a batch body: a JSON array of institutions, or NDJSON (one institution object per line; blank lines are
 * skipped). Stops with a 413 problem at the first institution over the limit and with a 400 problem naming the item
 * (JSON) or the line (NDJSON) that cannot be read.
 */
public final class BatchReader {

    /** The items read, and for NDJSON each item's line number (1-based). */
    public record Items(List<ScoreRequest> requests, int[] lines) {}

    private final ObjectMapper mapper;
    private final ObjectReader reader;
    private final ObjectReader itemReader;
    private final int maxItems;

    public BatchReader(ObjectMapper mapper, int maxItems) {
        this.mapper = mapper;
        this.reader = mapper.readerFor(ScoreRequest.class);
        // an array item is followed by the next one: trailing tokens are the array's business, not the item's
        this.itemReader = reader.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.maxItems = maxItems;
    }

    public Items readJson(InputStream body) {
        List<ScoreRequest> items = new ArrayList<>();
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw malformed("body", "a JSON array of institutions is required", null);
            }
            if (first != JsonToken.START_ARRAY) {
                throw malformed("body", "must be a JSON array of institutions", null);
            }
            while (true) {
                JsonToken token;
                try {
                    token = parser.nextToken();
                } catch (JsonProcessingException e) {
                    throw malformed("[" + items.size() + "]", "is not valid JSON" + at(e.getLocation()), null);
                }
                if (token == JsonToken.END_ARRAY) {
                    break;
                }
                if (token == null) {
                    throw malformed("body", "the array is not closed", null);
                }
                if (items.size() == maxItems) {
                    drain(body);
                    throw tooMany();
                }
                String prefix = "[" + items.size() + "]";
                try {
                    items.add(itemReader.readValue(parser));
                } catch (JsonProcessingException e) {
                    throw describe(e, prefix, null);
                }
            }
            if (parser.nextToken() != null) {
                throw malformed("body", "has content after the array", null);
            }
        } catch (JsonProcessingException e) {
            throw malformed("body", "is not valid JSON" + at(e.getLocation()), null);
        } catch (IOException e) {
            throw malformed("body", "could not be read", null);
        }
        return new Items(items, null);
    }

    public Items readNdjson(InputStream body) {
        List<ScoreRequest> items = new ArrayList<>();
        int[] lines = new int[64];
        // a byte sequence that is not UTF-8 is an error, not a replacement character in an echoed id or a code
        BufferedReader in = new BufferedReader(
                new InputStreamReader(
                        body,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)),
                1 << 16);
        int lineNumber = 0;
        try {
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                if (items.size() == maxItems) {
                    drain(body);
                    throw tooMany();
                }
                ScoreRequest request;
                try {
                    request = reader.readValue(line);
                } catch (JsonProcessingException e) {
                    throw describe(e, null, lineNumber);
                }
                if (items.size() == lines.length) {
                    lines = java.util.Arrays.copyOf(lines, lines.length * 2);
                }
                lines[items.size()] = lineNumber;
                items.add(request);
            }
        } catch (CharacterCodingException e) {
            // the reader decodes ahead of the lines it returns, so the failing line is not known exactly
            drain(body);
            throw malformed(
                    "body", "is not valid UTF-8" + (lineNumber == 0 ? "" : " (after line " + lineNumber + ")"), null);
        } catch (IOException e) {
            throw malformed("body", "could not be read", null);
        }
        return new Items(items, java.util.Arrays.copyOf(lines, items.size()));
    }

    private ApiProblem tooMany() {
        return new ApiProblem(
                ProblemType.PAYLOAD_TOO_LARGE,
                "a batch holds at most " + maxItems + " institutions (risk.scores.max-batch-items)",
                List.of(Violation.of("body", "more than " + maxItems + " institutions")),
                Map.of("maxItems", maxItems),
                null);
    }

    private static void drain(InputStream body) {
        try {
            body.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the answer is the 413 either way
        }
    }

    /** A read failure of one item: JSON items are named by index, NDJSON items by line. */
    private static ApiProblem describe(JsonProcessingException e, String prefix, Integer line) {
        String inner = e instanceof JsonMappingException m ? path(m) : null;
        String field;
        if (line != null) {
            field = inner == null ? "line " + line : inner;
        } else {
            field = inner == null ? prefix : prefix + (inner.startsWith("[") ? "" : ".") + inner;
        }
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            message = "unknown field '" + u.getPropertyName() + "'";
        } else if (e instanceof InvalidFormatException f) {
            message = "'" + f.getValue() + "' is not " + expected(f.getTargetType());
        } else if (e instanceof MismatchedInputException m) {
            message = m.getTargetType() == ScoreRequest.class
                    ? "must be an institution object"
                    : "must be " + expected(m.getTargetType());
        } else if (e instanceof JsonParseException) {
            message = "is not valid JSON" + at(e.getLocation()) + ProblemMappers.duplicate(e);
        } else {
            message = "does not match the institution schema";
        }
        return malformed(field, message, line);
    }

    private static ApiProblem malformed(String field, String message, Integer line) {
        String detail = (line == null ? "" : "line " + line + ": ") + field + ": " + message;
        if (line != null && field.equals("line " + line)) {
            detail = field + ": " + message;
        }
        return new ApiProblem(
                ProblemType.MALFORMED_BODY,
                detail,
                List.of(Violation.of(field, message)),
                line == null ? Map.of() : Map.of("line", line),
                null);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getColumnNr() < 0) {
            return "";
        }
        return " (column " + location.getColumnNr() + ")";
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "an integer";
        }
        if (type == String.class) {
            return "a string";
        }
        return "an object";
    }
}
