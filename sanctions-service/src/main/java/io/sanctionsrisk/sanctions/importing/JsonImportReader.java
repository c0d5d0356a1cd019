package io.sanctionsrisk.sanctions.importing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.sanctionsrisk.sanctions.ActorData;
import io.sanctionsrisk.sanctions.IncidentData;
import io.sanctionsrisk.sanctions.SanctionData;
import io.sanctionsrisk.sanctions.web.ApiProblem;
import io.sanctionsrisk.sanctions.web.JsonErrors;
import io.sanctionsrisk.sanctions.web.ProblemType;
import io.sanctionsrisk.sanctions.web.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

/**
 * Reads the JSON import and export document: {@code {"actors":[...],"sanctions":[...],"incidents":[...]}},
 * records in the shape of the API's write bodies. {@code dataVersion} and {@code exportedAt}, which an export
 * carries, are ignored. Each record is read on its own, so one bad record is a problem naming
 * {@code incidents[3].field}, not a failure of the whole document.
 */
public final class JsonImportReader {

    static final Set<String> IGNORED = Set.of("dataVersion", "exportedAt");

    private JsonImportReader() {}

    public static ImportBatch read(InputStream body, ObjectMapper mapper) throws IOException {
        return read(null, body, mapper, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** Reads within the limits: one record at a time, never the whole document. */
    public static ImportBatch read(InputStream body, ImportLimits limits) throws IOException {
        ImportLimits.RecordWindow window = limits.window(body);
        return read(
                window, window, limits.mapper(), limits.maxRecords(), limits.maxFieldChars(), limits.maxJsonDepth());
    }

    private static ImportBatch read(
            ImportLimits.RecordWindow window,
            InputStream body,
            ObjectMapper mapper,
            int maxRecords,
            int maxFieldChars,
            int maxJsonDepth)
            throws IOException {
        ImportBatch batch = new ImportBatch("json", field -> field);
        String where = "the start of the document";
        int records = 0;
        // One record at a time: what follows a record is the rest of the document, not trailing junk.
        ObjectReader recordReader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ApiProblem(
                        ProblemType.MALFORMED_BODY,
                        "a JSON import is an object {\"actors\":[...],\"sanctions\":[...],\"incidents\":[...]}");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                Sink<?> sink;
                Class<?> type;
                switch (name) {
                    case "actors" -> {
                        sink = (Sink<ActorData>) batch::addActor;
                        type = ActorData.class;
                    }
                    case "sanctions" -> {
                        sink = (Sink<SanctionData>) batch::addSanction;
                        type = SanctionData.class;
                    }
                    case "incidents" -> {
                        sink = (Sink<IncidentData>) batch::addIncident;
                        type = IncidentData.class;
                    }
                    default -> {
                        if (!IGNORED.contains(name)) {
                            throw ApiProblem.invalid(List.of(
                                    Violation.of(name, "unknown member; expected actors, sanctions or incidents")));
                        }
                        parser.skipChildren();
                        continue;
                    }
                }
                if (value != JsonToken.START_ARRAY) {
                    throw ApiProblem.invalid(List.of(Violation.of(name, "must be an array")));
                }
                int index = 0;
                while (true) {
                    where = name + "[" + index + "]";
                    if (parser.nextToken() == JsonToken.END_ARRAY) {
                        break;
                    }
                    if (++records > maxRecords) {
                        throw ImportLimits.exceeded(ImportLimits.MAX_RECORDS, maxRecords, where);
                    }
                    JsonNode node = recordReader.readTree(parser);
                    each(name, index++, node, type, mapper, batch, sink);
                    if (window != null) {
                        window.restart();
                    }
                }
            }
        } catch (IOException e) {
            ApiProblem limit = ImportLimits.exceeded(e, where, maxFieldChars, maxJsonDepth);
            if (limit != null) {
                throw limit;
            }
            if (e instanceof JsonProcessingException json) {
                throw JsonErrors.malformed(json);
            }
            throw e;
        }
        return batch;
    }

    private interface Sink<T> {
        void add(String ref, T data);
    }

    @SuppressWarnings("unchecked")
    private static <T> void each(
            String member, int i, JsonNode node, Class<?> type, ObjectMapper mapper, ImportBatch batch, Sink<T> sink) {
        String kind = member.substring(0, member.length() - 1);
        String ref = member + "[" + i + "]";
        JsonNode keyNode = node == null ? null : node.get("key");
        String key = keyNode != null && keyNode.isTextual() ? keyNode.asText() : null;
        if (node == null || !node.isObject()) {
            batch.addProblem(new Violation(ref, kind, null, null, "must be an object"));
            return;
        }
        try {
            sink.add(ref, (T) mapper.treeToValue(node, type));
        } catch (UnrecognizedPropertyException e) {
            batch.addProblem(new Violation(ref, kind, key, e.getPropertyName(), "unknown field"));
        } catch (JsonMappingException e) {
            batch.addProblem(new Violation(ref, kind, key, JsonErrors.fieldPath(e), JsonErrors.message(e)));
        } catch (JsonProcessingException e) {
            batch.addProblem(new Violation(ref, kind, key, null, "cannot be read as a " + kind));
        }
    }
}
