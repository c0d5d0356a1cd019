package io.sanctionsrisk.risk.backtest;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored backtest: owner, inputs, the snapshot whose data it ran on, headline scores and the full result. */
@Entity
@Table(name = "backtest")
public class Backtest {

    public static final int MAX_INPUTS_LENGTH = 100_000;
    public static final int MAX_RESULT_LENGTH = 1_000_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "backtest_seq")
    @SequenceGenerator(name = "backtest_seq", sequenceName = "backtest_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

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

    @Column(name = "origin_count", nullable = false)
    private int originCount;

    @Column(name = "window_days", nullable = false)
    private int windowDays;

    @Column(name = "full_ll_per_event")
    private Double fullLogLikelihoodPerEvent;

    @Column(name = "hawkes_ll_per_event")
    private Double hawkesLogLikelihoodPerEvent;

    @Column(name = "poisson_ll_per_event")
    private Double poissonLogLikelihoodPerEvent;

    @Column(name = "full_coverage90", nullable = false)
    private double fullCoverage90;

    @Column(name = "inputs_digest", nullable = false, length = 64)
    private String inputsDigest;

    @Column(name = "result_digest", nullable = false, length = 64)
    private String resultDigest;

    @Column(name = "duration_ms", nullable = false)
    private long durationMillis;

    @Column(name = "inputs_json", nullable = false, length = MAX_INPUTS_LENGTH)
    private String inputsJson;

    @Basic(fetch = FetchType.LAZY) // lists do not read the results
    @Column(name = "result_json", nullable = false, length = MAX_RESULT_LENGTH)
    private String resultJson;

    protected Backtest() {}

    /** What a new backtest row holds; the id is assigned on persist. */
    public record Values(
            Instant createdAt,
            String ownerSubject,
            String ownerClient,
            long snapshotId,
            String modelVersion,
            String codeVersion,
            long dataVersion,
            int originCount,
            int windowDays,
            Double fullLogLikelihoodPerEvent,
            Double hawkesLogLikelihoodPerEvent,
            Double poissonLogLikelihoodPerEvent,
            double fullCoverage90,
            String inputsDigest,
            String resultDigest,
            long durationMillis,
            String inputsJson,
            String resultJson) {}

    public Backtest(Values v) {
        this.createdAt = v.createdAt();
        this.ownerSubject = v.ownerSubject();
        this.ownerClient = v.ownerClient();
        this.snapshotId = v.snapshotId();
        this.modelVersion = v.modelVersion();
        this.codeVersion = v.codeVersion();
        this.dataVersion = v.dataVersion();
        this.originCount = v.originCount();
        this.windowDays = v.windowDays();
        this.fullLogLikelihoodPerEvent = v.fullLogLikelihoodPerEvent();
        this.hawkesLogLikelihoodPerEvent = v.hawkesLogLikelihoodPerEvent();
        this.poissonLogLikelihoodPerEvent = v.poissonLogLikelihoodPerEvent();
        this.fullCoverage90 = v.fullCoverage90();
        this.inputsDigest = v.inputsDigest();
        this.resultDigest = v.resultDigest();
        this.durationMillis = v.durationMillis();
        this.inputsJson = v.inputsJson();
        this.resultJson = v.resultJson();
    }

    public Long getId() {
        return id;
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

    public int getOriginCount() {
        return originCount;
    }

    public int getWindowDays() {
        return windowDays;
    }

    public Double getFullLogLikelihoodPerEvent() {
        return fullLogLikelihoodPerEvent;
    }

    public Double getHawkesLogLikelihoodPerEvent() {
        return hawkesLogLikelihoodPerEvent;
    }

    public Double getPoissonLogLikelihoodPerEvent() {
        return poissonLogLikelihoodPerEvent;
    }

    public double getFullCoverage90() {
        return fullCoverage90;
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

    public String getResultJson() {
        return resultJson;
    }
}
