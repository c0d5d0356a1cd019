package io.sanctionsrisk.sanctions.importing;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanctionsrisk.sanctions.stix.Stix;
import io.sanctionsrisk.sanctions.web.Violation;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Typed access to one STIX object's properties and to this service's extension on it. A value of the wrong
 * type becomes a violation; every property read is remembered, so the ones nobody read can be counted as
 * ignored in the import report.
 */
final class StixObject {

    /** Common properties of every STIX object (STIX 2.1 section 3.2): known, never reported as ignored. */
    private static final Set<String> COMMON = Set.of(
            "type",
            "spec_version",
            "id",
            "created",
            "modified",
            "created_by_ref",
            "revoked",
            "labels",
            "confidence",
            "lang",
            "external_references",
            "object_marking_refs",
            "granular_markings",
            "extensions");

    final String type;
    final String id;
    final List<Violation> violations = new ArrayList<>();
    private final JsonNode node;
    private final JsonNode extension;
    private final Set<String> read = new HashSet<>();
    private final Set<String> readInExtension = new HashSet<>();

    StixObject(JsonNode node, String type, String id) {
        this.node = node;
        this.type = type;
        this.id = id;
        JsonNode found = node.path("extensions").get(Stix.EXTENSION_ID);
        this.extension = found != null && found.isObject() ? found : null;
    }

    boolean hasExtension() {
        return extension != null;
    }

    String text(String property) {
        read.add(property);
        return text(node.get(property), property);
    }

    List<String> list(String property) {
        read.add(property);
        return list(node.get(property), property);
    }

    Integer integer(String property) {
        read.add(property);
        Long value = whole(node.get(property), property);
        if (value != null && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            violations.add(Violation.of(property, "'" + value + "' is out of range"));
            return null;
        }
        return value == null ? null : value.intValue();
    }

    /** The UTC day of a STIX timestamp (or of a plain date). */
    LocalDate day(String property) {
        read.add(property);
        String value = text(node.get(property), property);
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value)
                    : OffsetDateTime.parse(value)
                            .withOffsetSameInstant(ZoneOffset.UTC)
                            .toLocalDate();
        } catch (DateTimeParseException e) {
            violations.add(Violation.of(property, "'" + value + "' is not a STIX timestamp"));
            return null;
        }
    }

    String extText(String property) {
        return extension == null ? null : text(inExtension(property), "extensions." + property);
    }

    List<String> extList(String property) {
        return extension == null ? List.of() : list(inExtension(property), "extensions." + property);
    }

    Long extWhole(String property) {
        return extension == null ? null : whole(inExtension(property), "extensions." + property);
    }

    Integer extInteger(String property) {
        Long value = extWhole(property);
        return value == null || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? null : value.intValue();
    }

    Boolean extBool(String property) {
        if (extension == null) {
            return null;
        }
        JsonNode value = inExtension(property);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            violations.add(Violation.of("extensions." + property, "'" + value + "' is not true or false"));
            return null;
        }
        return value.booleanValue();
    }

    LocalDate extDate(String property) {
        String value = extText(property);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(Violation.of("extensions." + property, "'" + value + "' is not an ISO date (yyyy-mm-dd)"));
            return null;
        }
    }

    /** The natural key: this service's extension, else the former external reference named "sanctionsrisk". */
    String key() {
        String key = extText(Stix.KEY);
        if (key != null) {
            return key;
        }
        for (JsonNode reference : node.path("external_references")) {
            if (Stix.KEY_SOURCE.equals(reference.path("source_name").asText(null))) {
                return reference.path("external_id").asText(null);
            }
        }
        return null;
    }

    /** The source and its URL: the first external reference other than the former key's. */
    String[] source() {
        for (JsonNode reference : node.path("external_references")) {
            String name = reference.path("source_name").asText(null);
            if (name != null && !Stix.KEY_SOURCE.equals(name)) {
                return new String[] {name, reference.path("url").asText(null)};
            }
        }
        return new String[] {null, null};
    }

    /** Counts, per "type.property", the properties and foreign extensions no reader used. */
    void reportIgnored(ImportBatch batch) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!COMMON.contains(name) && !read.contains(name)) {
                batch.ignore(type + "." + name);
            }
        }
        for (Iterator<String> names = node.path("extensions").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals(Stix.EXTENSION_ID)) {
                batch.ignore(type + ".extensions." + name);
            }
        }
        if (extension != null) {
            for (Iterator<String> names = extension.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equals("extension_type") && !readInExtension.contains(name)) {
                    batch.ignore(type + ".extensions." + Stix.EXTENSION_ID + "." + name);
                }
            }
        }
    }

    private JsonNode inExtension(String property) {
        readInExtension.add(property);
        return extension.get(property);
    }

    private String text(JsonNode value, String name) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            violations.add(Violation.of(name, "must be a string"));
            return null;
        }
        return value.asText();
    }

    private List<String> list(JsonNode value, String name) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        if (!value.isArray()) {
            violations.add(Violation.of(name, "must be a list of strings"));
            return items;
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                violations.add(Violation.of(name, "must be a list of strings"));
                return List.of();
            }
            items.add(item.asText());
        }
        return items;
    }

    private Long whole(JsonNode value, String name) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            violations.add(Violation.of(name, "'" + value + "' is not a whole number"));
            return null;
        }
        return value.longValue();
    }
}
