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
import io.sanctionsrisk.risk.audit.AuditAction;
import io.sanctionsrisk.risk.audit.AuditEntry;
import io.sanctionsrisk.risk.audit.AuditTrail;
import io.sanctionsrisk.risk.audit.Caller;
import io.sanctionsrisk.risk.audit.InputsDigest;
import io.sanctionsrisk.risk.config.RiskConfig;
import io.sanctionsrisk.risk.dataset.DatasetBuilder;
import io.sanctionsrisk.risk.dataset.ModelDataset;
import io.sanctionsrisk.risk.dataset.UnfittableDataException;
import io.sanctionsrisk.risk.events.SnapshotServed;
import io.sanctionsrisk.risk.sanctions.DataVersionRecord;
import io.sanctionsrisk.risk.sanctions.SanctionsData;
import io.sanctionsrisk.risk.sanctions.SanctionsDataReader;
import io.sanctionsrisk.risk.sanctions.SanctionsServiceUnavailableException;
import io.sanctionsrisk.risk.snapshot.FitMetrics;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.snapshot.ModelSnapshot;
import io.sanctionsrisk.risk.snapshot.ModelVersions;
import io.sanctionsrisk.risk.snapshot.Refits;
import io.sanctionsrisk.risk.snapshot.ServedModel;
import io.sanctionsrisk.risk.snapshot.ServedModelChoice;
import io.sanctionsrisk.risk.snapshot.SnapshotCodec;
import io.sanctionsrisk.risk.snapshot.SnapshotStore;
import io.sanctionsrisk.risk.snapshot.StoredDiagnostics;
import io.sanctionsrisk.risk.snapshot.StoredEstimate;
import io.sanctionsrisk.risk.snapshot.StoredMarks;
import io.sanctionsrisk.risk.snapshot.StoredUncertainty;
import io.sanctionsrisk.risk.snapshot.SyncRecorder;
import io.sanctionsrisk.risk.web.ApiProblem;
import io.sanctionsrisk.risk.web.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Refits the serving snapshot from the sanctions-service's data. A refit reads every record at one data version,
 * builds the model's input, and then, holding the refit lease so that no other replica does the same at once:
 * answers the latest snapshot when it already holds exactly these inputs (unchanged), copies an earlier fit of the
 * same inputs (reused: fits are deterministic), or fits anew (created). The sanctions-service being down never
 * touches the serving snapshot.
 */
@ApplicationScoped
public class RefitService implements Refits {

    private static final Logger LOG = Logger.getLogger(RefitService.class);
    private static final long LEASE_POLL_MILLIS = 200;
    /** The trigger of a refit a steward forced (POST /api/v1/model/refits?force=true). */
    public static final String FORCED = "forced-request";

    /**
     * The served posterior draws: 4 chains of 2,000 burn-in and 10,000 kept iterations, every 200th kept, so 200
     * draws (MODEL.md, "Uncertainty in every served number"); a fixed seed, each chain on its own stream, so the
     * draws are the same on any number of threads.
     */
    static final DrawOptions DRAWS = new DrawOptions(4, 2_000, 10_000, 200, 20_251_206L);

    /** The seed of the mark draws paired with the cadence draws. */
    static final long MARK_SEED = ServedModel.DEFAULT_MARK_SEED;

    /** What a refit did. */
    private final SanctionsDataReader reader;

    private final DatasetBuilder datasets;
    private final SnapshotStore store;
    private final RefitLeases leases;
    private final SyncRecorder sync;
    private final MarksService marks;
    private final SnapshotCodec codec;
    private final ModelVersions versions;
    private final RiskConfig config;
    private final Clock clock;
    private final FitMetrics metrics;
    private final AuditTrail audit;
    private final Event<SnapshotServed> served;
    private final String instance = UUID.randomUUID().toString();

    public RefitService(
            SanctionsDataReader reader,
            DatasetBuilder datasets,
            SnapshotStore store,
            RefitLeases leases,
            SyncRecorder sync,
            MarksService marks,
            SnapshotCodec codec,
            ModelVersions versions,
            RiskConfig config,
            Clock clock,
            FitMetrics metrics,
            AuditTrail audit,
            Event<SnapshotServed> served) {
        this.reader = reader;
        this.datasets = datasets;
        this.store = store;
        this.leases = leases;
        this.sync = sync;
        this.marks = marks;
        this.codec = codec;
        this.versions = versions;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.audit = audit;
        this.served = served;
    }

    /**
     * Refits on the current data, waiting up to {@code risk.refit.lock-wait} for another replica's refit.
     * Throws SanctionsServiceUnavailableException (the service could not be read), UnfittableDataException (no
     * heist to fit) or an ApiProblem 409 (another refit held the lease too long).
     */
    @Override
    public Result refit(String trigger, String requestedBy) {
        return refit(trigger, requestedBy, config.refit().lockWait().toMillis());
    }

    /**
     * Fits anew on the current data even when the serving snapshot already holds them or an earlier fit of the same
     * inputs could be copied: a new snapshot is stored (outcome created) under the trigger {@value #FORCED}.
     */
    @Override
    public Result forcedRefit(String requestedBy) {
        return refit(FORCED, requestedBy, config.refit().lockWait().toMillis(), true);
    }

    private Result counted(Result result) {
        metrics.refit(result.outcome().name().toLowerCase(java.util.Locale.ROOT));
        return result;
    }

    /** Checks the data version (cheap) and refits when it differs from the serving snapshot's. */
    public Optional<Result> refitIfChanged(String trigger) {
        DataVersionRecord current = dataVersion();
        Optional<ModelSnapshot> latest = store.latestRow();
        if (latest.isPresent()
                && latest.get().getDataVersion() == current.version()
                && latest.get().getModelVersion().equals(versions.model())) {
            return Optional.empty();
        }
        return Optional.of(refit(trigger, null, 0));
    }

    /** Reads the data version and records the contact (success or failure) for the freshness report. */
    public DataVersionRecord dataVersion() {
        try {
            DataVersionRecord version = reader.dataVersion();
            sync.success(clock.instant(), version.version());
            return version;
        } catch (SanctionsServiceUnavailableException e) {
            sync.failure(clock.instant(), e.getMessage());
            throw e;
        }
    }

    private Result refit(String trigger, String requestedBy, long lockWaitMillis) {
        return refit(trigger, requestedBy, lockWaitMillis, false);
    }

    private Result refit(String trigger, String requestedBy, long lockWaitMillis, boolean force) {
        SanctionsData data;
        try {
            data = reader.readAll();
        } catch (SanctionsServiceUnavailableException e) {
            sync.failure(clock.instant(), e.getMessage());
            metrics.refit("unavailable");
            audited(trigger, InputsDigest.ofText(""), 0, null, null, "unavailable");
            throw e;
        }
        sync.success(clock.instant(), data.dataVersion());
        ModelDataset dataset;
        try {
            dataset = datasets.build(data);
        } catch (UnfittableDataException e) {
            metrics.refit("unfittable");
            audited(
                    trigger,
                    InputsDigest.of(java.util.Map.of("dataVersion", data.dataVersion())),
                    0,
                    data.dataVersion(),
                    null,
                    "unfittable");
            throw e;
        }
        String digest = digest(dataset, fitOptions());
        Result result;
        try {
            result = counted(fitAndStore(dataset, trigger, requestedBy, lockWaitMillis, force));
        } catch (ApiProblem e) {
            metrics.refit("busy");
            audited(trigger, digest, dataset.events().size(), dataset.dataVersion(), null, "busy");
            throw e;
        } catch (RuntimeException e) {
            audited(trigger, digest, dataset.events().size(), dataset.dataVersion(), null, "failed");
            throw e;
        }
        audited(
                trigger,
                digest,
                dataset.events().size(),
                dataset.dataVersion(),
                result.snapshot().id(),
                result.outcome().name().toLowerCase(java.util.Locale.ROOT));
        return result;
    }

    /**
     * One audit row per refit attempt: asked for (the caller's token) or the service's own (start-up, schedule), with
     * the digest of the fitted inputs (the snapshot's input digest), the events fitted and how it ended.
     */
    private void audited(String trigger, String digest, int events, Long dataVersion, Long snapshotId, String outcome) {
        boolean requested = "request".equals(trigger) || FORCED.equals(trigger);
        AuditEntry entry = new AuditEntry(
                requested ? AuditAction.REFIT : AuditAction.SCHEDULED_REFIT,
                digest,
                events,
                versions.model(),
                dataVersion,
                snapshotId,
                null);
        try {
            if (requested) {
                audit.recordOutcome(entry, outcome);
            } else {
                audit.recordOutcomeAs(entry, Caller.service("risk-service:" + trigger), outcome);
            }
        } catch (RuntimeException e) {
            // a refit that cannot be audited is not acknowledged: the caller sees the failure
            LOG.errorf(e, "could not write the audit row of a %s refit (%s)", trigger, outcome);
            throw e;
        }
    }

    /**
     * Makes {@code dataset} the serving snapshot's input: unchanged when the latest snapshot already holds it,
     * reused when the same inputs were fitted before, fitted anew otherwise; under the refit lease.
     */
    public Result fitAndStore(ModelDataset dataset, String trigger, String requestedBy, long lockWaitMillis) {
        return fitAndStore(dataset, trigger, requestedBy, lockWaitMillis, false);
    }

    /**
     * As {@link #fitAndStore(ModelDataset, String, String, long)}; with {@code force}, fits anew whatever is stored.
     * A new snapshot is announced ({@link SnapshotServed}) once its transaction has committed and the lease is
     * released, to synchronous observers and then to asynchronous ones; this method runs in no transaction of its
     * own, so "stored" means committed.
     */
    private Result fitAndStore(
            ModelDataset dataset, String trigger, String requestedBy, long lockWaitMillis, boolean force) {
        Stored stored = storeNew(dataset, trigger, requestedBy, lockWaitMillis, force);
        Result result = stored.result();
        if (result.outcome() != Outcome.UNCHANGED) {
            announce(result.snapshot(), stored.previousId());
        }
        return result;
    }

    /** A refit's result, and the snapshot that was the latest before it stored one (null: none or unchanged). */
    private record Stored(Result result, Long previousId) {}

    private void announce(LoadedSnapshot snapshot, Long previousId) {
        SnapshotServed event = new SnapshotServed(
                snapshot.id(),
                previousId,
                snapshot.row().getModelVersion(),
                snapshot.row().getDataVersion(),
                snapshot.row().getCreatedAt());
        try {
            served.fire(event);
        } catch (RuntimeException e) {
            LOG.errorf(e, "an observer of snapshot %d failed; the snapshot is stored and served", snapshot.id());
        }
        served.fireAsync(event);
    }

    private Stored storeNew(
            ModelDataset dataset, String trigger, String requestedBy, long lockWaitMillis, boolean force) {
        FitOptions options = fitOptions();
        String digest = digest(dataset, options);
        Optional<Result> unchanged = force ? Optional.empty() : unchanged(dataset.dataVersion(), digest);
        if (unchanged.isPresent()) {
            return new Stored(unchanged.get(), null);
        }
        String holder = instance + "/" + UUID.randomUUID();
        acquire(holder, lockWaitMillis);
        try {
            unchanged = force ? Optional.empty() : unchanged(dataset.dataVersion(), digest);
            if (unchanged.isPresent()) {
                return new Stored(unchanged.get(), null);
            }
            // a snapshot fitted before the draws were stored is fitted again, so that every snapshot serves them
            Long previousId = store.servingId().orElse(null);
            Optional<ModelSnapshot> earlier = force
                    ? Optional.empty()
                    : store.findFittedOn(versions.model(), digest).filter(row -> row.getUncertaintyJson() != null);
            ModelSnapshot.Values values = earlier.isPresent()
                    ? copy(earlier.get(), dataset, trigger, requestedBy)
                    : fit(dataset, digest, options, trigger, requestedBy);
            ModelSnapshot row = store.store(values);
            Outcome outcome = earlier.isPresent() ? Outcome.REUSED : Outcome.CREATED;
            LOG.infof(
                    "snapshot %d %s for data version %d (%s, %d ms)",
                    row.getId(),
                    outcome.name().toLowerCase(java.util.Locale.ROOT),
                    row.getDataVersion(),
                    trigger,
                    row.getFitDurationMillis());
            return new Stored(new Result(outcome, store.decode(row)), previousId);
        } finally {
            leases.release(holder);
        }
    }

    private Optional<Result> unchanged(long dataVersion, String digest) {
        return store.latestRow()
                .filter(row -> row.getModelVersion().equals(versions.model())
                        && row.getDataVersion() == dataVersion
                        && row.getInputDigest().equals(digest)
                        && row.getUncertaintyJson() != null)
                .map(row -> new Result(Outcome.UNCHANGED, store.decode(row)));
    }

    private void acquire(String holder, long lockWaitMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(lockWaitMillis);
        while (!leases.tryAcquire(holder)) {
            if (System.nanoTime() - deadline >= 0) {
                throw ApiProblem.retryLater(
                        ProblemType.REFIT_IN_PROGRESS,
                        "another refit is in progress; the serving snapshot changes when it ends",
                        config.refit().retryAfterSeconds());
            }
            try {
                Thread.sleep(LEASE_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ApiProblem.retryLater(
                        ProblemType.REFIT_IN_PROGRESS, "interrupted while waiting for another refit", 5);
            }
        }
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

    private ModelSnapshot.Values fit(
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

    private ModelSnapshot.Values copy(ModelSnapshot from, ModelDataset dataset, String trigger, String requestedBy) {
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
