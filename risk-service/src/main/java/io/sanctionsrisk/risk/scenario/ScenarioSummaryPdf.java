package io.sanctionsrisk.risk.scenario;

import static io.sanctionsrisk.risk.web.PdfLayout.TITLE;
import static io.sanctionsrisk.risk.web.PdfLayout.cells;
import static io.sanctionsrisk.risk.web.PdfLayout.heading;
import static io.sanctionsrisk.risk.web.PdfLayout.row;
import static io.sanctionsrisk.risk.web.PdfLayout.table;
import static io.sanctionsrisk.risk.web.PdfLayout.text;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.sanctionsrisk.cadence.scenario.Distribution;
import io.sanctionsrisk.cadence.scenario.ExceedancePoint;
import java.io.ByteArrayOutputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A saved scenario's summary as an A4 PDF (OpenPDF, as the model card, with the standard Helvetica fonts so that
 * tools can extract the text): what was asked, on which snapshot and versions, the totals of both worlds and their
 * delta with intervals, the cells that move most, the loss exceedance curve and the re-runs.
 */
final class ScenarioSummaryPdf {

    /** Cells listed, by the size of their mean count delta. */
    static final int MAX_CELLS = 25;

    private ScenarioSummaryPdf() {}

    static byte[] render(ScenarioView scenario, List<ScenarioRun> runs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        PdfWriter.getInstance(document, out);
        document.addTitle("Scenario " + scenario.id() + " summary");
        document.addSubject(name(scenario));
        document.open();
        Paragraph title = new Paragraph("Scenario " + scenario.id() + ": " + name(scenario), TITLE);
        title.setSpacingAfter(8);
        document.add(title);
        identity(document, scenario);
        sanctions(document, scenario.inputs());
        ScenarioResult result = scenario.result();
        totals(document, result);
        movedCells(document, result);
        exceedance(document, result);
        reruns(document, scenario, runs);
        document.close();
        return out.toByteArray();
    }

    private static String name(ScenarioView scenario) {
        return scenario.name() == null || scenario.name().isBlank() ? "unnamed scenario" : scenario.name();
    }

    private static void identity(Document document, ScenarioView s) {
        ScenarioInputs in = s.inputs();
        ScenarioResult r = s.result();
        PdfPTable t = table(2, "", "");
        row(
                t,
                "created",
                s.createdAt() + " by " + s.owner().subject() + " (" + s.owner().client() + ")");
        row(
                t,
                "horizon",
                r.start() + " to " + r.end() + " (" + r.horizonDays() + " days; simulated from " + r.simulatedFrom()
                        + ", conditioned on " + r.historyHeists() + " observed heists)");
        row(t, "paths and seed", r.paths() + " paths, seed " + r.seed() + (in.seedGenerated() ? " (generated)" : ""));
        row(t, "loss basis", r.lossBasis() + (r.lossNote().isEmpty() ? "" : "; " + r.lossNote()));
        row(t, "snapshot", String.valueOf(s.snapshotId()));
        row(
                t,
                "versions",
                "model " + s.versions().model() + ", code " + s.versions().code() + ", data "
                        + s.versions().data());
        row(t, "inputs digest", s.inputsDigest());
        row(t, "result digest", s.resultDigest());
        row(t, "run time", s.durationMillis() + " ms");
        document.add(t);
    }

    private static void sanctions(Document document, ScenarioInputs in) {
        heading(document, "Hypothetical sanctions added (" + in.addSanctions().size() + ")");
        if (in.addSanctions().isEmpty()) {
            text(document, "None.");
        } else {
            PdfPTable t = table(6, "key", "date", "authority", "measures", "severity", "weight");
            for (ScenarioInputs.Sanction a : in.addSanctions()) {
                cells(
                        t,
                        a.key(),
                        String.valueOf(a.date()),
                        a.authority() == null ? "" : a.authority(),
                        a.measures() == null ? "" : String.join(", ", a.measures()),
                        a.severity() == null ? "" : String.valueOf(a.severity()),
                        number(a.weight()));
            }
            document.add(t);
        }
        heading(
                document,
                "Sanctions of the snapshot removed (" + in.removeSanctions().size() + ")");
        text(document, in.removeSanctions().isEmpty() ? "None." : String.join(", ", in.removeSanctions()));
        if (in.sectors() != null || in.regions() != null) {
            text(
                    document,
                    "Cells listed: sectors " + (in.sectors() == null ? "all" : String.join(", ", in.sectors()))
                            + "; regions " + (in.regions() == null ? "all" : String.join(", ", in.regions())) + ".");
        }
    }

    private static void totals(Document document, ScenarioResult r) {
        heading(document, "Totals over the horizon");
        text(
                document,
                "Mean with its 95% Monte Carlo interval [lower, upper], then the 5%, 50% and 95% quantiles over the"
                        + " paths. The delta is scenario minus baseline path by path (common random numbers).");
        PdfPTable t = table(4, "quantity", "baseline", "scenario", "delta");
        ScenarioResult.Totals total = r.total();
        cells(
                t,
                "heists",
                distribution(total.baseline().count()),
                distribution(total.scenario().count()),
                distribution(total.delta().count()));
        cells(
                t,
                "P(at least one heist)",
                percent(total.baseline().probabilityAtLeastOne()),
                percent(total.scenario().probabilityAtLeastOne()),
                signedPercent(total.delta().probabilityAtLeastOne()));
        cells(
                t,
                "loss (USD)",
                distribution(total.baseline().loss()),
                distribution(total.scenario().loss()),
                distribution(total.delta().loss()));
        document.add(t);
        text(
                document,
                "Expected heists from the mean equation: baseline "
                        + number(r.analytic().baselineExpectedCount()) + ", scenario "
                        + number(r.analytic().scenarioExpectedCount()) + ".");
    }

    private static void movedCells(Document document, ScenarioResult r) {
        List<ScenarioResult.CellResult> moved = r.cells().stream()
                .sorted(Comparator.comparingDouble((ScenarioResult.CellResult c) ->
                                -Math.abs(c.delta().count().mean()))
                        .thenComparing(ScenarioResult.CellResult::sector)
                        .thenComparing(ScenarioResult.CellResult::region))
                .limit(MAX_CELLS)
                .toList();
        heading(
                document,
                "Cells that move most (" + moved.size() + " of " + r.cells().size() + " listed cells with a heist; "
                        + r.cellsWithoutHeists() + " without)");
        if (moved.isEmpty()) {
            text(document, "No listed cell has a heist in any path.");
            return;
        }
        PdfPTable t = table(5, "sector", "region", "baseline heists", "scenario heists", "delta [95%]");
        for (ScenarioResult.CellResult c : moved) {
            cells(
                    t,
                    c.sector(),
                    c.region(),
                    number(c.baseline().count().mean()),
                    number(c.scenario().count().mean()),
                    mean(c.delta().count()));
        }
        document.add(t);
    }

    private static void exceedance(Document document, ScenarioResult r) {
        heading(document, "Loss exceedance (USD)");
        if (r.lossExceedance().isEmpty()) {
            text(document, "No losses simulated" + (r.lossNote().isEmpty() ? "." : ": " + r.lossNote()));
            return;
        }
        PdfPTable t = table(3, "probability of exceeding", "baseline loss", "scenario loss");
        for (ExceedancePoint e : r.lossExceedance()) {
            cells(t, number(e.probability()), number(e.baselineLoss()), number(e.scenarioLoss()));
        }
        document.add(t);
    }

    private static void reruns(Document document, ScenarioView s, List<ScenarioRun> runs) {
        heading(document, "Re-runs (" + s.reruns() + ")");
        if (runs.isEmpty()) {
            text(document, "Not re-run yet.");
            return;
        }
        PdfPTable t = table(4, "ran at", "code version", "identical", "result digest");
        for (ScenarioRun run : runs) {
            cells(
                    t,
                    String.valueOf(run.getRanAt()),
                    run.getCodeVersion(),
                    run.isIdentical() ? "yes" : "no",
                    run.getResultDigest());
        }
        document.add(t);
        if (s.reruns() > runs.size()) {
            text(document, "The " + runs.size() + " latest shown.");
        }
    }

    // ---- numbers

    /** Four significant digits, the same in every locale; "n/a" where there is no number. */
    static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4g", value) : "n/a";
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * p);
    }

    private static String signedPercent(double p) {
        return String.format(Locale.ROOT, "%+.2f points", 100 * p);
    }

    private static String mean(Distribution d) {
        return number(d.mean()) + " [" + number(d.meanLower95()) + ", " + number(d.meanUpper95()) + "]";
    }

    private static String distribution(Distribution d) {
        if (d == null) {
            return "n/a";
        }
        return mean(d) + "; q05 " + number(d.q05()) + ", q50 " + number(d.q50()) + ", q95 " + number(d.q95());
    }
}
