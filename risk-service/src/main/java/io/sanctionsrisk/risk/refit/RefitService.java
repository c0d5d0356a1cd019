package io.sanctionsrisk.risk.refit;

import io.sanctionsrisk.cadence.fit.FitOptions;
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
import io.sanctionsrisk.risk.snapshot.SnapshotStore;
import io.sanctionsrisk.risk.snapshot.SyncRecorder;
import io.sanctionsrisk.risk.web.ApiProblem;
import io.sanctionsrisk.risk.web.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Refits the serving snapshot from the sanctions-service's data. A refit reads every record at one data version,
 * builds the model's input, and then, holding the refit lease so that no other replica does the same at once:
 * answers the latest snapshot when it already holds exactly these inputs (unchanged), copies an earlier fit of the
 * same inputs (reused: fits are deterministic), or fits anew (created). The sanctions-service being down never
 * touches the serving snapshot. This class decides and stores; {@link SnapshotFitter} builds a snapshot's values and
 * {@link RefitAudit} writes each attempt's audit row.
 */
@ApplicationScoped
public class RefitService implements Refits {

    private static final Logger LOG = Logger.getLogger(RefitService.class);
    private static final long LEASE_POLL_MILLIS = 200;
    /** The trigger of a refit a steward forced (POST /api/v1/model/refits?force=true). */
    public static final String FORCED = "forced-request";

    /** What a refit did. */
    private final SanctionsDataReader reader;

    private final DatasetBuilder datasets;
    private final SnapshotStore store;
    private final RefitLeases leases;
    private final SyncRecorder sync;
    private final SnapshotFitter fitter;
    private final ModelVersions versions;
    private final RiskConfig config;
    private final Clock clock;
    private final FitMetrics metrics;
    private final RefitAudit audit;
    private final Event<SnapshotServed> served;
    private final String instance = UUID.randomUUID().toString();

    public RefitService(
            SanctionsDataReader reader,
            DatasetBuilder datasets,
            SnapshotStore store,
            RefitLeases leases,
            SyncRecorder sync,
            SnapshotFitter fitter,
            ModelVersions versions,
            RiskConfig config,
            Clock clock,
            FitMetrics metrics,
            RefitAudit audit,
            Event<SnapshotServed> served) {
        this.reader = reader;
        this.datasets = datasets;
        this.store = store;
        this.leases = leases;
        this.sync = sync;
        this.fitter = fitter;
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
            audit.record(trigger, InputsDigest.ofText(""), 0, null, null, "unavailable");
            throw e;
        }
        sync.success(clock.instant(), data.dataVersion());
        ModelDataset dataset;
        try {
            dataset = datasets.build(data);
        } catch (UnfittableDataException e) {
            metrics.refit("unfittable");
            audit.record(
                    trigger,
                    InputsDigest.of(java.util.Map.of("dataVersion", data.dataVersion())),
                    0,
                    data.dataVersion(),
                    null,
                    "unfittable");
            throw e;
        }
        String digest = fitter.digest(dataset, fitter.fitOptions());
        Result result;
        try {
            result = counted(fitAndStore(dataset, trigger, requestedBy, lockWaitMillis, force));
        } catch (ApiProblem e) {
            metrics.refit("busy");
            audit.record(trigger, digest, dataset.events().size(), dataset.dataVersion(), null, "busy");
            throw e;
        } catch (RuntimeException e) {
            audit.record(trigger, digest, dataset.events().size(), dataset.dataVersion(), null, "failed");
            throw e;
        }
        audit.record(
                trigger,
                digest,
                dataset.events().size(),
                dataset.dataVersion(),
                result.snapshot().id(),
                result.outcome().name().toLowerCase(java.util.Locale.ROOT));
        return result;
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
        FitOptions options = fitter.fitOptions();
        String digest = fitter.digest(dataset, options);
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
                    ? fitter.copy(earlier.get(), dataset, trigger, requestedBy)
                    : fitter.fit(dataset, digest, options, trigger, requestedBy);
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
}
