package io.sanctionsrisk.risk.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsrisk.risk.web.ApiProblem;
import io.sanctionsrisk.risk.web.ProblemType;
import io.sanctionsrisk.risk.web.Violation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The bounds of an inline fit's body, checked before the body is bound to a {@link FitRequest}: its size while it is
 * read, then the length of its arrays on the token stream (no value is built), so a body of two million events over
 * the limit costs a scan, not two million doubles.
 */
final class FitBodies {

    private static final int CHUNK = 64 * 1024;

    private FitBodies() {}

    /** The whole body, or a 413 problem as soon as it passes {@code maxBytes}; an empty body is a 400. */
    static byte[] read(InputStream body, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (body != null) {
            byte[] chunk = new byte[CHUNK];
            long total = 0;
            int n;
            while ((n = body.read(chunk)) != -1) {
                total += n;
                if (total > maxBytes) {
                    throw new ApiProblem(
                            ProblemType.PAYLOAD_TOO_LARGE,
                            "the body has more than " + maxBytes + " bytes; at most " + maxBytes
                                    + " are accepted (quarkus.http.limits.max-body-size)",
                            List.of(),
                            Map.of("limit", maxBytes),
                            null);
                }
                out.write(chunk, 0, n);
            }
        }
        byte[] bytes = out.toByteArray();
        if (isBlank(bytes)) {
            throw new ApiProblem(ProblemType.MALFORMED_BODY, "a JSON body is required");
        }
        return bytes;
    }

    /**
     * Counts the top-level arrays {@code events}, {@code eventDates} and {@code sanctions} on the token stream and
     * throws a 413 problem naming the field once one passes its limit. A body that is not well-formed JSON is left
     * to the binding, which reports where it breaks.
     */
    static void checkCounts(ObjectMapper mapper, byte[] body, int maxEvents, int maxSanctions) throws IOException {
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                int limit = switch (field) {
                    case "events", "eventDates" -> maxEvents;
                    case "sanctions" -> maxSanctions;
                    default -> -1;
                };
                if (value != JsonToken.START_ARRAY || limit < 0) {
                    parser.skipChildren();
                    continue;
                }
                int count = 0;
                JsonToken item;
                while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (item == null) {
                        return;
                    }
                    if (++count > limit) {
                        throw tooMany(field, limit);
                    }
                    parser.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            // malformed: the binding reports it with its position and field
        }
    }

    private static ApiProblem tooMany(String field, int limit) {
        String what = field.equals("sanctions") ? "sanctions" : "events";
        return new ApiProblem(
                ProblemType.PAYLOAD_TOO_LARGE,
                "at least " + (limit + 1) + " " + what + " exceed the limit of " + limit + " per fit (" + field + "; "
                        + (what.equals("events") ? "risk.fits.max-events" : "risk.fits.max-sanctions") + ")",
                List.of(Violation.of(field, "at most " + limit + " " + what)),
                Map.of("limit", limit),
                null);
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
