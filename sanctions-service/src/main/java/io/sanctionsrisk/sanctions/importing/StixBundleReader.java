package io.sanctionsrisk.sanctions.importing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.sanctionsrisk.sanctions.ActorData;
import io.sanctionsrisk.sanctions.IncidentData;
import io.sanctionsrisk.sanctions.SanctionData;
import io.sanctionsrisk.sanctions.stix.Stix;
import io.sanctionsrisk.sanctions.web.ApiProblem;
import io.sanctionsrisk.sanctions.web.ProblemType;
import io.sanctionsrisk.sanctions.web.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a STIX 2.1 bundle into a batch. The bundle is streamed: each object is turned into a small record as
 * it is read, and incidents are joined with their victim, location and actor through the relationships at
 * the end. Objects of other types are counted and skipped. Mapping: see {@link Stix} and the README.
 */
public final class StixBundleReader {

    private record Identity(String name, String sector) {}

    private record Relationship(String id, String type, String source, String target, Integer confidence) {}

    private record PendingIncident(String id, Map<String, Object> fields, List<Violation> problems) {}

    private final ImportBatch batch = new ImportBatch("stix", Stix::propertyOf);
    private final Map<String, Identity> identities = new HashMap<>();
    private final Map<String, String> countries = new HashMap<>();
    private final Map<String, String> actorKeys = new HashMap<>();
    private final Map<String, PendingIncident> incidents = new LinkedHashMap<>();
    private final List<Relationship> relationships = new ArrayList<>();

    private StixBundleReader() {}

    public static ImportBatch read(InputStream body, ObjectMapper mapper) throws IOException {
        return new StixBundleReader().readBundle(body, mapper);
    }

    private ImportBatch readBundle(InputStream body, ObjectMapper mapper) throws IOException {
        String type = null;
        boolean sawObjects = false;
        // Reads one object of the array at a time; the rest of the bundle follows it.
        ObjectReader objectReader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notABundle("the body is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("type")) {
                    type = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                } else if (field.equals("objects")) {
                    if (value != JsonToken.START_ARRAY) {
                        throw notABundle("'objects' is not an array");
                    }
                    sawObjects = true;
                    int index = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        JsonNode object = objectReader.readTree(parser);
                        if (object == null || !object.isObject()) {
                            throw notABundle("objects[" + index + "] is not an object");
                        }
                        accept(object, index++);
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new ApiProblem(ProblemType.MALFORMED_BODY, "content after the end of the bundle");
            }
        } catch (JsonProcessingException e) {
            throw new ApiProblem(
                    ProblemType.MALFORMED_BODY,
                    "the body is not well-formed JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")");
        }
        if (!Stix.BUNDLE.equals(type)) {
            throw notABundle(type == null ? "it has no \"type\"" : "its type is '" + type + "', not 'bundle'");
        }
        if (!sawObjects) {
            throw notABundle("it has no \"objects\" array");
        }
        joinIncidents();
        return batch;
    }

    private static ApiProblem notABundle(String why) {
        return new ApiProblem(ProblemType.MALFORMED_BODY, "not a STIX 2.1 bundle: " + why);
    }

    private void accept(JsonNode object, int index) {
        String type = object.path("type").asText(null);
        String id = object.path("id").asText(null);
        if (type == null || id == null || !id.startsWith(type + "--")) {
            batch.addProblem(new Violation(
                    "objects[" + index + "]",
                    null,
                    null,
                    null,
                    "a STIX object needs a type and an id '<type>--<uuid>'"));
            return;
        }
        Properties properties = new Properties(object);
        switch (type) {
            case Stix.INCIDENT -> readIncident(id, properties);
            case Stix.INTRUSION_SET -> readActor(id, properties);
            case Stix.SANCTION -> readSanction(id, properties);
            case Stix.IDENTITY ->
                identities.put(
                        id,
                        new Identity(
                                Boolean.TRUE.equals(properties.bool(Stix.VICTIM_UNKNOWN))
                                        ? null
                                        : properties.text("name"),
                                properties.text(Stix.SECTOR)));
            case Stix.LOCATION -> {
                String country = properties.text("country");
                if (country != null) {
                    countries.put(id, country.toUpperCase(Locale.ROOT));
                }
            }
            case Stix.RELATIONSHIP ->
                relationships.add(new Relationship(
                        id,
                        properties.text("relationship_type"),
                        properties.text("source_ref"),
                        properties.text("target_ref"),
                        properties.integer("confidence")));
            default -> batch.skip(type);
        }
        if (!type.equals(Stix.INCIDENT)) {
            properties.reportTo(batch, id, kindOf(type), keyOf(object));
        }
    }

    private static String kindOf(String type) {
        return switch (type) {
            case Stix.INTRUSION_SET -> "actor";
            case Stix.SANCTION -> "sanction";
            default -> type;
        };
    }

    private void readActor(String id, Properties properties) {
        String key = properties.key();
        actorKeys.put(id, key);
        String[] source = properties.source();
        batch.addActor(
                id,
                new ActorData(
                        key,
                        properties.text("name"),
                        properties.list("aliases"),
                        properties.text("description"),
                        source[0],
                        source[1],
                        null));
    }

    private void readSanction(String id, Properties properties) {
        String[] source = properties.source();
        batch.addSanction(
                id,
                new SanctionData(
                        properties.key(),
                        properties.text(Stix.AUTHORITY),
                        properties.text("name"),
                        properties.text(Stix.TARGET_JURISDICTION),
                        properties.date(Stix.ANNOUNCED_DATE),
                        properties.date(Stix.EFFECTIVE_DATE),
                        properties.list(Stix.MEASURES),
                        properties.text(Stix.DIRECTION),
                        properties.integer(Stix.SEVERITY_OVERRIDE),
                        properties.text(Stix.SEVERITY_OVERRIDE_REASON),
                        properties.text("description"),
                        source[0],
                        source[1],
                        null));
    }

    private void readIncident(String id, Properties properties) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("key", properties.key());
        fields.put("firstActionDate", properties.date(Stix.FIRST_ACTION_DATE));
        fields.put("datePrecision", properties.text(Stix.DATE_PRECISION));
        fields.put("intrusionStartDate", properties.date(Stix.INTRUSION_START_DATE));
        fields.put("vector", properties.text(Stix.VECTOR));
        fields.put("attemptedUsd", properties.whole(Stix.ATTEMPTED_USD));
        fields.put("realisedUsd", properties.whole(Stix.REALISED_USD));
        fields.put("destructive", properties.bool(Stix.DESTRUCTIVE));
        fields.put("note", properties.text("description"));
        String[] source = properties.source();
        fields.put("source", source[0]);
        fields.put("sourceUrl", source[1]);
        incidents.put(id, new PendingIncident(id, fields, new ArrayList<>(properties.violations)));
    }

    /** Completes each incident from its relationships, then adds it to the batch. */
    private void joinIncidents() {
        for (Relationship relationship : relationships) {
            PendingIncident incident = incidents.get(relationship.source());
            if (incident == null) {
                batch.skip(Stix.RELATIONSHIP);
                continue;
            }
            String target = relationship.target();
            if (Stix.TARGETS.equals(relationship.type()) && target != null && target.startsWith(Stix.IDENTITY + "--")) {
                Identity identity = identities.get(target);
                if (identity == null) {
                    incident.problems()
                            .add(Violation.of(
                                    "victim",
                                    "relationship " + relationship.id() + " targets " + target
                                            + ", which is not in the bundle"));
                } else if (setOnce(incident, "victim", identity.name(), relationship)) {
                    incident.fields().put("sector", identity.sector());
                }
            } else if (Stix.TARGETS.equals(relationship.type())
                    && target != null
                    && target.startsWith(Stix.LOCATION + "--")) {
                if (!countries.containsKey(target)) {
                    incident.problems()
                            .add(Violation.of(
                                    "country",
                                    "relationship " + relationship.id() + " targets " + target
                                            + ", which is not in the bundle or names no country"));
                } else {
                    setOnce(incident, "country", countries.get(target), relationship);
                }
            } else if (Stix.ATTRIBUTED_TO.equals(relationship.type())
                    && target != null
                    && target.startsWith(Stix.INTRUSION_SET + "--")) {
                if (!actorKeys.containsKey(target)) {
                    incident.problems()
                            .add(Violation.of(
                                    "actor",
                                    "relationship " + relationship.id() + " points to " + target
                                            + ", which is not in the bundle"));
                } else if (setOnce(incident, "actor", actorKeys.get(target), relationship)) {
                    incident.fields().put("attributionConfidence", relationship.confidence());
                }
            } else {
                batch.skip(Stix.RELATIONSHIP);
            }
        }
        for (PendingIncident incident : incidents.values()) {
            Map<String, Object> f = incident.fields();
            String key = (String) f.get("key");
            if (!incident.problems().isEmpty()) {
                for (Violation violation : incident.problems()) {
                    batch.addProblem(new Violation(
                            incident.id(),
                            "incident",
                            key,
                            violation.field() == null ? null : Stix.propertyOf(violation.field()),
                            violation.message()));
                }
                continue;
            }
            batch.addIncident(
                    incident.id(),
                    new IncidentData(
                            key,
                            (LocalDate) f.get("firstActionDate"),
                            (String) f.get("datePrecision"),
                            (LocalDate) f.get("intrusionStartDate"),
                            (String) f.get("actor"),
                            (Integer) f.get("attributionConfidence"),
                            (String) f.get("victim"),
                            (String) f.get("sector"),
                            (String) f.get("country"),
                            (String) f.get("vector"),
                            (Long) f.get("attemptedUsd"),
                            (Long) f.get("realisedUsd"),
                            (Boolean) f.get("destructive"),
                            (String) f.get("note"),
                            (String) f.get("source"),
                            (String) f.get("sourceUrl"),
                            (LocalDate) f.get("attributedOn"),
                            (String) f.get("attributedBy"),
                            (LocalDate) f.get("reportedOn"),
                            (String) f.get("region"),
                            null));
        }
    }

    private static boolean setOnce(PendingIncident incident, String field, Object value, Relationship relationship) {
        if (incident.fields().containsKey(field)) {
            incident.problems()
                    .add(Violation.of(
                            field, "more than one relationship gives the " + field + " (" + relationship.id() + ")"));
            return false;
        }
        incident.fields().put(field, value);
        return true;
    }

    private static String keyOf(JsonNode object) {
        return new Properties(object).key();
    }

    /** Typed access to an object's properties; a value of the wrong type becomes a violation. */
    private static final class Properties {

        private final JsonNode object;
        private final List<Violation> violations = new ArrayList<>();

        Properties(JsonNode object) {
            this.object = object;
        }

        String text(String property) {
            JsonNode value = object.get(property);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                violations.add(Violation.of(property, "must be a string"));
                return null;
            }
            return value.asText();
        }

        List<String> list(String property) {
            JsonNode value = object.get(property);
            if (value == null || value.isNull()) {
                return List.of();
            }
            List<String> items = new ArrayList<>();
            if (!value.isArray()) {
                violations.add(Violation.of(property, "must be a list of strings"));
                return items;
            }
            for (JsonNode item : value) {
                if (!item.isTextual()) {
                    violations.add(Violation.of(property, "must be a list of strings"));
                    return List.of();
                }
                items.add(item.asText());
            }
            return items;
        }

        LocalDate date(String property) {
            String value = text(property);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                violations.add(Violation.of(property, "'" + value + "' is not an ISO date (yyyy-mm-dd)"));
                return null;
            }
        }

        Long whole(String property) {
            JsonNode value = object.get(property);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                violations.add(Violation.of(property, "'" + value + "' is not a whole number"));
                return null;
            }
            return value.longValue();
        }

        Integer integer(String property) {
            JsonNode value = object.get(property);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                violations.add(Violation.of(property, "'" + value + "' is not a whole number"));
                return null;
            }
            return value.intValue();
        }

        Boolean bool(String property) {
            JsonNode value = object.get(property);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isBoolean()) {
                violations.add(Violation.of(property, "'" + value + "' is not true or false"));
                return null;
            }
            return value.booleanValue();
        }

        /** The natural key: the external id of the reference named "sanctionsrisk". */
        String key() {
            for (JsonNode reference : object.path("external_references")) {
                if (Stix.KEY_SOURCE.equals(reference.path("source_name").asText(null))) {
                    return reference.path("external_id").asText(null);
                }
            }
            return null;
        }

        /** The source and its URL: the first external reference other than the key's. */
        String[] source() {
            for (JsonNode reference : object.path("external_references")) {
                String name = reference.path("source_name").asText(null);
                if (name != null && !Stix.KEY_SOURCE.equals(name)) {
                    return new String[] {name, reference.path("url").asText(null)};
                }
            }
            return new String[] {null, null};
        }

        void reportTo(ImportBatch batch, String id, String kind, String key) {
            for (Violation violation : violations) {
                batch.addProblem(new Violation(id, kind, key, violation.field(), violation.message()));
            }
        }
    }
}
