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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a STIX 2.1 bundle of standard objects only: actors as {@code intrusion-set}, sanctions events as
 * {@code report} (report type "sanctions"), incidents as {@code incident}, victims as {@code identity},
 * countries and regions as {@code location}, joined by {@code targets} and {@code attributed-to}
 * relationships. What STIX has no property for travels in this service's property extension, defined by the
 * bundle's {@code extension-definition}. Every id is derived from a natural key ({@link StixIds}), so the same
 * data always gives the same bundle.
 */
public final class StixBundleWriter {

    /** A victim or place object, with the span of the records that refer to it. */
    private static final class Shared {
        final String id;
        final String name;
        final String sector;
        final String country;
        final String region;
        Instant created;
        Instant modified;

        Shared(
                String id,
                String name,
                String sector,
                String country,
                String region,
                Instant created,
                Instant modified) {
            this.id = id;
            this.name = name;
            this.sector = sector;
            this.country = country;
            this.region = region;
            this.created = created;
            this.modified = modified;
        }

        void widen(Instant otherCreated, Instant otherModified) {
            created = otherCreated.isBefore(created) ? otherCreated : created;
            modified = otherModified.isAfter(modified) ? otherModified : modified;
        }
    }

    private final ExportSnapshot snapshot;
    private final StixJson json;
    private final Map<String, Shared> identities = new LinkedHashMap<>();
    private final Map<String, Shared> locations = new LinkedHashMap<>();

    private StixBundleWriter(ExportSnapshot snapshot, JsonGenerator generator) {
        this.snapshot = snapshot;
        this.json = new StixJson(generator);
    }

    public static void write(ExportSnapshot snapshot, ObjectMapper mapper, OutputStream out) throws IOException {
        try (JsonGenerator generator = mapper.getFactory().createGenerator(out)) {
            new StixBundleWriter(snapshot, generator).bundle();
        }
    }

    public static String identityId(String victim, String sector) {
        return StixIds.of(Stix.IDENTITY, (victim == null ? "" : victim) + "|" + (sector == null ? "" : sector));
    }

    private void bundle() throws IOException {
        JsonGenerator out = json.generator();
        out.writeStartObject();
        out.writeStringField("type", Stix.BUNDLE);
        out.writeStringField(
                "id", StixIds.of(Stix.BUNDLE, "dv" + snapshot.version().version()));
        out.writeArrayFieldStart("objects");
        json.producerAndExtension();
        for (Stamped<ActorData> actor : snapshot.actors()) {
            intrusionSet(actor);
        }
        collectShared();
        for (Shared location : locations.values()) {
            location(location);
        }
        for (Shared identity : identities.values()) {
            identity(identity);
        }
        for (Stamped<SanctionData> sanction : snapshot.sanctions()) {
            report(sanction);
        }
        for (Stamped<IncidentData> incident : snapshot.incidents()) {
            incident(incident);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    /** The victims and places the incidents and sanctions refer to, each written once. */
    private void collectShared() {
        for (Stamped<SanctionData> stamped : snapshot.sanctions()) {
            String country = stamped.data().targetJurisdiction();
            if (country != null) {
                share(locations, countryId(country), null, null, country, null, stamped);
            }
        }
        for (Stamped<IncidentData> stamped : snapshot.incidents()) {
            IncidentData incident = stamped.data();
            if (incident.victim() != null || incident.sector() != null) {
                share(
                        identities,
                        identityId(incident.victim(), incident.sector()),
                        incident.victim(),
                        incident.sector(),
                        null,
                        null,
                        stamped);
            }
            String place = placeId(incident);
            if (place != null) {
                share(locations, place, null, null, incident.country(), incident.region(), stamped);
            }
        }
    }

    private static void share(
            Map<String, Shared> into,
            String id,
            String name,
            String sector,
            String country,
            String region,
            Stamped<?> stamped) {
        into.computeIfAbsent(
                        id,
                        key -> new Shared(key, name, sector, country, region, stamped.created(), stamped.modified()))
                .widen(stamped.created(), stamped.modified());
    }

    private void intrusionSet(Stamped<ActorData> stamped) throws IOException {
        ActorData actor = stamped.data();
        json.common(Stix.INTRUSION_SET, actorId(actor.key()), stamped.created(), stamped.modified());
        json.generator().writeStringField("name", actor.name());
        json.optional("description", actor.description());
        if (!actor.aliases().isEmpty()) {
            json.strings("aliases", actor.aliases());
        }
        json.source(actor.source(), actor.sourceUrl());
        json.startExtension();
        json.optional(Stix.KEY, actor.key());
        json.endExtension();
    }

    /**
     * A sanctions event as a {@code report}: OpenCTI keeps reports with their name, description, published
     * date, report types, labels, references and objects; the labels repeat the authority and measures for
     * tools that do not read the extension.
     */
    private void report(Stamped<SanctionData> stamped) throws IOException {
        SanctionData sanction = stamped.data();
        JsonGenerator out = json.generator();
        json.common(
                Stix.REPORT,
                StixIds.of(Stix.REPORT, "sanction:" + sanction.key()),
                stamped.created(),
                stamped.modified());
        out.writeStringField("name", sanction.title());
        json.optional("description", sanction.note());
        json.strings("report_types", List.of(Stix.SANCTIONS_REPORT_TYPE));
        out.writeStringField("published", sanction.announcedDate() + "T00:00:00.000Z");
        List<String> labels = new ArrayList<>();
        labels.add("authority:" + sanction.authority());
        sanction.measures().forEach(measure -> labels.add("measure:" + measure));
        json.strings("labels", labels);
        String target = sanction.targetJurisdiction();
        json.strings("object_refs", List.of(target == null ? Stix.PRODUCER_ID : countryId(target)));
        json.source(sanction.source(), sanction.sourceUrl());
        json.startExtension();
        out.writeStringField(Stix.KEY, sanction.key());
        out.writeStringField(Stix.AUTHORITY, sanction.authority());
        json.optional(Stix.TARGET_JURISDICTION, target);
        out.writeStringField(Stix.ANNOUNCED_DATE, sanction.announcedDate().toString());
        json.optional(Stix.EFFECTIVE_DATE, sanction.effectiveDate());
        json.strings(Stix.MEASURES, sanction.measures());
        out.writeStringField(Stix.DIRECTION, sanction.direction());
        out.writeNumberField(Stix.SEVERITY, stamped.severity());
        if (sanction.severityOverride() != null) {
            out.writeNumberField(Stix.SEVERITY_OVERRIDE, sanction.severityOverride());
        }
        json.optional(Stix.SEVERITY_OVERRIDE_REASON, sanction.severityOverrideReason());
        json.endExtension();
    }

    private void location(Shared location) throws IOException {
        JsonGenerator out = json.generator();
        json.common(Stix.LOCATION, location.id, location.created, location.modified);
        if (location.country != null) {
            var country = snapshot.taxonomy().countries().get(location.country);
            if (country != null) {
                out.writeStringField("name", country.name());
                out.writeStringField("region", country.region());
            }
            out.writeStringField("country", location.country);
        } else {
            var region = snapshot.taxonomy().regions().get(location.region);
            out.writeStringField("name", region == null ? location.region : region.name());
            out.writeStringField("region", location.region);
        }
        out.writeEndObject();
    }

    private void identity(Shared identity) throws IOException {
        JsonGenerator out = json.generator();
        json.common(Stix.IDENTITY, identity.id, identity.created, identity.modified);
        out.writeStringField("name", identity.name == null ? "unknown victim" : identity.name);
        out.writeStringField("identity_class", "organization");
        SectorEntry sector =
                identity.sector == null ? null : snapshot.taxonomy().sectors().get(identity.sector);
        if (sector != null) {
            json.strings("sectors", List.of(sector.stixIndustrySector()));
        }
        json.startExtension();
        json.optional(Stix.SECTOR, identity.sector);
        if (identity.name == null) {
            out.writeBooleanField(Stix.VICTIM_UNKNOWN, true);
        }
        json.endExtension();
    }

    private void incident(Stamped<IncidentData> stamped) throws IOException {
        IncidentData incident = stamped.data();
        JsonGenerator out = json.generator();
        String id = StixIds.of(Stix.INCIDENT, incident.key());
        json.common(Stix.INCIDENT, id, stamped.created(), stamped.modified());
        out.writeStringField(
                "name", incident.victim() == null ? incident.key() : incident.key() + " (" + incident.victim() + ")");
        json.optional("description", incident.note());
        // OpenCTI's incident property; the exact date and its precision are in the extension.
        out.writeStringField("first_seen", incident.firstActionDate() + "T00:00:00.000Z");
        json.source(incident.source(), incident.sourceUrl());
        json.startExtension();
        out.writeStringField(Stix.KEY, incident.key());
        out.writeStringField(Stix.FIRST_ACTION_DATE, incident.firstActionDate().toString());
        out.writeStringField(Stix.DATE_PRECISION, incident.datePrecision());
        json.optional(Stix.INTRUSION_START_DATE, incident.intrusionStartDate());
        json.optional(Stix.VECTOR, incident.vector());
        json.optional(Stix.ATTEMPTED_USD, incident.attemptedUsd());
        json.optional(Stix.REALISED_USD, incident.realisedUsd());
        if (incident.destructive() != null) {
            out.writeBooleanField(Stix.DESTRUCTIVE, incident.destructive());
        }
        json.optional(Stix.ATTRIBUTED_ON, incident.attributedOn());
        json.optional(Stix.ATTRIBUTED_BY, incident.attributedBy());
        json.optional(Stix.REPORTED_ON, incident.reportedOn());
        json.endExtension();
        if (incident.victim() != null || incident.sector() != null) {
            relationship(stamped, Stix.TARGETS, id, identityId(incident.victim(), incident.sector()), null);
        }
        String place = placeId(incident);
        if (place != null) {
            relationship(stamped, Stix.TARGETS, id, place, null);
        }
        if (incident.actor() != null) {
            relationship(stamped, Stix.ATTRIBUTED_TO, id, actorId(incident.actor()), incident.attributionConfidence());
        }
    }

    private void relationship(
            Stamped<IncidentData> stamped, String type, String source, String target, Integer confidence)
            throws IOException {
        JsonGenerator out = json.generator();
        String id = StixIds.of(Stix.RELATIONSHIP, stamped.data().key() + "|" + type + "|" + target);
        json.common(Stix.RELATIONSHIP, id, stamped.created(), stamped.modified());
        out.writeStringField("relationship_type", type);
        out.writeStringField("source_ref", source);
        out.writeStringField("target_ref", target);
        if (confidence != null) {
            out.writeNumberField("confidence", confidence);
        }
        out.writeEndObject();
    }

    private static String placeId(IncidentData incident) {
        if (incident.country() != null) {
            return countryId(incident.country());
        }
        return incident.region() == null ? null : StixIds.of(Stix.LOCATION, "region:" + incident.region());
    }

    static String actorId(String key) {
        return StixIds.of(Stix.INTRUSION_SET, key);
    }

    static String countryId(String country) {
        return StixIds.of(Stix.LOCATION, "country:" + country);
    }
}
