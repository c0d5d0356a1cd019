package io.sanctionsrisk.cadence.scoring;

import java.util.List;

/**
 * An institution's exposure factors, each with its levels in a fixed order. A factor's multiplier scales the
 * hazard of the institution's cell relative to the cell's typical institution (1.0); a factor left out is not
 * applied. The order of the constants is the order in which factors are applied and attributed.
 */
public enum ExposureFactor {
    SWIFT_CONNECTIVITY("swiftConnectivity", List.of("none", "indirect", "direct")),
    CRYPTO_CUSTODY("cryptoCustody", List.of("none", "cold-only", "hot-wallet")),
    CORRESPONDENT_EXPOSURE("correspondentExposure", List.of("low", "medium", "high")),
    CONTROL_MATURITY("controlMaturity", List.of("advanced", "intermediate", "basic"));

    private static final ExposureFactor[] ALL = values();

    private final String field;
    private final List<String> levels;

    ExposureFactor(String field, List<String> levels) {
        this.field = field;
        this.levels = levels;
    }

    /** The JSON field that names the factor. */
    public String field() {
        return field;
    }

    public List<String> levels() {
        return levels;
    }

    /** The level's index, or -1 when the factor has no such level. */
    public int levelIndex(String level) {
        return level == null ? -1 : levels.indexOf(level);
    }

    static ExposureFactor at(int ordinal) {
        return ALL[ordinal];
    }

    static int count() {
        return ALL.length;
    }
}
