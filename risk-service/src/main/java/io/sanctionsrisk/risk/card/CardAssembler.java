package io.sanctionsrisk.risk.card;

import io.sanctionsrisk.risk.dataset.DatasetEvent;
import io.sanctionsrisk.risk.dataset.DatasetSanction;
import io.sanctionsrisk.risk.dataset.ModelDataset;
import io.sanctionsrisk.risk.snapshot.DiagnosticsView;
import io.sanctionsrisk.risk.snapshot.EstimateView;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.snapshot.ModelSnapshot;
import io.sanctionsrisk.risk.snapshot.OutputVersions;
import io.sanctionsrisk.risk.snapshot.ParametersView;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Builds a card from a decoded snapshot, the one before it and its backtest status: a function of those alone. */
final class CardAssembler {

    static final int MAX_KEYS = 100;

    static final String SENSITIVITY_NOTE = "The best fit for each kernel shape tried, from the snapshot's own fit."
            + " Sensitivity to the data rules (attribution confidence, zero-weight measures, the window) is"
            + " measured by inline fits with other settings (POST /api/v1/model/fits); MODEL.md, section 12.";

    private CardAssembler() {}

    static ModelCard card(
            LoadedSnapshot snapshot, Optional<LoadedSnapshot> previous, BacktestStatus backtest, boolean serving) {
        ModelSnapshot row = snapshot.row();
        ModelDataset dataset = snapshot.dataset();
        return new ModelCard(
                snapshot.id(),
                row.getCreatedAt(),
                serving,
                new OutputVersions(row.getModelVersion(), row.getCodeVersion(), row.getDataVersion()),
                row.getInputDigest(),
                new ModelCard.Provenance(
                        row.getFitTrigger(),
                        row.getRequestedBy(),
                        row.getReusedFrom(),
                        row.getFitDurationMillis(),
                        row.isHitTimeBudget()),
                new ModelCard.Data(
                        row.getDataVersion(),
                        row.getDataLastModified(),
                        row.getWindowStart(),
                        row.getWindowEnd(),
                        dataset.lengthDays(),
                        row.getEventCount(),
                        dataset.sanctions().size(),
                        row.getSanctionCount(),
                        dataset.sectors().size(),
                        dataset.regions().size(),
                        dataset.excluded().size(),
                        dataset.excluded()),
                ParametersView.of(snapshot.parameters()),
                snapshot.estimates().stream().map(EstimateView::of).toList(),
                DiagnosticsView.of(snapshot.diagnostics()),
                sensitivity(DiagnosticsView.of(snapshot.diagnostics()), row.getKernelShape()),
                backtest,
                Limitations.ALL,
                changes(snapshot, previous));
    }

    private static ModelCard.Sensitivity sensitivity(DiagnosticsView diagnostics, int chosenShape) {
        double chosenAic = diagnostics.aic();
        List<ModelCard.ShapeFit> shapes = diagnostics.kernelShapes().stream()
                .map(s -> new ModelCard.ShapeFit(
                        s.kernelShape(),
                        s.kernelShape() == chosenShape,
                        s.logLikelihood(),
                        s.aic(),
                        s.aic() - chosenAic,
                        s.parameters()))
                .toList();
        return new ModelCard.Sensitivity(SENSITIVITY_NOTE, shapes);
    }

    static ModelCard.ChangeLog changes(LoadedSnapshot current, Optional<LoadedSnapshot> before) {
        if (before.isEmpty()) {
            return new ModelCard.ChangeLog(
                    null, null, List.of(), keyDiff(List.of(), List.of()), keyDiff(List.of(), List.of()));
        }
        ModelSnapshot now = current.row();
        ModelSnapshot then = before.get().row();
        List<ModelCard.Change> changes = new ArrayList<>();
        compare(changes, "modelVersion", then, now, ModelSnapshot::getModelVersion);
        compare(changes, "codeVersion", then, now, ModelSnapshot::getCodeVersion);
        compare(changes, "dataVersion", then, now, ModelSnapshot::getDataVersion);
        compare(changes, "inputDigest", then, now, ModelSnapshot::getInputDigest);
        compare(changes, "windowStart", then, now, s -> s.getWindowStart().toString());
        compare(changes, "windowEnd", then, now, s -> s.getWindowEnd().toString());
        compare(changes, "events", then, now, ModelSnapshot::getEventCount);
        compare(
                changes,
                "sanctions",
                before.get(),
                current,
                s -> s.dataset().sanctions().size());
        compare(changes, "weightedSanctions", then, now, ModelSnapshot::getSanctionCount);
        compare(
                changes,
                "excluded",
                before.get(),
                current,
                s -> s.dataset().excluded().size());
        compare(changes, "kernelShape", then, now, ModelSnapshot::getKernelShape);
        compare(changes, "mu", then, now, ModelSnapshot::getMu);
        compare(changes, "kappa", then, now, ModelSnapshot::getKappa);
        compare(changes, "alpha", then, now, ModelSnapshot::getAlpha);
        compare(changes, "beta", then, now, ModelSnapshot::getBeta);
        compare(changes, "delta", then, now, ModelSnapshot::getDelta);
        compare(changes, "logLikelihood", then, now, ModelSnapshot::getLogLikelihood);
        compare(changes, "aic", then, now, ModelSnapshot::getAic);
        compare(changes, "converged", then, now, ModelSnapshot::isConverged);
        return new ModelCard.ChangeLog(
                then.getId(),
                then.getCreatedAt(),
                List.copyOf(changes),
                keyDiff(
                        keys(before.get().dataset().events(), DatasetEvent::key),
                        keys(current.dataset().events(), DatasetEvent::key)),
                keyDiff(
                        keys(before.get().dataset().sanctions(), DatasetSanction::key),
                        keys(current.dataset().sanctions(), DatasetSanction::key)));
    }

    private static <S> void compare(
            List<ModelCard.Change> out, String field, S then, S now, Function<S, Object> value) {
        Object previous = value.apply(then);
        Object current = value.apply(now);
        if (!Objects.equals(previous, current)) {
            out.add(new ModelCard.Change(field, previous, current));
        }
    }

    private static <T> List<String> keys(List<T> records, Function<T, String> key) {
        return records.stream().map(key).toList();
    }

    private static ModelCard.KeyDiff keyDiff(List<String> before, List<String> after) {
        Set<String> old = new LinkedHashSet<>(before);
        Set<String> now = new LinkedHashSet<>(after);
        List<String> added = now.stream().filter(k -> !old.contains(k)).toList();
        List<String> removed = old.stream().filter(k -> !now.contains(k)).toList();
        return new ModelCard.KeyDiff(
                added.size(),
                removed.size(),
                added.subList(0, Math.min(MAX_KEYS, added.size())),
                removed.subList(0, Math.min(MAX_KEYS, removed.size())));
    }
}
