package io.sanctionsrisk.risk.refit;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.fit.BootstrapOptions;
import io.sanctionsrisk.cadence.fit.CadenceFit;
import io.sanctionsrisk.cadence.fit.CadenceFitter;
import io.sanctionsrisk.cadence.fit.DrawOptions;
import io.sanctionsrisk.cadence.fit.FitOptions;
import io.sanctionsrisk.cadence.fit.ParameterDraws;
import io.sanctionsrisk.cadence.fit.ParameterSampler;
import io.sanctionsrisk.cadence.fit.TrendFit;
import io.sanctionsrisk.cadence.fit.TrendFitter;
import io.sanctionsrisk.risk.audit.InputsDigest;
import io.sanctionsrisk.risk.config.RiskConfig;
import io.sanctionsrisk.risk.dataset.ModelDataset;
import io.sanctionsrisk.risk.snapshot.FitMetrics;
import io.sanctionsrisk.risk.snapshot.ModelSnapshot;
import io.sanctionsrisk.risk.snapshot.ModelVersions;
import io.sanctionsrisk.risk.snapshot.ServedModel;
import io.sanctionsrisk.risk.snapshot.ServedModelChoice;
import io.sanctionsrisk.risk.snapshot.SnapshotCodec;
import io.sanctionsrisk.risk.snapshot.StoredDiagnostics;
import io.sanctionsrisk.risk.snapshot.StoredEstimate;
import io.sanctionsrisk.risk.snapshot.StoredMarks;
import io.sanctionsrisk.risk.snapshot.StoredUncertainty;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Builds a snapshot's stored values from a model dataset: the fit under the configured fit and bootstrap settings,
 * the trend comparison, the served-model choice, the posterior draws and the marks; or a copy of an earlier fit of
 * the same inputs. Also the digest of a dataset's inputs, by which a refit finds those earlier fits. Stores nothing.
 */
@ApplicationScoped
public class SnapshotFitter {

    // the refit's own log category, so that a refit's lines stay under one name
    private static final Logger LOG = Logger.getLogger(RefitService.class);

    /**
     * The served posterior draws: 4 chains of 2,000 burn-in and 10,000 kept iterations, every 200th kept, so 200
     * draws (MODEL.md, "Uncertainty in every served number"); a fixed seed, each chain on its own stream, so the
     * draws are the same on any number of threads.
     */
    static final DrawOptions DRAWS = new DrawOptions(4, 2_000, 10_000, 200, 20_251_206L);

    /** The seed of the mark draws paired with the cadence draws. */
    static final long MARK_SEED = ServedModel.DEFAULT_MARK_SEED;

    private final MarksService marks;
    private final SnapshotCodec codec;
    private final ModelVersions versions;
    private final RiskConfig config;
    private final Clock clock;
    private final FitMetrics metrics;

    public SnapshotFitter(
            MarksService marks,
            SnapshotCodec codec,
            ModelVersions versions,
            RiskConfig config,
            Clock clock,
            FitMetrics metrics) {
        this.marks = marks;
        this.codec = codec;
        this.versions = versions;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    FitOptions fitOptions() {
        return new FitOptions(
                        null, config.refit().fitBudget(), config.refit().starts(), FitOptions.DEFAULT_MAX_EVALUATIONS)
                .withBootstrap(bootstrapOptions());
    }

    BootstrapOptions bootstrapOptions() {
        int replicates = config.refit().bootstrapReplicates();
        return replicates <= 0
                ? BootstrapOptions.NONE
                : new BootstrapOptions(
                        replicates,
                        config.refit().bootstrapBudget(),
                        config.refit().bootstrapSeed());
    }

    /** A new snapshot's values: {@code dataset} fitted under {@code options}, its inputs digested as {@code digest}. */
    ModelSnapshot.Values fit(
            ModelDataset dataset, String digest, FitOptions options, String trigger, String requestedBy) {
        long started = System.nanoTime();
        CadenceData data = dataset.toCadenceData();
        CadenceFit fit = CadenceFitter.fit(data, options);
        StoredUncertainty uncertainty = uncertainty(dataset, fit);
        StoredMarks marksView = marks.marks(dataset);
        TrendFit trend = null;
        if (config.refit().trendComparison() && data.eventCount() > 0) {
            try {
                trend = TrendFitter.fit(data, fit, options.withBootstrap(BootstrapOptions.NONE));
            } catch (IllegalArgumentException e) {
                LOG.warnf("trend comparison skipped: %s", e.getMessage());
            }
        }
        ServedModelChoice served = ServedModelChoice.choose(
                fit, trend, config.marks().cellModel(), marksView.cells().prior());
        long nanos = System.nanoTime() - started;
        long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
        metrics.fitted("snapshot", java.time.Duration.ofNanos(nanos), fit.hitDeadline());
        CadenceParameters p = fit.parameters();
        List<StoredEstimate> estimates =
                fit.estimates().stream().map(StoredEstimate::of).toList();
        Instant now = clock.instant();
        return new ModelSnapshot.Values(
                now,
                versions.model(),
                versions.code(),
                dataset.dataVersion(),
                dataset.dataLastModified(),
                digest,
                trigger,
                requestedBy,
                null,
                millis,
                dataset.windowStart(),
                dataset.windowEnd(),
                dataset.events().size(),
                (int) dataset.effectiveSanctionCount(),
                p.shape(),
                p.mu(),
                p.kappa(),
                p.alpha(),
                p.beta(),
                p.delta(),
                fit.logLikelihood(),
                fit.aic(),
                fit.converged(),
                fit.hitDeadline(),
                codec.write(estimates),
                codec.write(
                        StoredDiagnostics.of(fit, options.bootstrap().budget().toMillis(), served)),
                codec.write(marksView),
                codec.write(dataset),
                uncertainty == null ? null : codec.write(uncertainty));
    }

    /** Posterior draws around the fit; null (intervals from the marks alone) when they cannot be drawn. */
    static StoredUncertainty uncertainty(ModelDataset dataset, CadenceFit fit) {
        try {
            ParameterDraws draws = ParameterSampler.sample(dataset.toCadenceData(), fit.parameters(), DRAWS);
            return StoredUncertainty.of(draws, MARK_SEED);
        } catch (IllegalArgumentException e) {
            LOG.warnf("no posterior draws for this snapshot: %s", e.getMessage());
            return null;
        }
    }

    /** A new snapshot's values copied from {@code from}, an earlier fit of the same inputs, on {@code dataset}. */
    ModelSnapshot.Values copy(ModelSnapshot from, ModelDataset dataset, String trigger, String requestedBy) {
        return new ModelSnapshot.Values(
                clock.instant(),
                from.getModelVersion(),
                versions.code(),
                dataset.dataVersion(),
                dataset.dataLastModified(),
                from.getInputDigest(),
                trigger,
                requestedBy,
                from.getId(),
                from.getFitDurationMillis(),
                from.getWindowStart(),
                from.getWindowEnd(),
                from.getEventCount(),
                from.getSanctionCount(),
                from.getKernelShape(),
                from.getMu(),
                from.getKappa(),
                from.getAlpha(),
                from.getBeta(),
                from.getDelta(),
                from.getLogLikelihood(),
                from.getAic(),
                from.isConverged(),
                from.isHitTimeBudget(),
                from.getEstimatesJson(),
                from.getDiagnosticsJson(),
                from.getMarksJson(),
                codec.write(dataset),
                from.getUncertaintyJson());
    }

    // the bootstrap settings that change its stored numbers; none (the earlier digests) when it is off
    private static String bootstrapKey(BootstrapOptions b) {
        return b.enabled()
                ? "/bootstrap:" + b.replicates() + ":" + b.seed() + ":"
                        + b.budget().toMillis()
                : "";
    }

    /**
     * SHA-256 over everything that determines the fitted numbers: the model version, the fit settings and the
     * dataset without its data version (two data versions with identical records share a digest).
     */
    String digest(ModelDataset dataset, FitOptions options) {
        ModelDataset content = new ModelDataset(
                dataset.windowStart(),
                dataset.windowEnd(),
                dataset.lengthDays(),
                0,
                null,
                dataset.events(),
                dataset.sanctions(),
                dataset.excluded(),
                dataset.sectors(),
                dataset.regions());
        String canonical = versions.model() + "\n" + options.starts() + "/" + options.maxEvaluationsPerStart() + "/"
                + options.shape() + bootstrapKey(options.bootstrap()) + "\n" + codec.write(content);
        return InputsDigest.ofText(canonical);
    }
}
