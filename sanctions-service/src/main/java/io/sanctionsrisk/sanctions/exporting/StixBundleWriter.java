package io.sanctionsrisk.sanctions.exporting;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsrisk.sanctions.ActorData;
import io.sanctionsrisk.sanctions.IncidentData;
import io.sanctionsrisk.sanctions.SanctionData;
import io.sanctionsrisk.sanctions.dto.TaxonomyEntries.SectorEntry;
import io.sanctionsrisk.sanctions.exporting.ExportSnapshot.Stamped;
import io.sanctionsrisk.sanctions.stix.Stix;
import io.sanctionsrisk.sanctions.stix.StixIds;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a STIX 2.1 bundle: actors as {@code intrusion-set}, sanctions as the custom object
 * {@code x-sanctionsrisk-sanction}, incidents as {@code incident} with {@code x_sanctionsrisk_} properties,
 * victims as {@code identity} (sector in {@code sectors} and the sub-sector in a custom property), countries as
 * {@code location}, joined by {@code targets} and {@code attributed-to} relationships. Every id is derived from
 * a natural key ({@link StixIds}), so the same data always gives the same bundle.
 */
public final class StixBundleWriter {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** A victim or country object, with the span of the incidents that refer to it. */
    private static final class Shared {
        final String id;
        final String name;
        final String sector;
        final String country;
        Instant created;
        Instant modified;

        Shared(String id, String name, String sector, String country, Instant created, Instant modified) {
            this.id = id;
            this.name = name;
            this.sector = sector;
            this.country = country;
            this.created = created;
            this.modified = modified;
        }

        void widen(Instant otherCreated, Instant otherModified) {
            created = otherCreated.isBefore(created) ? otherCreated : created;
            modified = otherModified.isAfter(modified) ? otherModified : modified;
        }
    }

    private final ExportSnapshot snapshot;
    private final JsonGenerator json;

    private StixBundleWriter(ExportSnapshot snapshot, JsonGenerator json) {
        this.snapshot = snapshot;
        this.json = json;
    }

    public static void write(ExportSnapshot snapshot, ObjectMapper mapper, OutputStream out) throws IOException {
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            new StixBundleWriter(snapshot, json).bundle();
        }
    }

    public static String identityId(String victim, String sector) {
        return StixIds.of(Stix.IDENTITY, (victim == null ? "" : victim) + "|" + (sector == null ? "" : sector));
    }

    private void bundle() throws IOException {
        json.writeStartObject();
        json.writeStringField("type", Stix.BUNDLE);
        json.writeStringField(
                "id", StixIds.of(Stix.BUNDLE, "dv" + snapshot.version().version()));
        json.writeArrayFieldStart("objects");
        for (Stamped<ActorData> actor : snapshot.actors()) {
            intrusionSet(actor);
        }
        for (Stamped<SanctionData> sanction : snapshot.sanctions()) {
            sanction(sanction);
        }
        Map<String, Shared> identities = new LinkedHashMap<>();
        Map<String, Shared> locations = new LinkedHashMap<>();
        for (Stamped<IncidentData> stamped : snapshot.incidents()) {
            IncidentData incident = stamped.data();
            if (incident.victim() != null || incident.sector() != null) {
                String id = identityId(incident.victim(), incident.sector());
                identities
                        .computeIfAbsent(
                                id,
                                key -> new Shared(
                                        key,
                                        incident.victim(),
                                        incident.sector(),
                                        null,
                                        stamped.created(),
                                        stamped.modified()))
                        .widen(stamped.created(), stamped.modified());
            }
            if (incident.country() != null) {
                String id = locationId(incident.country());
                locations
                        .computeIfAbsent(
                                id,
                                key -> new Shared(
                                        key, null, null, incident.country(), stamped.created(), stamped.modified()))
                        .widen(stamped.created(), stamped.modified());
            }
        }
        for (Shared location : locations.values()) {
            location(location);
        }
        for (Shared identity : identities.values()) {
            identity(identity);
        }
        for (Stamped<IncidentData> incident : snapshot.incidents()) {
            incident(incident);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private void common(String type, String id, Instant created, Instant modified) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", type);
        json.writeStringField("spec_version", Stix.SPEC_VERSION);
        json.writeStringField("id", id);
        json.writeStringField("created", TIMESTAMP.format(created));
        json.writeStringField("modified", TIMESTAMP.format(modified.isBefore(created) ? created : modified));
    }

    private void externalReferences(String key, String source, String url) throws IOException {
        json.writeArrayFieldStart("external_references");
        json.writeStartObject();
        json.writeStringField("source_name", Stix.KEY_SOURCE);
        json.writeStringField("external_id", key);
        json.writeEndObject();
        if (source != null) {
            json.writeStartObject();
            json.writeStringField("source_name", source);
            if (url != null) {
                json.writeStringField("url", url);
            } else {
                json.writeStringField("description", source);
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void intrusionSet(Stamped<ActorData> stamped) throws IOException {
        ActorData actor = stamped.data();
        common(Stix.INTRUSION_SET, actorId(actor.key()), stamped.created(), stamped.modified());
        json.writeStringField("name", actor.name());
        optional("description", actor.description());
        if (!actor.aliases().isEmpty()) {
            strings("aliases", actor.aliases());
        }
        externalReferences(actor.key(), actor.source(), actor.sourceUrl());
        json.writeEndObject();
    }

    private void sanction(Stamped<SanctionData> stamped) throws IOException {
        SanctionData sanction = stamped.data();
        common(Stix.SANCTION, StixIds.of(Stix.SANCTION, sanction.key()), stamped.created(), stamped.modified());
        json.writeStringField("name", sanction.title());
        optional("description", sanction.note());
        json.writeStringField(Stix.AUTHORITY, sanction.authority());
        optional(Stix.TARGET_JURISDICTION, sanction.targetJurisdiction());
        json.writeStringField(Stix.ANNOUNCED_DATE, sanction.announcedDate().toString());
        if (sanction.effectiveDate() != null) {
            json.writeStringField(Stix.EFFECTIVE_DATE, sanction.effectiveDate().toString());
        }
        strings(Stix.MEASURES, sanction.measures());
        json.writeStringField(Stix.DIRECTION, sanction.direction());
        json.writeNumberField(Stix.SEVERITY, stamped.severity());
        if (sanction.severityOverride() != null) {
            json.writeNumberField(Stix.SEVERITY_OVERRIDE, sanction.severityOverride());
        }
        optional(Stix.SEVERITY_OVERRIDE_REASON, sanction.severityOverrideReason());
        externalReferences(sanction.key(), sanction.source(), sanction.sourceUrl());
        json.writeEndObject();
    }

    private void location(Shared location) throws IOException {
        common(Stix.LOCATION, location.id, location.created, location.modified);
        var country = snapshot.taxonomy().countries().get(location.country);
        if (country != null) {
            json.writeStringField("name", country.name());
            json.writeStringField("region", country.region());
        }
        json.writeStringField("country", location.country);
        json.writeEndObject();
    }

    private void identity(Shared identity) throws IOException {
        common(Stix.IDENTITY, identity.id, identity.created, identity.modified);
        json.writeStringField("name", identity.name == null ? "unknown victim" : identity.name);
        json.writeStringField("identity_class", "organization");
        if (identity.sector != null) {
            SectorEntry sector = snapshot.taxonomy().sectors().get(identity.sector);
            if (sector != null) {
                strings("sectors", List.of(sector.stixIndustrySector()));
            }
            json.writeStringField(Stix.SECTOR, identity.sector);
        }
        if (identity.name == null) {
            json.writeBooleanField(Stix.VICTIM_UNKNOWN, true);
        }
        json.writeEndObject();
    }

    private void incident(Stamped<IncidentData> stamped) throws IOException {
        IncidentData incident = stamped.data();
        String id = StixIds.of(Stix.INCIDENT, incident.key());
        common(Stix.INCIDENT, id, stamped.created(), stamped.modified());
        json.writeStringField("name", incident.key());
        optional("description", incident.note());
        json.writeStringField(Stix.FIRST_ACTION_DATE, incident.firstActionDate().toString());
        json.writeStringField(Stix.DATE_PRECISION, incident.datePrecision());
        if (incident.intrusionStartDate() != null) {
            json.writeStringField(
                    Stix.INTRUSION_START_DATE, incident.intrusionStartDate().toString());
        }
        optional(Stix.VECTOR, incident.vector());
        if (incident.attemptedUsd() != null) {
            json.writeNumberField(Stix.ATTEMPTED_USD, incident.attemptedUsd());
        }
        if (incident.realisedUsd() != null) {
            json.writeNumberField(Stix.REALISED_USD, incident.realisedUsd());
        }
        if (incident.destructive() != null) {
            json.writeBooleanField(Stix.DESTRUCTIVE, incident.destructive());
        }
        externalReferences(incident.key(), incident.source(), incident.sourceUrl());
        json.writeEndObject();
        if (incident.victim() != null || incident.sector() != null) {
            relationship(stamped, Stix.TARGETS, id, identityId(incident.victim(), incident.sector()), null);
        }
        if (incident.country() != null) {
            relationship(stamped, Stix.TARGETS, id, locationId(incident.country()), null);
        }
        if (incident.actor() != null) {
            relationship(stamped, Stix.ATTRIBUTED_TO, id, actorId(incident.actor()), incident.attributionConfidence());
        }
    }

    private void relationship(
            Stamped<IncidentData> stamped, String type, String source, String target, Integer confidence)
            throws IOException {
        String id = StixIds.of(Stix.RELATIONSHIP, stamped.data().key() + "|" + type + "|" + target);
        common(Stix.RELATIONSHIP, id, stamped.created(), stamped.modified());
        json.writeStringField("relationship_type", type);
        json.writeStringField("source_ref", source);
        json.writeStringField("target_ref", target);
        if (confidence != null) {
            json.writeNumberField("confidence", confidence);
        }
        json.writeEndObject();
    }

    private void optional(String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    private void strings(String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    static String actorId(String key) {
        return StixIds.of(Stix.INTRUSION_SET, key);
    }

    static String locationId(String country) {
        return StixIds.of(Stix.LOCATION, "country:" + country);
    }
}
