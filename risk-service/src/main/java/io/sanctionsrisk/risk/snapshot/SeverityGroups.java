package io.sanctionsrisk.risk.snapshot;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sector groups of the severity model (MODEL.md, "Severity that follows the data"): banks (codes ending in
 * {@code -bank}), crypto businesses (codes starting {@code crypto-} or {@code defi-}) and every other sector. Too few
 * amounts per sector to fit them apart; these groups differ in what a heist can take.
 */
public final class SeverityGroups {

    public static final String BANK = "bank";
    public static final String CRYPTO = "crypto";
    public static final String OTHER = "other";

    private SeverityGroups() {}

    public static String of(String sector) {
        if (sector == null) {
            return OTHER;
        }
        if (sector.endsWith("-bank")) {
            return BANK;
        }
        if (sector.startsWith("crypto-") || sector.startsWith("defi-")) {
            return CRYPTO;
        }
        return OTHER;
    }

    /** Every sector's group. */
    public static Map<String, String> of(Collection<String> sectors) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : sectors) {
            out.put(s, of(s));
        }
        return out;
    }
}
