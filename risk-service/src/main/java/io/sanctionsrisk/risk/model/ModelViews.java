package io.sanctionsrisk.risk.model;

import io.sanctionsrisk.risk.config.RiskConfig;
import io.sanctionsrisk.risk.dataset.DatasetSanction;
import io.sanctionsrisk.risk.snapshot.DiagnosticsView;
import io.sanctionsrisk.risk.snapshot.EstimateView;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.snapshot.MarksView;
import io.sanctionsrisk.risk.snapshot.ModelSnapshot;
import io.sanctionsrisk.risk.snapshot.ModelVersions;
import io.sanctionsrisk.risk.snapshot.ParametersView;
import io.sanctionsrisk.risk.snapshot.SyncRecorder;
import io.sanctionsrisk.risk.snapshot.SyncStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds the answer of GET /api/v1/model: the snapshot and how fresh its data are. */
@ApplicationScoped
public class ModelViews {

    private final SyncRecorder sync;
    private final ModelVersions versions;
    private final RiskConfig config;
    private final Clock clock;

    public ModelViews(SyncRecorder sync, ModelVersions versions, RiskConfig config, Clock clock) {
        this.sync = sync;
        this.versions = versions;
        this.config = config;
        this.clock = clock;
    }

    public ModelView view(LoadedSnapshot snapshot) {
        ModelSnapshot row = snapshot.row();
        int easing = (int) snapshot.dataset().sanctions().stream()
                .filter(s -> s.weight() == 0)
                .count();
        int tightening = (int) snapshot.dataset().sanctions().stream()
                .filter((DatasetSanction s) -> s.weight() > 0)
                .count();
        return new ModelView(
                row.getId(),
                row.getCreatedAt(),
                new ModelView.Versions(
                        row.getModelVersion(), row.getCodeVersion(), row.getDataVersion(), row.getDataLastModified()),
                row.getInputDigest(),
                new ModelView.Fit(
                        row.getFitTrigger(),
                        row.getRequestedBy(),
                        row.getReusedFrom() == null ? "created" : "reused",
                        row.getFitDurationMillis(),
                        row.isConverged(),
                        row.isHitTimeBudget()),
                new ModelView.Window(
                        row.getWindowStart(),
                        row.getWindowEnd(),
                        snapshot.dataset().lengthDays()),
                new ModelView.DataSummary(
                        row.getEventCount(),
                        tightening,
                        easing,
                        snapshot.dataset().excluded()),
                ParametersView.of(snapshot.parameters()),
                snapshot.estimates().stream().map(EstimateView::of).toList(),
                DiagnosticsView.of(snapshot.diagnostics()),
                MarksView.of(snapshot.marks()),
                freshness(row));
    }

    ModelView.Freshness freshness(ModelSnapshot row) {
        SyncStatus status = sync.current();
        Instant now = clock.instant();
        Instant lastSuccess = status == null ? null : status.getLastSuccessAt();
        Long latestVersion = status == null ? null : status.getLatestDataVersion();
        Instant dataAsOf = row.getCreatedAt();
        if (lastSuccess != null
                && latestVersion != null
                && latestVersion == row.getDataVersion()
                && lastSuccess.isAfter(dataAsOf)) {
            dataAsOf = lastSuccess;
        }
        Duration age = Duration.between(dataAsOf, now);
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        List<String> reasons = new ArrayList<>();
        if (age.compareTo(config.refit().staleAfter()) > 0) {
            reasons.add("the data were last confirmed current " + age.toSeconds() + " s ago, more than the "
                    + config.refit().staleAfter().toSeconds() + " s allowed (risk.refit.stale-after)");
        }
        if (latestVersion != null && latestVersion > row.getDataVersion()) {
            reasons.add("the sanctions-service reports data version " + latestVersion + ", newer than the snapshot's "
                    + row.getDataVersion() + "; a refit is pending or failed");
        }
        if (!row.getModelVersion().equals(versions.model())) {
            reasons.add("fitted by model " + row.getModelVersion() + "; this build runs " + versions.model());
        }
        Instant lastAttempt = status == null ? null : status.getLastAttemptAt();
        Instant lastErrorAt = status == null ? null : status.getLastErrorAt();
        boolean reachable = lastSuccess != null && (lastErrorAt == null || !lastErrorAt.isAfter(lastSuccess));
        return new ModelView.Freshness(
                dataAsOf,
                age.toSeconds(),
                !reasons.isEmpty(),
                reasons,
                lastSuccess,
                lastAttempt,
                reachable,
                reachable || status == null ? null : status.getLastError(),
                latestVersion);
    }
}
