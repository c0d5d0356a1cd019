package io.sanctionsrisk.risk.snapshot;

import io.sanctionsrisk.cadence.fit.AicWeight;
import io.sanctionsrisk.cadence.fit.CadenceFit;
import io.sanctionsrisk.cadence.fit.CadenceFitter;
import io.sanctionsrisk.cadence.fit.TrendFit;
import io.sanctionsrisk.risk.web.Numbers;
import java.util.Locale;

/**
 * Which model a snapshot serves and why, by the rule of MODEL.md ("The served model"):
 *
 * <ol>
 *   <li><b>kernel shape</b>: the lowest AIC among the shapes fitted (unless the configuration fixes it); the served
 *       shape's Akaike weight among the shapes is recorded, and a lead under 2 AIC units is called a tie;
 *   <li><b>baseline</b>: stationary, unless the log-linear trend both lowers the AIC by at least {@link
 *       #TREND_AIC_MARGIN} and wins the cell backtest against the stationary baseline. The cell backtest does not
 *       score the trend yet, so the trend is never served; its in-sample comparison is recorded;
 *   <li><b>marks</b>: {@code risk.marks.cell-model}; with {@code adaptive} the half-life and prior strength are
 *       chosen by the held-out cell log score at quarterly origins among candidates that include today's static
 *       prior, so the static marks are served whenever they forecast best.
 * </ol>
 */
public record ServedModelChoice(
        int kernelShape,
        boolean kernelShapeChosenByAic,
        Double kernelShapeWeight,
        String kernelShapeReason,
        String baseline,
        Double trendDeltaAic,
        Double trendPValue,
        String baselineReason,
        String marks,
        String marksPrior,
        String marksReason) {

    public static final String STATIONARY = "stationary";

    public static final String TREND = "log-linear-trend";

    /** AIC units the trend must gain before the backtest is even consulted. */
    public static final double TREND_AIC_MARGIN = 2.0;

    /**
     * Applies the rule to a refit's results: the stationary fit, the trend fit of the same data (null when it was
     * not run), the configured cell model and the served prior's description.
     */
    public static ServedModelChoice choose(CadenceFit fit, TrendFit trend, String cellModel, String marksPrior) {
        int k = fit.parameters().shape();
        double total = 0;
        double served = Double.NaN;
        double runnerUpGap = Double.POSITIVE_INFINITY;
        for (AicWeight w : fit.aicWeights()) {
            if (w.model().equals(CadenceFitter.FULL)) {
                total += w.weight();
                if (w.shape() == k) {
                    served = w.weight();
                }
            }
        }
        for (AicWeight w : fit.aicWeights()) {
            if (w.model().equals(CadenceFitter.FULL) && w.shape() != k) {
                runnerUpGap = Math.min(runnerUpGap, w.aic() - fit.aic());
            }
        }
        Double shapeWeight = total > 0 ? Numbers.finite(served / total) : null;
        String shapeReason;
        if (!fit.shapeChosenByAic()) {
            shapeReason = "k = " + k + " fixed by the configuration";
        } else if (Double.isInfinite(runnerUpGap)) {
            shapeReason = "k = " + k + ", the only shape fitted";
        } else {
            shapeReason = String.format(
                    Locale.ROOT,
                    "k = %d has the lowest AIC, %.2f below the next shape (Akaike weight %.2f among the shapes)%s",
                    k,
                    runnerUpGap,
                    served / total,
                    runnerUpGap < 2 ? "; under 2 units, the shapes are about equally supported" : "");
        }
        String baselineReason;
        Double dAic = null;
        Double p = null;
        if (trend == null) {
            baselineReason = "stationary: the trend was not fitted";
        } else {
            dAic = Numbers.finite(trend.deltaAic());
            p = Numbers.finite(trend.likelihoodRatioPValue());
            baselineReason = String.format(
                    Locale.ROOT,
                    "stationary: the log-linear trend changes the AIC by %+.2f (likelihood-ratio p = %.3f)%s; it is"
                            + " served only after it also wins the cell backtest, which does not score it yet",
                    trend.deltaAic(),
                    trend.likelihoodRatioPValue(),
                    trend.deltaAic() <= -TREND_AIC_MARGIN
                            ? ", enough in sample"
                            : ", less than the " + TREND_AIC_MARGIN + " units required");
        }
        String marksReason = "static".equals(cellModel)
                ? "static marks: fixed by risk.marks.cell-model"
                : "adaptive marks: the prior with the best held-out cell log score at quarterly origins, among"
                        + " candidates that include the static prior";
        return new ServedModelChoice(
                k,
                fit.shapeChosenByAic(),
                shapeWeight,
                shapeReason,
                STATIONARY,
                dAic,
                p,
                baselineReason,
                cellModel,
                marksPrior,
                marksReason);
    }
}
