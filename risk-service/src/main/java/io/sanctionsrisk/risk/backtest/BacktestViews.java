package io.sanctionsrisk.risk.backtest;

import io.sanctionsrisk.cadence.backtest.BacktestResult;
import io.sanctionsrisk.cadence.backtest.CellBacktest;
import io.sanctionsrisk.cadence.backtest.CellBacktestResult;
import io.sanctionsrisk.cadence.backtest.CellWindow;
import io.sanctionsrisk.cadence.backtest.MarkWindow;
import io.sanctionsrisk.cadence.backtest.ModelScore;
import io.sanctionsrisk.cadence.backtest.OriginResult;
import io.sanctionsrisk.cadence.backtest.PairedDifference;
import io.sanctionsrisk.cadence.backtest.WindowForecast;
import io.sanctionsrisk.cadence.backtest.WindowScore;
import io.sanctionsrisk.cadence.fit.CadenceFitter;
import io.sanctionsrisk.risk.dataset.TimeAxis;
import io.sanctionsrisk.risk.snapshot.ParametersView;
import io.sanctionsrisk.risk.web.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a backtest's results into the stored and served documents: the totals backtest ({@link BacktestResultView})
 * and the cell backtest ({@link CellResultView}), each with the text of its method, days as dates.
 */
final class BacktestViews {

    static final String METHOD = "At each origin T_k the full model (kernel shape given, or chosen by AIC), the Hawkes"
            + " model without sanctions and the homogeneous Poisson model are fitted by maximum likelihood to the heists"
            + " in (0, T_k] and the sanctions in effect by T_k. Out-of-sample log-likelihood of (T_k, T_k + h]: log L(0,"
            + " T_k + h) - log L(0, T_k) under the parameters fitted on (0, T_k] (for Poisson n ln r - r h). 90% count"
            + " interval: the 5% and 95% quantiles of the count in the window over intervalPaths exact forward"
            + " simulations from the fitted model given the observed history (Poisson quantiles for the Poisson model);"
            + " parameter uncertainty is not included.";

    static final String CELL_METHOD = "At each origin T, from what was known at T only (heists with their first"
            + " public attribution by T when knownFromAttribution, sanctions in effect by T), the full model, the Hawkes"
            + " model without sanctions and the homogeneous Poisson model are fitted, and the marks are chosen by the"
            + " held-out cell log score at quarterly inner origins (adaptive) beside today's static marks. Every heist"
            + " in (T, T + h] is scored, whenever it became known. Cell expectation m_c = share_c x expected total;"
            + " cell log score sum_c log Poisson(n_c; m_c); cell Brier sum_c (1 - exp(-m_c) - 1{n_c >= 1})^2; RPS and"
            + " mid PIT of the total from intervalPaths forward simulations (exact Poisson for the Poisson model)."
            + " Paired differences: per window score(model) - score(against), the standard error of their total by"
            + " Newey-West with Bartlett weights over the lags at which windows overlap.";

    private BacktestViews() {}

    /** The cell backtest's windows, totals per model and paired differences. */
    static CellResultView cellView(CellBacktestResult result, TimeAxis axis, BacktestInputs inputs) {
        List<CellResultView.Window> windows = new ArrayList<>();
        List<String> models = new ArrayList<>();
        boolean hit = false;
        for (CellWindow w : result.windows()) {
            MarkWindow m = w.marks();
            List<CellResultView.Score> scores = new ArrayList<>();
            for (WindowScore s : w.scores()) {
                scores.add(new CellResultView.Score(
                        s.model(), s.expectedTotal(), s.cellLogScore(), s.cellBrier(), s.totalRps(), s.totalPit()));
                if (!models.contains(s.model())) {
                    models.add(s.model());
                }
            }
            hit |= w.hitDeadline();
            windows.add(new CellResultView.Window(
                    axis.start().plusDays((long) Math.floor(w.origin())),
                    axis.start().plusDays((long) Math.ceil(w.end() - 1e-9) - 1),
                    w.trainingHeists(),
                    w.observed(),
                    w.observedWithCell(),
                    w.fitConverged(),
                    w.hitDeadline(),
                    new CellResultView.Marks(
                            Numbers.finite(m.chosen().halfLifeDays()),
                            m.chosen().strength(),
                            m.chosen().base().name().toLowerCase(Locale.ROOT),
                            m.heistsWithCell(),
                            m.heistsInGroup(),
                            m.adaptiveLogScore(),
                            m.staticLogScore(),
                            m.adaptiveGroupShare(),
                            m.staticGroupShare(),
                            m.adaptiveGroupBrier(),
                            m.staticGroupBrier()),
                    scores));
        }
        List<CellResultView.Total> totals = new ArrayList<>();
        for (String model : models) {
            double pit = 0;
            for (CellWindow w : result.windows()) {
                pit += w.score(model).totalPit();
            }
            totals.add(new CellResultView.Total(
                    model,
                    result.total(CellBacktest.Metric.CELL_LOG_SCORE, model),
                    result.total(CellBacktest.Metric.CELL_BRIER, model),
                    result.total(CellBacktest.Metric.TOTAL_RPS, model),
                    pit / result.windows().size()));
        }
        List<CellResultView.Difference> differences = new ArrayList<>();
        for (PairedDifference d : result.differences()) {
            differences.add(new CellResultView.Difference(
                    d.metric().name(),
                    d.model(),
                    d.against(),
                    d.windows(),
                    d.totalDifference(),
                    d.meanDifference(),
                    Numbers.finite(d.standardErrorOfTotal())));
        }
        return new CellResultView(
                CELL_METHOD,
                CellBacktest.model(CadenceFitter.FULL, CellBacktest.ADAPTIVE),
                result.lagWindows(),
                inputs.knownFromAttribution(),
                inputs.groupSectors(),
                windows,
                totals,
                differences,
                hit);
    }

    /** The totals backtest's origins with their forecasts, the scores per model and the gains per event. */
    static BacktestResultView view(BacktestResult result, TimeAxis axis, CellResultView cells) {
        List<BacktestResultView.Origin> origins = new ArrayList<>();
        for (OriginResult r : result.origins()) {
            List<BacktestResultView.Forecast> forecasts = new ArrayList<>();
            for (WindowForecast f : r.forecasts()) {
                forecasts.add(new BacktestResultView.Forecast(
                        f.model(), f.expected(), f.lower90(), f.upper90(), f.covered(), f.logLikelihood()));
            }
            origins.add(new BacktestResultView.Origin(
                    axis.start().plusDays((long) r.origin()),
                    axis.start().plusDays((long) r.windowEnd() - 1),
                    r.trainingEvents(),
                    r.observed(),
                    ParametersView.of(r.fitted()),
                    r.converged(),
                    r.hitDeadline(),
                    forecasts));
        }
        List<BacktestResultView.Score> scores = new ArrayList<>();
        for (ModelScore s : result.scores()) {
            scores.add(new BacktestResultView.Score(
                    s.model(),
                    s.logLikelihood(),
                    Numbers.finite(s.logLikelihoodPerEvent()),
                    s.covered(),
                    s.windows(),
                    s.coverage90()));
        }
        double full = result.score(CadenceFitter.FULL).logLikelihoodPerEvent();
        return new BacktestResultView(
                METHOD,
                origins,
                result.events(),
                scores,
                Numbers.finite(full - result.score(CadenceFitter.POISSON).logLikelihoodPerEvent()),
                Numbers.finite(full - result.score(CadenceFitter.HAWKES).logLikelihoodPerEvent()),
                result.anyHitDeadline(),
                cells);
    }
}
