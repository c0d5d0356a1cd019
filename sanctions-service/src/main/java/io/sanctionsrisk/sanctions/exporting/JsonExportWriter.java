package io.sanctionsrisk.sanctions.exporting;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes {@code {"dataVersion":n,"actors":[...],"sanctions":[...],"incidents":[...]}}: the records in the shape
 * of the API's write bodies, which is also what a JSON import reads.
 */
public final class JsonExportWriter {

    private JsonExportWriter() {}

    public static void write(ExportSnapshot snapshot, ObjectMapper mapper, OutputStream out) throws IOException {
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("dataVersion", snapshot.version().version());
            array(json, "actors", snapshot.actors());
            array(json, "sanctions", snapshot.sanctions());
            array(json, "incidents", snapshot.incidents());
            json.writeEndObject();
        }
    }

    private static void array(JsonGenerator json, String name, Iterable<? extends ExportSnapshot.Stamped<?>> records)
            throws IOException {
        json.writeArrayFieldStart(name);
        for (ExportSnapshot.Stamped<?> record : records) {
            json.writeObject(record.data());
        }
        json.writeEndArray();
    }
}
