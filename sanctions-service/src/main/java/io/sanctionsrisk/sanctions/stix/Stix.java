package io.sanctionsrisk.sanctions.stix;

/**
 * How this service's records map to STIX 2.1 (documented in the service README). Standard objects carry the
 * standard properties; what STIX has no property for is a custom property with the {@link #PREFIX} prefix.
 * The natural key of a record is the {@code external_id} of its external reference named {@link #KEY_SOURCE}.
 */
public final class Stix {

    public static final String MEDIA_TYPE = "application/stix+json";
    public static final String SPEC_VERSION = "2.1";
    public static final String PREFIX = "x_sanctionsrisk_";
    public static final String KEY_SOURCE = "sanctionsrisk";

    public static final String BUNDLE = "bundle";
    public static final String INCIDENT = "incident";
    public static final String INTRUSION_SET = "intrusion-set";
    public static final String IDENTITY = "identity";
    public static final String LOCATION = "location";
    public static final String RELATIONSHIP = "relationship";
    /** STIX has no sanctions object; this custom object type holds one sanctions event. */
    public static final String SANCTION = "x-sanctionsrisk-sanction";

    public static final String TARGETS = "targets";
    public static final String ATTRIBUTED_TO = "attributed-to";

    public static final String FIRST_ACTION_DATE = PREFIX + "first_action_date";
    public static final String DATE_PRECISION = PREFIX + "date_precision";
    public static final String INTRUSION_START_DATE = PREFIX + "intrusion_start_date";
    public static final String VECTOR = PREFIX + "vector";
    public static final String ATTEMPTED_USD = PREFIX + "attempted_usd";
    public static final String REALISED_USD = PREFIX + "realised_usd";
    public static final String DESTRUCTIVE = PREFIX + "destructive";
    public static final String SECTOR = PREFIX + "sector";
    /** On an identity that stands for a victim whose name is not known (STIX requires a name). */
    public static final String VICTIM_UNKNOWN = PREFIX + "victim_unknown";

    public static final String AUTHORITY = PREFIX + "authority";
    public static final String TARGET_JURISDICTION = PREFIX + "target_jurisdiction";
    public static final String ANNOUNCED_DATE = PREFIX + "announced_date";
    public static final String EFFECTIVE_DATE = PREFIX + "effective_date";
    public static final String MEASURES = PREFIX + "measures";
    public static final String DIRECTION = PREFIX + "direction";
    public static final String SEVERITY = PREFIX + "severity";
    public static final String SEVERITY_OVERRIDE = PREFIX + "severity_override";
    public static final String SEVERITY_OVERRIDE_REASON = PREFIX + "severity_override_reason";

    private Stix() {}

    /** The STIX property that carries a field of the data records, for naming it in problems. */
    public static String propertyOf(String field) {
        return switch (field) {
            case "key" -> "external_references[" + KEY_SOURCE + "].external_id";
            case "name", "aliases", "description" -> field;
            case "title" -> "name";
            case "note" -> "description";
            case "source" -> "external_references[].source_name";
            case "sourceUrl" -> "external_references[].url";
            case "victim" -> "targets identity.name";
            case "sector" -> "targets identity." + SECTOR;
            case "country" -> "targets location.country";
            case "actor" -> "attributed-to intrusion-set";
            case "attributionConfidence" -> "attributed-to relationship.confidence";
            default -> PREFIX + snake(field);
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
