package io.sanctionsrisk.sanctions.exporting;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sanctionsrisk.sanctions.stix.Stix;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The STIX building blocks of a bundle: common properties, references, this service's extension. */
final class StixJson {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** The extension definition's own date: fixed, so its object never changes between exports. */
    private static final Instant DEFINED = Instant.parse("2026-12-01T00:00:00Z");

    private final JsonGenerator json;

    StixJson(JsonGenerator json) {
        this.json = json;
    }

    JsonGenerator generator() {
        return json;
    }

    /** The producer identity and the {@code extension-definition} every extended object names. */
    void producerAndExtension() throws IOException {
        common(Stix.IDENTITY, Stix.PRODUCER_ID, DEFINED, DEFINED);
        json.writeStringField("name", "sanctions-service");
        json.writeStringField("identity_class", "system");
        json.writeEndObject();
        common(Stix.EXTENSION_DEFINITION, Stix.EXTENSION_ID, DEFINED, DEFINED);
        json.writeStringField("created_by_ref", Stix.PRODUCER_ID);
        json.writeStringField("name", Stix.EXTENSION_NAME);
        json.writeStringField(
                "description",
                "Properties of sanctions events, heist incidents, victims and actors that STIX 2.1 has no property"
                        + " for: natural keys, dates and their precision, amounts in whole USD, attack vector,"
                        + " financial sub-sector, sanctions authority, measures and severity.");
        json.writeStringField("schema", Stix.EXTENSION_SCHEMA);
        json.writeStringField("version", Stix.EXTENSION_VERSION);
        strings("extension_types", List.of(Stix.PROPERTY_EXTENSION));
        json.writeEndObject();
    }

    void common(String type, String id, Instant created, Instant modified) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", type);
        json.writeStringField("spec_version", Stix.SPEC_VERSION);
        json.writeStringField("id", id);
        json.writeStringField("created", TIMESTAMP.format(created));
        json.writeStringField("modified", TIMESTAMP.format(modified.isBefore(created) ? created : modified));
    }

    /** The record's source as its external reference (none when it has no source). */
    void source(String source, String url) throws IOException {
        if (source == null) {
            return;
        }
        json.writeArrayFieldStart("external_references");
        json.writeStartObject();
        json.writeStringField("source_name", source);
        if (url != null) {
            json.writeStringField("url", url);
        } else {
            json.writeStringField("description", source);
        }
        json.writeEndObject();
        json.writeEndArray();
    }

    void startExtension() throws IOException {
        json.writeObjectFieldStart("extensions");
        json.writeObjectFieldStart(Stix.EXTENSION_ID);
        json.writeStringField("extension_type", Stix.PROPERTY_EXTENSION);
    }

    /** Ends the extension, the extensions and the object. */
    void endExtension() throws IOException {
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
    }

    void optional(String field, Object value) throws IOException {
        if (value instanceof Long number) {
            json.writeNumberField(field, number);
        } else if (value != null) {
            json.writeStringField(field, value.toString());
        }
    }

    void strings(String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
