package io.sanctionsrisk.sanctions;

/**
 * A measure a sanctions event imposes (or, for {@link #ENFORCEMENT_WEAKENED}, removes). The weight is the
 * measure's level in the severity rubric ({@link SeverityRubric}): how directly it cuts the target's access to
 * hard currency, which is what the heists replace.
 */
public enum Measure implements CodedValue {
    ARMS_EMBARGO("arms-embargo", "Arms embargo", 2),
    ASSET_FREEZE("asset-freeze", "Asset freeze", 3),
    TRAVEL_BAN("travel-ban", "Travel ban", 1),
    BANKING_RESTRICTION("banking-restriction", "Banking restriction", 4),
    BULK_CASH_BAN("bulk-cash-ban", "Bulk cash ban", 4),
    TRADE_EMBARGO("trade-embargo", "Trade embargo", 4),
    SECONDARY_SANCTIONS("secondary-sanctions", "Secondary sanctions", 5),
    MONEY_LAUNDERING_CONCERN("money-laundering-concern", "Primary money laundering concern", 3),
    CYBER_ACTOR_DESIGNATION("cyber-actor-designation", "Designation of cyber actors", 2),
    CRYPTO_MIXER_DESIGNATION("crypto-mixer-designation", "Designation of a crypto mixer", 2),
    CRIMINAL_CHARGES("criminal-charges", "Criminal charges", 1),
    ENFORCEMENT_WEAKENED("enforcement-weakened", "Enforcement weakened", 2);

    private final String code;
    private final String label;
    private final int level;

    Measure(String code, String label, int level) {
        this.code = code;
        this.label = label;
        this.level = level;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    /** The measure's level 1..5 in the severity rubric. */
    public int level() {
        return level;
    }
}
