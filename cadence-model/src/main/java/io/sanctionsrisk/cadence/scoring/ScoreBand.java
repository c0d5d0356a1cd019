package io.sanctionsrisk.cadence.scoring;

import java.util.Locale;

/** The band of a 0..100 score (see {@link ScoreScale}). */
public enum ScoreBand {
    LOW,
    MODERATE,
    HIGH,
    SEVERE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
