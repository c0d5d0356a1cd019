package io.sanctionsrisk.cadence.scoring;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.forecast.CadenceForecast;
import io.sanctionsrisk.cadence.forecast.ExpectedCount;
import java.util.List;

/** The total expected count over a horizon that may start after the end of the observation window. */
public final class HorizonForecast {

    private HorizonForecast() {}

    /**
     * E[N(T + gap, T + gap + horizon]] given the history up to the window end T: E[N(T, T + gap + horizon]] - E[N(T,
     * T + gap]] of the mean equation ({@link CadenceForecast}), part by part. Nothing after T is observed, so the
     * gap's expected events (and their offspring) are included, not its actual ones.
     */
    public static ExpectedCount expectedCount(CadenceData data, CadenceParameters p, double gap, double horizon) {
        if (!Double.isFinite(gap) || gap < 0) {
            throw new IllegalArgumentException("gap must be finite and >= 0, got " + gap);
        }
        ExpectedCount through = CadenceForecast.expectedCount(data, p, List.of(), gap + horizon);
        if (gap == 0) {
            return through;
        }
        ExpectedCount before = CadenceForecast.expectedCount(data, p, List.of(), gap);
        return new ExpectedCount(
                data.windowEnd() + gap,
                horizon,
                Math.max(0.0, through.baseline() - before.baseline()),
                Math.max(0.0, through.sanctions() - before.sanctions()),
                Math.max(0.0, through.selfExcitation() - before.selfExcitation()));
    }
}
