package io.sanctionsrisk.sanctions.stix;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps STIX {@code industry-sector-ov} values of a victim identity to this service's financial sub-sectors,
 * for bundles that do not carry the sub-sector in this service's extension (documented in the README). The
 * first listed sector with an entry wins; a victim with sectors but none in the table gets {@link #DEFAULT}.
 */
public final class IndustrySectors {

    public static final String DEFAULT = "other-financial";

    private static final Map<String, String> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("financial-services", "other-financial");
        TABLE.put("insurance", "other-financial");
        TABLE.put("technology", "crypto-wallet-provider");
        TABLE.put("entertainment", "crypto-casino");
        TABLE.put("hospitality-leisure", "crypto-casino");
        TABLE.put("communications", "financial-media");
    }

    private IndustrySectors() {}

    /** @return the sub-sector, or null when no sector is given */
    public static String subSectorOf(List<String> sectors) {
        if (sectors == null || sectors.isEmpty()) {
            return null;
        }
        for (String sector : sectors) {
            String mapped = TABLE.get(sector);
            if (mapped != null) {
                return mapped;
            }
        }
        return DEFAULT;
    }

    public static Map<String, String> table() {
        return Map.copyOf(TABLE);
    }
}
