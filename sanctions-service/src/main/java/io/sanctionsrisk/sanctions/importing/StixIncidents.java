package io.sanctionsrisk.sanctions.importing;

import io.sanctionsrisk.sanctions.ActorData;
import io.sanctionsrisk.sanctions.IncidentData;
import io.sanctionsrisk.sanctions.stix.IndustrySectors;
import io.sanctionsrisk.sanctions.stix.Stix;
import io.sanctionsrisk.sanctions.web.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The incidents of a bundle and what completes them: the victim {@code identity} and the {@code location}
 * they target (directly, or through the victim's {@code located-at}), and the actor they are
 * {@code attributed-to}. Joined once the whole bundle is read, since STIX objects come in any order.
 */
final class StixIncidents {

    /** An intrusion set or threat actor of the bundle, with this service's key when it carries one. */
    record Actor(String id, String key, ActorData data) {}

    private record Identity(String name, String sector, boolean organization) {}

    private record Place(String country, String region) {}

    private record Relationship(String id, String type, String source, String target, Integer confidence) {}

    private static final class Pending {
        final StixObject object;
        final Map<String, Object> fields = new HashMap<>();
        final List<Violation> problems;

        Pending(StixObject object) {
            this.object = object;
            this.problems = object.violations;
        }
    }

    private final ImportBatch batch;
    private final StixDirectory.Lookup lookup;
    private final Map<String, Identity> identities = new HashMap<>();
    private final Map<String, Place> places = new HashMap<>();
    private final Map<String, String> actorKeys = new HashMap<>();
    private final Map<String, Pending> incidents = new LinkedHashMap<>();
    private final List<Relationship> relationships = new ArrayList<>();

    StixIncidents(ImportBatch batch, StixDirectory.Lookup lookup) {
        this.batch = batch;
        this.lookup = lookup;
    }

    /** The first action: this service's date, else {@code first_seen} (OpenCTI), else {@code created} (MISP). */
    void incident(StixObject object) {
        Pending pending = new Pending(object);
        Map<String, Object> f = pending.fields;
        f.put("key", object.key() == null ? object.id : object.key());
        LocalDate firstAction = object.extDate(Stix.FIRST_ACTION_DATE);
        LocalDate firstSeen = object.day("first_seen");
        LocalDate created = object.day("created");
        f.put("firstActionDate", firstAction != null ? firstAction : firstSeen != null ? firstSeen : created);
        f.put("datePrecision", object.extText(Stix.DATE_PRECISION));
        f.put("intrusionStartDate", object.extDate(Stix.INTRUSION_START_DATE));
        f.put("vector", object.extText(Stix.VECTOR));
        // Amounts only from this service's extension: a foreign bundle's amount stays unknown, never guessed.
        f.put("attemptedUsd", object.extWhole(Stix.ATTEMPTED_USD));
        f.put("realisedUsd", object.extWhole(Stix.REALISED_USD));
        f.put("destructive", object.extBool(Stix.DESTRUCTIVE));
        f.put("attributedOn", object.extDate(Stix.ATTRIBUTED_ON));
        f.put("attributedBy", object.extText(Stix.ATTRIBUTED_BY));
        f.put("reportedOn", object.extDate(Stix.REPORTED_ON));
        f.put("note", object.text("description"));
        object.text("name");
        String[] source = object.source();
        f.put("source", source[0]);
        f.put("sourceUrl", source[1]);
        incidents.put(object.id, pending);
    }

    /**
     * A victim: its name (unless marked unknown) and sub-sector, this service's own or mapped from the STIX
     * sectors. An identity of class "class" (OpenCTI's sectors) gives a sector but no victim.
     */
    void identity(StixObject object) {
        String sector = object.extText(Stix.SECTOR);
        List<String> sectors = object.list("sectors");
        if (sector == null) {
            sector = IndustrySectors.subSectorOf(sectors);
        }
        boolean unknown = Boolean.TRUE.equals(object.extBool(Stix.VICTIM_UNKNOWN));
        String identityClass = object.text("identity_class");
        object.text("description");
        object.list("roles");
        identities.put(
                object.id, new Identity(unknown ? null : object.text("name"), sector, !"class".equals(identityClass)));
    }

    /** A country (alpha-2 or a country's name) or, without one, a region (STIX region-ov, our region codes). */
    void location(StixObject object) {
        String country = object.text("country");
        String region = object.text("region");
        object.text("name");
        object.text("description");
        String code = lookup.country(country);
        if (country != null && code == null) {
            code = country.toUpperCase(Locale.ROOT);
        }
        places.put(object.id, new Place(code, code == null ? region : null));
    }

    void relationship(StixObject object) {
        relationships.add(new Relationship(
                object.id,
                object.text("relationship_type"),
                object.text("source_ref"),
                object.text("target_ref"),
                object.integer("confidence")));
        object.text("description");
        object.day("start_time");
        object.day("stop_time");
    }

    void actorKey(String stixId, String key) {
        actorKeys.put(stixId, key);
    }

    /** Completes each incident from its relationships, then adds it to the batch. */
    void join() {
        Map<String, String> victimPlaces = new HashMap<>();
        for (Relationship relationship : relationships) {
            if (Stix.LOCATED_AT.equals(relationship.type()) && identities.containsKey(relationship.source())) {
                victimPlaces.put(relationship.source(), relationship.target());
            }
        }
        for (Relationship relationship : relationships) {
            Pending incident = incidents.get(relationship.source());
            String target = relationship.target() == null ? "" : relationship.target();
            if (incident == null) {
                if (!Stix.LOCATED_AT.equals(relationship.type()) || !identities.containsKey(relationship.source())) {
                    batch.skip(Stix.RELATIONSHIP);
                }
                continue;
            }
            if (Stix.TARGETS.equals(relationship.type()) && target.startsWith(Stix.IDENTITY + "--")) {
                victim(incident, relationship, victimPlaces.get(target));
            } else if (Stix.TARGETS.equals(relationship.type()) && target.startsWith(Stix.LOCATION + "--")) {
                place(incident, relationship, target);
            } else if (Stix.ATTRIBUTED_TO.equals(relationship.type())
                    && (target.startsWith(Stix.INTRUSION_SET + "--") || target.startsWith(Stix.THREAT_ACTOR + "--"))) {
                if (!actorKeys.containsKey(target)) {
                    incident.problems.add(Violation.of("actor", missing(relationship, "points to")));
                } else if (setOnce(incident, "actor", actorKeys.get(target), relationship)) {
                    incident.fields.put("attributionConfidence", relationship.confidence());
                }
            } else {
                batch.skip(Stix.RELATIONSHIP);
            }
        }
        incidents.values().forEach(this::add);
    }

    private void victim(Pending incident, Relationship relationship, String victimPlace) {
        Identity identity = identities.get(relationship.target());
        if (identity == null) {
            incident.problems.add(Violation.of("victim", missing(relationship, "targets")));
            return;
        }
        if (!identity.organization()) {
            incident.fields.putIfAbsent("sector", identity.sector());
            return;
        }
        if (setOnce(incident, "victim", identity.name(), relationship)) {
            incident.fields.put("sector", identity.sector());
            if (victimPlace != null && places.containsKey(victimPlace)) {
                incident.fields.putIfAbsent("place", places.get(victimPlace));
            }
        }
    }

    private void place(Pending incident, Relationship relationship, String target) {
        Place place = places.get(target);
        if (place == null || (place.country() == null && place.region() == null)) {
            incident.problems.add(
                    Violation.of("country", missing(relationship, "targets") + " or names no country or region"));
        } else {
            // A location the incident targets directly wins over the victim's located-at.
            incident.fields.put("place", place);
        }
    }

    private static String missing(Relationship relationship, String verb) {
        return "relationship " + relationship.id() + " " + verb + " " + relationship.target()
                + ", which is not in the bundle";
    }

    private void add(Pending incident) {
        Map<String, Object> f = incident.fields;
        String key = (String) f.get("key");
        if (!incident.problems.isEmpty()) {
            for (Violation violation : incident.problems) {
                batch.addProblem(new Violation(
                        incident.object.id,
                        "incident",
                        key,
                        violation.field() == null ? null : Stix.propertyOf(violation.field()),
                        violation.message()));
            }
            return;
        }
        Place place = (Place) f.get("place");
        batch.addIncident(
                incident.object.id,
                new IncidentData(
                        key,
                        (LocalDate) f.get("firstActionDate"),
                        (String) f.get("datePrecision"),
                        (LocalDate) f.get("intrusionStartDate"),
                        (String) f.get("actor"),
                        (Integer) f.get("attributionConfidence"),
                        (String) f.get("victim"),
                        (String) f.get("sector"),
                        place == null ? null : place.country(),
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
                        place == null ? null : place.region(),
                        null));
    }

    private static boolean setOnce(Pending incident, String field, Object value, Relationship relationship) {
        if (incident.fields.containsKey(field)) {
            incident.problems.add(Violation.of(
                    field, "more than one relationship gives the " + field + " (" + relationship.id() + ")"));
            return false;
        }
        incident.fields.put(field, value);
        return true;
    }
}
