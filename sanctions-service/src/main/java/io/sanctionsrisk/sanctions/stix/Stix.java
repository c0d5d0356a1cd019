package io.sanctionsrisk.sanctions.stix;

/**
 * How this service's records map to STIX 2.1 (documented in the service README). Standard objects carry the
 * standard properties; what STIX has no property for travels in this service's property extension
 * ({@link #EXTENSION_ID}, defined by an {@code extension-definition} object in every export), never as custom
 * object types or top-level {@code x_} properties, which OpenCTI drops.
 */
public final class Stix {

    public static final String MEDIA_TYPE = "application/stix+json";
    public static final String SPEC_VERSION = "2.1";
    /** The former natural-key reference; still read on import. */
    public static final String KEY_SOURCE = "sanctionsrisk";

    public static final String BUNDLE = "bundle";
    public static final String INCIDENT = "incident";
    public static final String INTRUSION_SET = "intrusion-set";
    public static final String THREAT_ACTOR = "threat-actor";
    public static final String IDENTITY = "identity";
    public static final String LOCATION = "location";
    public static final String RELATIONSHIP = "relationship";
    /** A sanctions event is a {@code report} (OpenCTI keeps reports) of this report type carrying the extension. */
    public static final String REPORT = "report";

    public static final String EXTENSION_DEFINITION = "extension-definition";
    public static final String MARKING_DEFINITION = "marking-definition";

    public static final String SANCTIONS_REPORT_TYPE = "sanctions";
    public static final String TARGETS = "targets";
    public static final String ATTRIBUTED_TO = "attributed-to";
    public static final String LOCATED_AT = "located-at";

    /** The extension's id: fixed, so every export and every version of this service names the same definition. */
    public static final String EXTENSION_ID =
            "extension-definition--" + StixIds.uuid5(StixIds.NAMESPACE, "extension:v1");
    /** The identity that created the extension definition and the exported objects. */
    public static final String PRODUCER_ID = StixIds.of(IDENTITY, "producer:sanctions-service");

    public static final String EXTENSION_NAME = "sanctionsrisk sanctions and heist records";
    public static final String EXTENSION_SCHEMA = "https://sanctionsrisk.io/stix/extension/v1/schema.json";
    public static final String EXTENSION_VERSION = "1.0.0";
    public static final String PROPERTY_EXTENSION = "property-extension";

    // Properties inside the extension (snake case, as STIX names properties).
    public static final String KEY = "key";
    public static final String FIRST_ACTION_DATE = "first_action_date";
    public static final String DATE_PRECISION = "date_precision";
    public static final String INTRUSION_START_DATE = "intrusion_start_date";
    public static final String VECTOR = "vector";
    public static final String ATTEMPTED_USD = "attempted_usd";
    public static final String REALISED_USD = "realised_usd";
    public static final String DESTRUCTIVE = "destructive";
    public static final String ATTRIBUTED_ON = "attributed_on";
    public static final String ATTRIBUTED_BY = "attributed_by";
    public static final String REPORTED_ON = "reported_on";
    public static final String SECTOR = "sector";
    /** On an identity that stands for a victim whose name is not known (STIX requires a name). */
    public static final String VICTIM_UNKNOWN = "victim_unknown";

    public static final String AUTHORITY = "authority";
    public static final String TARGET_JURISDICTION = "target_jurisdiction";
    public static final String ANNOUNCED_DATE = "announced_date";
    public static final String EFFECTIVE_DATE = "effective_date";
    public static final String MEASURES = "measures";
    public static final String DIRECTION = "direction";
    public static final String SEVERITY = "severity";
    public static final String SEVERITY_OVERRIDE = "severity_override";
    public static final String SEVERITY_OVERRIDE_REASON = "severity_override_reason";

    private Stix() {}

    /** The STIX property that carries a field of the data records, for naming it in problems. */
    public static String propertyOf(String field) {
        return switch (field) {
            case "key" -> "extensions." + KEY;
            case "name", "aliases", "description" -> field;
            case "title" -> "name";
            case "note" -> "description";
            case "source" -> "external_references[].source_name";
            case "sourceUrl" -> "external_references[].url";
            case "victim" -> "targets identity.name";
            case "sector" -> "targets identity.sectors";
            case "country" -> "location.country";
            case "region" -> "location.region";
            case "actor" -> "attributed-to intrusion-set";
            case "attributionConfidence" -> "attributed-to relationship.confidence";
            case "firstActionDate" -> "first_seen";
            default -> "extensions." + snake(field);
        };
    }

    private static String snake(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
