package io.sanctionsrisk.sanctions.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw JsonErrors.malformed(e);
        }
        if (root == null || !root.isObject()) {
            throw new ApiProblem(
                    ProblemType.MALFORMED_BODY,
                    "a JSON import is an object {\"actors\":[...],\"sanctions\":[...],\"incidents\":[...]}");
        }
        ImportBatch batch = new ImportBatch("json", field -> field);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String name = member.getKey();
            JsonNode value = member.getValue();
            switch (name) {
                case "actors" -> each(name, value, ActorData.class, mapper, batch, batch::addActor);
                case "sanctions" -> each(name, value, SanctionData.class, mapper, batch, batch::addSanction);
                case "incidents" -> each(name, value, IncidentData.class, mapper, batch, batch::addIncident);
                default -> {
                    if (!IGNORED.contains(name)) {
                        throw ApiProblem.invalid(
                                List.of(Violation.of(name, "unknown member; expected actors, sanctions or incidents")));
                    }
                }
            }
        }
        return batch;
    }

    private interface Sink<T> {
        void add(String ref, T data);
    }

    private static <T> void each(
            String member, JsonNode array, Class<T> type, ObjectMapper mapper, ImportBatch batch, Sink<T> sink) {
        if (!array.isArray()) {
            throw ApiProblem.invalid(List.of(Violation.of(member, "must be an array")));
        }
        String kind = member.substring(0, member.length() - 1);
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            String ref = member + "[" + i + "]";
            JsonNode keyNode = node.get("key");
            String key = keyNode != null && keyNode.isTextual() ? keyNode.asText() : null;
            if (!node.isObject()) {
                batch.addProblem(new Violation(ref, kind, null, null, "must be an object"));
                continue;
            }
            try {
                sink.add(ref, mapper.treeToValue(node, type));
            } catch (UnrecognizedPropertyException e) {
                batch.addProblem(new Violation(ref, kind, key, e.getPropertyName(), "unknown field"));
            } catch (JsonMappingException e) {
                batch.addProblem(new Violation(ref, kind, key, JsonErrors.fieldPath(e), JsonErrors.message(e)));
            } catch (JsonProcessingException e) {
                batch.addProblem(new Violation(ref, kind, key, null, "cannot be read as a " + kind));
            }
        }
    }
}
