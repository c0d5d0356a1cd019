package io.sanctionsrisk.risk.snapshot;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * What every stored output (a scenario, a backtest) records besides its own inputs and result: who asked and
 * when, the snapshot and the model, code and data versions it ran on, the digests of its inputs and result, how
 * long it took, and the inputs as given. Never updated after it is stored.
 */
@MappedSuperclass
public abstract class StoredOutput {

    /** Longest inputs document (the column is varchar of this length). */
    public static final int MAX_INPUTS_LENGTH = 100_000;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "owner_subject", nullable = false)
    private String ownerSubject;

    @Column(name = "owner_client")
    private String ownerClient;

    @Column(name = "snapshot_id", nullable = false)
    private long snapshotId;

    @Column(name = "model_version", nullable = false, length = 64)
    private String modelVersion;

    @Column(name = "code_version", nullable = false, length = 64)
    private String codeVersion;

    @Column(name = "data_version", nullable = false)
    private long dataVersion;

    @Column(name = "inputs_digest", nullable = false, length = 64)
    private String inputsDigest;

    @Column(name = "result_digest", nullable = false, length = 64)
    private String resultDigest;

    @Column(name = "duration_ms", nullable = false)
    private long durationMillis;

    @Column(name = "inputs_json", nullable = false, length = MAX_INPUTS_LENGTH)
    private String inputsJson;

    /** The common part of a new row. */
    public record Provenance(
            Instant createdAt,
            String ownerSubject,
            String ownerClient,
            long snapshotId,
            String modelVersion,
            String codeVersion,
            long dataVersion,
            String inputsDigest,
            String resultDigest,
            long durationMillis,
            String inputsJson) {}

    protected StoredOutput() {}

    protected StoredOutput(Provenance p) {
        this.createdAt = p.createdAt();
        this.ownerSubject = p.ownerSubject();
        this.ownerClient = p.ownerClient();
        this.snapshotId = p.snapshotId();
        this.modelVersion = p.modelVersion();
        this.codeVersion = p.codeVersion();
        this.dataVersion = p.dataVersion();
        this.inputsDigest = p.inputsDigest();
        this.resultDigest = p.resultDigest();
        this.durationMillis = p.durationMillis();
        this.inputsJson = p.inputsJson();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getOwnerSubject() {
        return ownerSubject;
    }

    public String getOwnerClient() {
        return ownerClient;
    }

    public long getSnapshotId() {
        return snapshotId;
    }

    public String getModelVersion() {
        return modelVersion;
    }

    public String getCodeVersion() {
        return codeVersion;
    }

    public long getDataVersion() {
        return dataVersion;
    }

    public String getInputsDigest() {
        return inputsDigest;
    }

    public String getResultDigest() {
        return resultDigest;
    }

    public long getDurationMillis() {
        return durationMillis;
    }

    public String getInputsJson() {
        return inputsJson;
    }
}
