package io.sanctionsrisk.risk.card;

import static io.sanctionsrisk.risk.web.PdfLayout.BODY;
import static io.sanctionsrisk.risk.web.PdfLayout.TITLE;
import static io.sanctionsrisk.risk.web.PdfLayout.cells;
import static io.sanctionsrisk.risk.web.PdfLayout.heading;
import static io.sanctionsrisk.risk.web.PdfLayout.row;
import static io.sanctionsrisk.risk.web.PdfLayout.table;
import static io.sanctionsrisk.risk.web.PdfLayout.text;

import com.lowagie.text.Document;
import com.lowagie.text.List;
import com.lowagie.text.ListItem;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.sanctionsrisk.risk.dataset.ExcludedRecord;
import io.sanctionsrisk.risk.snapshot.DiagnosticsView;
import io.sanctionsrisk.risk.snapshot.EstimateView;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** Renders a model card as an A4 PDF (OpenPDF, the standard Helvetica fonts: text that tools can extract). */
final class CardPdf {

    static final int MAX_EXCLUDED_ROWS = 30;

    private CardPdf() {}

    static byte[] render(ModelCard card) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        PdfWriter.getInstance(document, out);
        document.addTitle("Model card, snapshot " + card.snapshotId());
        document.addSubject("cadence model " + card.versions().model());
        document.open();
        Paragraph title = new Paragraph("Model card: snapshot " + card.snapshotId(), TITLE);
        title.setSpacingAfter(8);
        document.add(title);
        identity(document, card);
        data(document, card.data());
        estimates(document, card);
        diagnostics(document, card.diagnostics());
        sensitivity(document, card.sensitivity());
        backtest(document, card.backtest());
        limitations(document, card);
        changes(document, card.changes());
        document.close();
        return out.toByteArray();
    }

    private static void identity(Document document, ModelCard card) {
        PdfPTable t = table(2, "", "");
        row(t, "created", String.valueOf(card.created()));
        row(t, "serving now", card.serving() ? "yes" : "no");
        row(t, "model version", card.versions().model());
        row(t, "code version", card.versions().code());
        row(t, "data version", String.valueOf(card.versions().data()));
        row(t, "input digest", card.inputDigest());
        row(t, "trigger", card.provenance().trigger() + by(card.provenance().requestedBy()));
        row(
                t,
                "reused from",
                card.provenance().reusedFrom() == null
                        ? "fitted anew"
                        : "snapshot " + card.provenance().reusedFrom());
        row(
                t,
                "fit duration",
                card.provenance().fitDurationMillis() + " ms"
                        + (card.provenance().hitTimeBudget() ? " (hit its time budget)" : ""));
        document.add(t);
    }

    private static void data(Document document, ModelCard.Data d) {
        heading(document, "Data");
        PdfPTable t = table(2, "", "");
        row(t, "window", d.windowStart() + " to " + d.windowEnd() + " (" + number(d.windowDays()) + " days)");
        row(
                t,
                "data last modified",
                d.dataLastModified() == null
                        ? "not known"
                        : d.dataLastModified().toString());
        row(t, "heists", String.valueOf(d.events()));
        row(t, "sanctions", d.sanctions() + " (" + d.weightedSanctions() + " with a positive weight)");
        row(t, "cells", d.sectors() + " sectors x " + d.regions() + " regions");
        row(t, "records left out", String.valueOf(d.excludedCount()));
        document.add(t);
        if (!d.excluded().isEmpty()) {
            PdfPTable ex = table(3, "kind", "key", "reason");
            d.excluded().stream()
                    .limit(MAX_EXCLUDED_ROWS)
                    .forEach((ExcludedRecord e) -> cells(ex, e.kind(), e.key(), e.reason()));
            document.add(ex);
            if (d.excludedCount() > MAX_EXCLUDED_ROWS) {
                text(document, "and " + (d.excludedCount() - MAX_EXCLUDED_ROWS) + " more (all in the JSON card)");
            }
        }
    }

    private static void estimates(Document document, ModelCard card) {
        heading(document, "Estimates (kernel shape k = " + card.parameters().kernelShape() + ", rates per day)");
        PdfPTable t = table(6, "parameter", "estimate", "standard error", "lower 95%", "upper 95%", "identified");
        for (EstimateView e : card.estimates()) {
            cells(
                    t,
                    e.name(),
                    number(e.estimate()),
                    number(e.standardError()),
                    number(e.lower95()),
                    number(e.upper95()),
                    e.wellIdentified() ? "yes" : "no: " + e.note());
        }
        document.add(t);
        text(
                document,
                "Mean sanctions lag k / delta = " + number(card.parameters().meanSanctionLagDays()) + " days.");
    }

    private static void diagnostics(Document document, DiagnosticsView d) {
        heading(document, "Diagnostics");
        text(
                document,
                "log-likelihood " + number(d.logLikelihood()) + ", AIC " + number(d.aic()) + ", converged "
                        + (d.converged() ? "yes" : "no") + ", hit time budget " + (d.hitTimeBudget() ? "yes" : "no")
                        + ", " + d.evaluations() + " evaluations.");
        PdfPTable c = table(5, "model", "parameters", "log-likelihood", "AIC", "AIC - full model");
        d.comparisons()
                .forEach(m -> cells(
                        c,
                        m.model(),
                        String.valueOf(m.parameterCount()),
                        number(m.logLikelihood()),
                        number(m.aic()),
                        number(m.aicMinusFullModel())));
        document.add(c);
        PdfPTable r = table(5, "null model", "alternative", "statistic", "df", "p-value");
        d.likelihoodRatioTests()
                .forEach(x -> cells(
                        r,
                        x.nullModel(),
                        x.alternativeModel(),
                        number(x.statistic()),
                        String.valueOf(x.degreesOfFreedom()),
                        number(x.pValue())));
        document.add(r);
        DiagnosticsView.GoodnessOfFitView g = d.goodnessOfFit();
        text(
                document,
                "Goodness of fit (time rescaling): " + g.gapCount() + " gaps, KS statistic " + number(g.ksStatistic())
                        + ", p-value " + number(g.ksPValue()) + ", mean rescaled gap " + number(g.meanGap())
                        + " (1 under the model).");
    }

    private static void sensitivity(Document document, ModelCard.Sensitivity s) {
        heading(document, "Sensitivity");
        text(document, s.note());
        PdfPTable t = table(6, "k", "chosen", "log-likelihood", "AIC - chosen", "kappa", "alpha");
        s.kernelShapes()
                .forEach(k -> cells(
                        t,
                        String.valueOf(k.kernelShape()),
                        k.chosen() ? "yes" : "",
                        number(k.logLikelihood()),
                        number(k.aicMinusChosen()),
                        number(k.parameters().kappa()),
                        number(k.parameters().alpha())));
        document.add(t);
    }

    private static void backtest(Document document, BacktestStatus b) {
        heading(document, "Backtest: " + b.status());
        if (BacktestStatus.NOT_RUN.equals(b.status())) {
            text(
                    document,
                    "No backtest was stored for this snapshot (POST /api/v1/backtests runs one on the serving snapshot).");
            return;
        }
        text(
                document,
                "Backtest " + b.backtestId() + " of " + b.created() + ": " + b.origins() + " origins, windows of "
                        + b.windowDays() + " days; out-of-sample log-likelihood per heist: full "
                        + number(b.fullLogLikelihoodPerEvent())
                        + ", Hawkes " + number(b.hawkesLogLikelihoodPerEvent()) + ", Poisson "
                        + number(b.poissonLogLikelihoodPerEvent()) + ".");
        PdfPTable t = table(4, "check", "value", "threshold", "passed");
        b.checks()
                .forEach(c -> cells(
                        t,
                        c.name(),
                        number(c.value()),
                        c.threshold(),
                        c.passed() == null ? "n/a" : c.passed() ? "yes" : "no"));
        document.add(t);
    }

    private static void limitations(Document document, ModelCard card) {
        heading(document, "Limitations");
        List list = new List(List.UNORDERED);
        card.limitations().forEach(l -> list.add(new ListItem(l, BODY)));
        document.add(list);
    }

    private static void changes(Document document, ModelCard.ChangeLog c) {
        if (c.previousSnapshotId() == null) {
            heading(document, "Changes");
            text(document, "The first stored snapshot: nothing to compare with.");
            return;
        }
        heading(document, "Changes since snapshot " + c.previousSnapshotId() + " (" + c.previousCreated() + ")");
        if (c.changes().isEmpty()) {
            text(document, "No headline value changed.");
        } else {
            PdfPTable t = table(3, "field", "previous", "current");
            c.changes().forEach(x -> cells(t, x.field(), value(x.previous()), value(x.current())));
            document.add(t);
        }
        keys(document, "heists", c.events());
        keys(document, "sanctions", c.sanctions());
    }

    private static void keys(Document document, String what, ModelCard.KeyDiff diff) {
        if (diff.addedCount() > 0) {
            text(
                    document,
                    diff.addedCount() + " " + what + " added: " + String.join(", ", diff.added())
                            + more(diff.addedCount(), diff.added().size()));
        }
        if (diff.removedCount() > 0) {
            text(
                    document,
                    diff.removedCount() + " " + what + " removed: " + String.join(", ", diff.removed())
                            + more(diff.removedCount(), diff.removed().size()));
        }
    }

    /** Four significant digits, the same in every locale; "n/a" where the card has no number. */
    static String number(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.4g", value);
    }

    private static String value(Object value) {
        return value instanceof Double d ? number(d) : String.valueOf(value);
    }

    private static String more(int total, int shown) {
        return total > shown ? " and " + (total - shown) + " more" : "";
    }

    private static String by(String requestedBy) {
        return requestedBy == null ? "" : " by " + requestedBy;
    }
}
