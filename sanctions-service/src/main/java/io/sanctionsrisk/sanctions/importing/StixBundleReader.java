package io.sanctionsrisk.sanctions.importing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.sanctionsrisk.sanctions.ActorData;
import io.sanctionsrisk.sanctions.SanctionData;
import io.sanctionsrisk.sanctions.stix.Stix;
import io.sanctionsrisk.sanctions.web.ApiProblem;
import io.sanctionsrisk.sanctions.web.JsonErrors;
import io.sanctionsrisk.sanctions.web.ProblemType;
import io.sanctionsrisk.sanctions.web.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a STIX 2.1 bundle, as this service, OpenCTI or MISP export it, into a batch. The bundle is streamed:
 * each object becomes a small record as it is read; incidents are completed from their relationships at the
 * end ({@link StixIncidents}). Objects of other types are counted and skipped, properties nobody reads are
 * counted as ignored. Mapping: see {@link Stix} and the README.
 */
public final class StixBundleReader {

    private final ImportBatch batch = new ImportBatch("stix", Stix::propertyOf);
    private final StixDirectory.Lookup lookup;
    private final StixIncidents incidents;
    private final List<StixIncidents.Actor> actors = new ArrayList<>();

    private StixBundleReader(StixDirectory.Lookup lookup) {
        this.lookup = lookup;
        this.incidents = new StixIncidents(batch, lookup);
    }

    /** @param lookup the stored actors and the countries, which foreign objects are matched against */
    public static ImportBatch read(InputStream body, ObjectMapper mapper, StixDirectory.Lookup lookup)
            throws IOException {
        return new StixBundleReader(lookup)
                .readBundle(body, null, mapper, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** Reads within the limits: one object at a time, each bounded, and at most so many objects. */
    public static ImportBatch read(InputStream body, ImportLimits limits, StixDirectory.Lookup lookup)
            throws IOException {
        ImportLimits.RecordWindow window = limits.window(body);
        return new StixBundleReader(lookup)
                .readBundle(
                        window,
                        window,
                        limits.mapper(),
                        limits.maxStixObjects(),
                        limits.maxFieldChars(),
                        limits.maxJsonDepth());
    }

    private ImportBatch readBundle(
            InputStream body,
            ImportLimits.RecordWindow window,
            ObjectMapper mapper,
            int maxObjects,
            int maxFieldChars,
            int maxJsonDepth)
            throws IOException {
        String type = null;
        String where = "the start of the bundle";
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
                    while (true) {
                        where = "objects[" + index + "]";
                        if (parser.nextToken() == JsonToken.END_ARRAY) {
                            break;
                        }
                        if (index >= maxObjects) {
                            throw ImportLimits.exceeded(ImportLimits.MAX_RECORDS, maxObjects, where);
                        }
                        JsonNode object = objectReader.readTree(parser);
                        if (window != null) {
                            window.restart();
                        }
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
        if (!Stix.BUNDLE.equals(type)) {
            throw notABundle(type == null ? "it has no \"type\"" : "its type is '" + type + "', not 'bundle'");
        }
        if (!sawObjects) {
            throw notABundle("it has no \"objects\" array");
        }
        resolveActors();
        incidents.join();
        return batch;
    }

    private static ApiProblem notABundle(String why) {
        return new ApiProblem(ProblemType.MALFORMED_BODY, "not a STIX 2.1 bundle: " + why);
    }

    private void accept(JsonNode node, int index) {
        String type = node.path("type").asText(null);
        String id = node.path("id").asText(null);
        if (type == null || id == null || !id.startsWith(type + "--")) {
            batch.addProblem(new Violation(
                    "objects[" + index + "]",
                    null,
                    null,
                    null,
                    "a STIX object needs a type and an id '<type>--<uuid>'"));
            return;
        }
        StixObject object = new StixObject(node, type, id);
        boolean held = true;
        switch (type) {
            case Stix.INCIDENT -> incidents.incident(object);
            case Stix.INTRUSION_SET, Stix.THREAT_ACTOR -> actor(object);
            case Stix.IDENTITY -> incidents.identity(object);
            case Stix.LOCATION -> incidents.location(object);
            case Stix.RELATIONSHIP -> incidents.relationship(object);
            case Stix.REPORT -> held = object.hasExtension() && sanction(object);
            case Stix.EXTENSION_DEFINITION -> held = id.equals(Stix.EXTENSION_ID);
            default -> held = false;
        }
        if (!held) {
            batch.skip(type);
            return;
        }
        if (type.equals(Stix.EXTENSION_DEFINITION)) {
            return;
        }
        object.reportIgnored(batch);
        if (!type.equals(Stix.INCIDENT)) {
            for (Violation violation : object.violations) {
                batch.addProblem(new Violation(id, kindOf(type), object.key(), violation.field(), violation.message()));
            }
        }
    }

    private static String kindOf(String type) {
        return switch (type) {
            case Stix.INTRUSION_SET, Stix.THREAT_ACTOR -> "actor";
            case Stix.REPORT -> "sanction";
            default -> type;
        };
    }

    private void actor(StixObject object) {
        String[] source = object.source();
        actors.add(new StixIncidents.Actor(
                object.id,
                object.key(),
                new ActorData(
                        object.key(),
                        object.text("name"),
                        object.list("aliases"),
                        object.text("description"),
                        source[0],
                        source[1],
                        null)));
    }

    /**
     * An actor with this service's key is imported as such. A foreign one (OpenCTI, MISP) is matched to a stored
     * actor by name or alias and not imported; when none matches, it is imported under its STIX id as key.
     */
    private void resolveActors() {
        for (StixIncidents.Actor actor : actors) {
            ActorData data = actor.data();
            String key = actor.key();
            if (key == null) {
                key = lookup.actor(data.name());
                for (int i = 0; key == null && i < data.aliases().size(); i++) {
                    key = lookup.actor(data.aliases().get(i));
                }
                if (key != null) {
                    incidents.actorKey(actor.id(), key);
                    continue;
                }
                key = actor.id();
            }
            incidents.actorKey(actor.id(), key);
            batch.addActor(
                    actor.id(),
                    new ActorData(
                            key,
                            data.name(),
                            data.aliases(),
                            data.description(),
                            data.source(),
                            data.sourceUrl(),
                            null));
        }
    }

    private boolean sanction(StixObject report) {
        String[] source = report.source();
        batch.addSanction(
                report.id,
                new SanctionData(
                        report.key() == null ? report.id : report.key(),
                        report.extText(Stix.AUTHORITY),
                        report.text("name"),
                        report.extText(Stix.TARGET_JURISDICTION),
                        report.extDate(Stix.ANNOUNCED_DATE),
                        report.extDate(Stix.EFFECTIVE_DATE),
                        report.extList(Stix.MEASURES),
                        report.extText(Stix.DIRECTION),
                        report.extInteger(Stix.SEVERITY_OVERRIDE),
                        report.extText(Stix.SEVERITY_OVERRIDE_REASON),
                        report.text("description"),
                        source[0],
                        source[1],
                        null));
        // Informative or derived from the rest: read so they are not reported as ignored.
        report.extWhole(Stix.SEVERITY);
        report.day("published");
        report.list("report_types");
        report.list("object_refs");
        return true;
    }
}
