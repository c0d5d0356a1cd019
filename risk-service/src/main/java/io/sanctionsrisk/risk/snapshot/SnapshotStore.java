package io.sanctionsrisk.risk.snapshot;

import com.fasterxml.jackson.core.type.TypeReference;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.risk.config.RiskConfig;
import io.sanctionsrisk.risk.dataset.ModelDataset;
import io.sanctionsrisk.risk.web.ApiProblem;
import io.sanctionsrisk.risk.web.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The serving snapshot of this replica: always the latest row in the database, so every replica serves the same
 * one. Each read checks the latest id (one index lookup) and decodes a snapshot only when the id moved.
 */
@ApplicationScoped
public class SnapshotStore {

    /**
     * The format of the documents this version writes: the Stored* records (StoredEstimate, StoredDiagnostics,
     * StoredMarks), which are the storage format and nothing else; the API answers map them to their own views.
     */
    public static final int DOCUMENT_FORMAT = 2;

    private static final TypeReference<List<StoredEstimate>> ESTIMATES = new TypeReference<>() {};

    private final ModelSnapshotRepository snapshots;
    private final SnapshotCodec codec;
    private final RiskConfig config;
    private final AtomicReference<LoadedSnapshot> cache = new AtomicReference<>();

    public SnapshotStore(ModelSnapshotRepository snapshots, SnapshotCodec codec, RiskConfig config) {
        this.snapshots = snapshots;
        this.codec = codec;
        this.config = config;
    }

    /**
     * The serving snapshot for an answer that needs one; while none was fitted yet, a 503 problem with
     * Retry-After whose detail ends with {@code need}, what the caller wanted it for.
     */
    public LoadedSnapshot requireServing(String need) {
        return serving()
                .orElseThrow(() -> ApiProblem.retryLater(
                        ProblemType.NO_SNAPSHOT,
                        "no model has been fitted yet; " + need,
                        config.refit().retryAfterSeconds()));
    }

    /** The serving snapshot, or empty when none was fitted yet. */
    @Transactional
    public Optional<LoadedSnapshot> serving() {
        Optional<Long> latest = snapshots.latestId();
        if (latest.isEmpty()) {
            cache.set(null);
            return Optional.empty();
        }
        LoadedSnapshot cached = cache.get();
        if (cached != null && cached.id() == latest.get()) {
            return Optional.of(cached);
        }
        ModelSnapshot row = snapshots.findById(latest.get());
        if (row == null) { // deleted between the two reads
            return Optional.empty();
        }
        LoadedSnapshot loaded = decode(row);
        cache.set(loaded);
        return Optional.of(loaded);
    }

    /** Stores a new snapshot, which becomes the serving one of every replica. */
    @Transactional
    public ModelSnapshot store(ModelSnapshot.Values values) {
        ModelSnapshot row = new ModelSnapshot(values);
        snapshots.persistAndFlush(row);
        return row;
    }

    /** The latest stored row, fresh from the database (not the serving cache). */
    @Transactional
    public Optional<ModelSnapshot> latestRow() {
        return snapshots.latestId().map(snapshots::findById);
    }

    @Transactional
    public Optional<ModelSnapshot> findFittedOn(String modelVersion, String digest) {
        return snapshots.findFittedOn(modelVersion, digest);
    }

    /** The id of the serving snapshot, fresh from the database, or empty when none was fitted yet. */
    @Transactional
    public Optional<Long> servingId() {
        return snapshots.latestId();
    }

    /** Any stored snapshot by id, decoded (the serving cache when it is that one), or empty when not stored. */
    @Transactional
    public Optional<LoadedSnapshot> find(long id) {
        LoadedSnapshot cached = cache.get();
        if (cached != null && cached.id() == id) {
            return Optional.of(cached);
        }
        return Optional.ofNullable(snapshots.findById(id)).map(this::decode);
    }

    /** The snapshot stored just before this one, decoded, or empty for the first. */
    @Transactional
    public Optional<LoadedSnapshot> previous(long id) {
        return snapshots.previousId(id).flatMap(this::find);
    }

    /** A page of snapshot headers, newest first. */
    @Transactional
    public List<SnapshotHeader> headers(int page, int size) {
        return snapshots.headers(page, size);
    }

    /** How many snapshots are stored. */
    @Transactional
    public long count() {
        return snapshots.count();
    }

    public LoadedSnapshot decode(ModelSnapshot row) {
        return switch (row.getDocumentFormat()) {
            // format 1, written before the stored documents had types of their own, is the JSON of the API
            // views of the time; the Stored* records keep every field name of those views, so both read alike
            case 1, DOCUMENT_FORMAT -> decodeCurrent(row);
            default ->
                throw new IllegalStateException("snapshot " + row.getId() + " has document format "
                        + row.getDocumentFormat() + ", which this version cannot read (it reads 1 and "
                        + DOCUMENT_FORMAT + ")");
        };
    }

    private LoadedSnapshot decodeCurrent(ModelSnapshot row) {
        ModelDataset dataset = codec.read(row.getDatasetJson(), ModelDataset.class);
        return new LoadedSnapshot(
                row,
                codec.read(row.getEstimatesJson(), ESTIMATES),
                codec.read(row.getDiagnosticsJson(), StoredDiagnostics.class),
                codec.read(row.getMarksJson(), StoredMarks.class),
                dataset,
                dataset.toCadenceData(),
                new CadenceParameters(
                        row.getMu(),
                        row.getKappa(),
                        row.getAlpha(),
                        row.getBeta(),
                        row.getDelta(),
                        row.getKernelShape()),
                // optional in every format: null for snapshots fitted before the draws were stored
                row.getUncertaintyJson() == null
                        ? null
                        : codec.read(row.getUncertaintyJson(), StoredUncertainty.class));
    }
}
