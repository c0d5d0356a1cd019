package io.sanctionsrisk.cadence.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanctionsrisk.cadence.curated.CuratedFixture;
import io.sanctionsrisk.cadence.fit.FitOptions;
import io.sanctionsrisk.cadence.marks.CellPosterior;
import io.sanctionsrisk.cadence.marks.DiscountedCellModel;
import io.sanctionsrisk.cadence.marks.MarkPrior;
import io.sanctionsrisk.cadence.marks.PrequentialSelector;
import io.sanctionsrisk.cadence.marks.SeverityModel;
import io.sanctionsrisk.cadence.marks.SeverityPosterior;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prints the curated backtest of MODEL.md into target/curated-cell-backtest.md. */
class CuratedCellBacktestReport {

    @Test
    void severity() {
        CuratedFixture data = CuratedFixture.load(true);
        for (SeverityModel.Amount amount : SeverityModel.Amount.values()) {
            for (boolean trend : new boolean[] {false, true}) {
                for (Map<String, String> groups : java.util.Arrays.asList(null, CuratedFixture.SECTOR_GROUPS)) {
                    SeverityPosterior fit = SeverityModel.fit(data.events(), data.end(), amount, groups, trend);
                    System.out.printf(
                            Locale.ROOT,
                            "severity %s trend=%s groups=%s n=%d zeros=%d coef=%s se=%s sigma=%.3f"
                                    + " E[X] bank %.3g crypto %.3g other %.3g (at end)%n",
                            amount,
                            trend,
                            fit.groups(),
                            fit.positive(),
                            fit.zeros(),
                            java.util.Arrays.toString(fit.coefficients()),
                            java.util.Arrays.toString(fit.standardErrors()),
                            fit.sigmaLog(),
                            fit.expectedPerEvent("commercial-bank", data.end()),
                            fit.expectedPerEvent("crypto-exchange", data.end()),
                            fit.expectedPerEvent("payment-processor", data.end()));
                }
            }
        }
    }

    @Test
    void report() throws IOException {
        StringBuilder out = new StringBuilder();
        for (boolean attribution : new boolean[] {true, false}) {
            CuratedFixture data = CuratedFixture.load(attribution);
            assertEquals(44, data.events().size());
            MarkOptions marks = MarkOptions.of(
                    data.sectors(), data.regions(), CuratedFixture.day(LocalDate.of(2016, 1, 1)), CuratedFixture.BANKS);
            CellBacktestResult r = CellBacktest.run(
                    data.events(),
                    data.sanctions(),
                    data.end(),
                    CuratedFixture.day(LocalDate.of(2019, 1, 1)),
                    CellBacktest.QUARTER_DAYS,
                    CellBacktest.QUARTER_DAYS,
                    marks,
                    FitOptions.defaults(),
                    1000,
                    1);
            out.append(String.format(Locale.ROOT, "%n## known from %s%n", attribution ? "attribution" : "own date"));
            double adaptive = 0, fixed = 0, ab = 0, sb = 0;
            int heists = 0;
            for (CellWindow w : r.windows()) {
                MarkWindow m = w.marks();
                adaptive += m.adaptiveLogScore();
                fixed += m.staticLogScore();
                ab += m.adaptiveGroupBrier();
                sb += m.staticGroupBrier();
                heists += m.heistsWithCell();
                out.append(String.format(
                        Locale.ROOT,
                        "%.0f train=%d obs=%d cell=%d prior=%s ad=%.2f st=%.2f bank=%.3f/%.3f%n",
                        w.origin(),
                        w.trainingHeists(),
                        w.observed(),
                        m.heistsWithCell(),
                        m.chosen(),
                        m.adaptiveLogScore(),
                        m.staticLogScore(),
                        m.adaptiveGroupShare(),
                        m.staticGroupShare()));
            }
            out.append(String.format(
                    Locale.ROOT,
                    "windows=%d heists=%d markLog adaptive=%.2f static=%.2f diff=%.2f; bankBrier adaptive=%.4f static=%.4f%n",
                    r.windows().size(),
                    heists,
                    adaptive,
                    fixed,
                    adaptive - fixed,
                    ab / heists,
                    sb / heists));
            for (PairedDifference d : r.differences()) {
                out.append(String.format(
                        Locale.ROOT,
                        "%s %s vs %s: total %.3f mean %.4f se %.3f%n",
                        d.metric(),
                        d.model(),
                        d.against(),
                        d.totalDifference(),
                        d.meanDifference(),
                        d.standardErrorOfTotal()));
            }
            for (String model : new String[] {
                CellBacktest.model("sanctions-excited-hawkes", CellBacktest.ADAPTIVE),
                CellBacktest.model("hawkes-without-sanctions", CellBacktest.ADAPTIVE),
                CellBacktest.model("homogeneous-poisson", CellBacktest.ADAPTIVE),
                CellBacktest.model("sanctions-excited-hawkes", CellBacktest.STATIC)
            }) {
                out.append(String.format(
                        Locale.ROOT,
                        "%s: cellLog %.2f cellBrier %.3f rps %.3f pit:",
                        model,
                        r.total(CellBacktest.Metric.CELL_LOG_SCORE, model),
                        r.total(CellBacktest.Metric.CELL_BRIER, model),
                        r.total(CellBacktest.Metric.TOTAL_RPS, model)));
                for (CellWindow w : r.windows()) {
                    out.append(
                            String.format(Locale.ROOT, " %.2f", w.score(model).totalPit()));
                }
                out.append('\n');
            }
            PrequentialSelector.Selection s = PrequentialSelector.select(
                    data.sectors(),
                    data.regions(),
                    data.events(),
                    data.end(),
                    CuratedFixture.day(LocalDate.of(2016, 1, 1)),
                    CellBacktest.QUARTER_DAYS,
                    PrequentialSelector.defaultCandidates());
            CellPosterior now =
                    DiscountedCellModel.fit(data.sectors(), data.regions(), data.events(), data.end(), s.chosen());
            CellPosterior today = DiscountedCellModel.fit(
                    data.sectors(), data.regions(), data.events(), data.end(), MarkPrior.STATIC);
            out.append(String.format(
                    Locale.ROOT,
                    "at data end: chosen %s, bank share %.3f %s (static %.3f)%n",
                    s.chosen(),
                    now.groupMean(CuratedFixture.BANKS),
                    now.groupInterval(CuratedFixture.BANKS, 0.9),
                    today.groupMean(CuratedFixture.BANKS)));
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/curated-cell-backtest.md"), out.toString());
        System.out.println(out);
    }
}
