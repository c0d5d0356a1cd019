package io.sanctionsrisk.risk.snapshot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A fitted cadence model as stored: the headline numbers as columns (queryable, checked by the database) and
 * the full detail (estimates, diagnostics, marks, the dataset the fit saw) as JSON documents. Immutable once
 * written; the latest row (highest id) is the serving snapshot of every replica.
 */
@Entity
@Table(name = "model_snapshot")
public class ModelSnapshot {

    /** Longest JSON document a snapshot column holds (the column is varchar of this length). */
    public static final int MAX_DOCUMENT_LENGTH = 1_000_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "model_snapshot_seq")
    @SequenceGenerator(name = "model_snapshot_seq", sequenceName = "model_snapshot_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "model_version", nullable = false, length = 64)
    private String modelVersion;

    @Column(name = "code_version", nullable = false, length = 64)
    private String codeVersion;

    @Column(name = "data_version", nullable = false)
    private long dataVersion;

    @Column(name = "data_last_modified")
    private Instant dataLastModified;

    @Column(name = "input_digest", nullable = false, length = 64)
    private String inputDigest;

    @Column(name = "fit_trigger", nullable = false, length = 32)
    private String fitTrigger;

    @Column(name = "requested_by", length = 255)
    private String requestedBy;

    @Column(name = "reused_from")
    private Long reusedFrom;

    @Column(name = "fit_duration_ms", nullable = false)
    private long fitDurationMillis;

    @Column(name = "window_start", nullable = false)
    private LocalDate windowStart;

    @Column(name = "window_end", nullable = false)
    private LocalDate windowEnd;

    @Column(name = "event_count", nullable = false)
    private int eventCount;

    @Column(name = "sanction_count", nullable = false)
    private int sanctionCount;

    @Column(name = "kernel_shape", nullable = false)
    private int kernelShape;

    /** The format of the JSON documents; {@link SnapshotStore} reads every format listed there. */
    @Column(name = "document_format", nullable = false)
    private int documentFormat;

    @Column(name = "mu", nullable = false)
    private double mu;

    @Column(name = "kappa", nullable = false)
    private double kappa;

    @Column(name = "alpha", nullable = false)
    private double alpha;

    @Column(name = "beta", nullable = false)
    private double beta;

    @Column(name = "delta", nullable = false)
    private double delta;

    @Column(name = "log_likelihood", nullable = false)
    private double logLikelihood;

    @Column(name = "aic", nullable = false)
    private double aic;

    @Column(name = "converged", nullable = false)
    private boolean converged;

    @Column(name = "hit_time_budget", nullable = false)
    private boolean hitTimeBudget;

    @Column(name = "estimates_json", nullable = false, length = MAX_DOCUMENT_LENGTH)
    private String estimatesJson;

    @Column(name = "diagnostics_json", nullable = false, length = MAX_DOCUMENT_LENGTH)
    private String diagnosticsJson;

    @Column(name = "marks_json", nullable = false, length = MAX_DOCUMENT_LENGTH)
    private String marksJson;

    @Column(name = "dataset_json", nullable = false, length = MAX_DOCUMENT_LENGTH)
    private String datasetJson;

    /** The posterior draws the intervals are served with ({@link StoredUncertainty}, V11); null before them. */
    @Column(name = "uncertainty_json", length = MAX_DOCUMENT_LENGTH)
    private String uncertaintyJson;

    protected ModelSnapshot() {}

    /** What a new snapshot holds; the id is assigned on persist. */
    public record Values(
            Instant createdAt,
            String modelVersion,
            String codeVersion,
            long dataVersion,
            Instant dataLastModified,
            String inputDigest,
            String fitTrigger,
            String requestedBy,
            Long reusedFrom,
            long fitDurationMillis,
            LocalDate windowStart,
            LocalDate windowEnd,
            int eventCount,
            int sanctionCount,
            int kernelShape,
            double mu,
            double kappa,
            double alpha,
            double beta,
            double delta,
            double logLikelihood,
            double aic,
            boolean converged,
            boolean hitTimeBudget,
            String estimatesJson,
            String diagnosticsJson,
            String marksJson,
            String datasetJson,
            String uncertaintyJson) {}

    public ModelSnapshot(Values v) {
        this.documentFormat = SnapshotStore.DOCUMENT_FORMAT;
        this.createdAt = v.createdAt();
        this.modelVersion = v.modelVersion();
        this.codeVersion = v.codeVersion();
        this.dataVersion = v.dataVersion();
        this.dataLastModified = v.dataLastModified();
        this.inputDigest = v.inputDigest();
        this.fitTrigger = v.fitTrigger();
        this.requestedBy = v.requestedBy();
        this.reusedFrom = v.reusedFrom();
        this.fitDurationMillis = v.fitDurationMillis();
        this.windowStart = v.windowStart();
        this.windowEnd = v.windowEnd();
        this.eventCount = v.eventCount();
        this.sanctionCount = v.sanctionCount();
        this.kernelShape = v.kernelShape();
        this.mu = v.mu();
        this.kappa = v.kappa();
        this.alpha = v.alpha();
        this.beta = v.beta();
        this.delta = v.delta();
        this.logLikelihood = v.logLikelihood();
        this.aic = v.aic();
        this.converged = v.converged();
        this.hitTimeBudget = v.hitTimeBudget();
        this.estimatesJson = v.estimatesJson();
        this.diagnosticsJson = v.diagnosticsJson();
        this.marksJson = v.marksJson();
        this.datasetJson = v.datasetJson();
        this.uncertaintyJson = v.uncertaintyJson();
    }

    public Long getId() {
        return id;
    }

    public Instant getCreatedAt() {
        return createdAt;
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

    public Instant getDataLastModified() {
        return dataLastModified;
    }

    public String getInputDigest() {
        return inputDigest;
    }

    public String getFitTrigger() {
        return fitTrigger;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    /** The snapshot whose fit this one copied (same inputs, earlier data version), or null if fitted anew. */
    public Long getReusedFrom() {
        return reusedFrom;
    }

    public long getFitDurationMillis() {
        return fitDurationMillis;
    }

    public LocalDate getWindowStart() {
        return windowStart;
    }

    public LocalDate getWindowEnd() {
        return windowEnd;
    }

    public int getEventCount() {
        return eventCount;
    }

    public int getSanctionCount() {
        return sanctionCount;
    }

    public int getKernelShape() {
        return kernelShape;
    }

    public double getMu() {
        return mu;
    }

    public double getKappa() {
        return kappa;
    }

    public double getAlpha() {
        return alpha;
    }

    public double getBeta() {
        return beta;
    }

    public double getDelta() {
        return delta;
    }

    public double getLogLikelihood() {
        return logLikelihood;
    }

    public double getAic() {
        return aic;
    }

    public boolean isConverged() {
        return converged;
    }

    public boolean isHitTimeBudget() {
        return hitTimeBudget;
    }

    public String getEstimatesJson() {
        return estimatesJson;
    }

    public String getDiagnosticsJson() {
        return diagnosticsJson;
    }

    public String getMarksJson() {
        return marksJson;
    }

    public String getDatasetJson() {
        return datasetJson;
    }

    /** The stored parameter draws, or null for a snapshot fitted before they were stored. */
    public String getUncertaintyJson() {
        return uncertaintyJson;
    }

    public int getDocumentFormat() {
        return documentFormat;
    }

    /** For tests of the readers of earlier formats. */
    void setDocumentFormat(int documentFormat) {
        this.documentFormat = documentFormat;
    }
}
