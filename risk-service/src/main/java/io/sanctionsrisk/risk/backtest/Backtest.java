package io.sanctionsrisk.risk.backtest;

import io.sanctionsrisk.risk.snapshot.StoredOutput;
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
public class Backtest extends StoredOutput {

    public static final int MAX_RESULT_LENGTH = 1_000_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "backtest_seq")
    @SequenceGenerator(name = "backtest_seq", sequenceName = "backtest_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

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
        super(new Provenance(
                v.createdAt(),
                v.ownerSubject(),
                v.ownerClient(),
                v.snapshotId(),
                v.modelVersion(),
                v.codeVersion(),
                v.dataVersion(),
                v.inputsDigest(),
                v.resultDigest(),
                v.durationMillis(),
                v.inputsJson()));
        this.originCount = v.originCount();
        this.windowDays = v.windowDays();
        this.fullLogLikelihoodPerEvent = v.fullLogLikelihoodPerEvent();
        this.hawkesLogLikelihoodPerEvent = v.hawkesLogLikelihoodPerEvent();
        this.poissonLogLikelihoodPerEvent = v.poissonLogLikelihoodPerEvent();
        this.fullCoverage90 = v.fullCoverage90();
        this.resultJson = v.resultJson();
    }

    public Long getId() {
        return id;
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

    public String getResultJson() {
        return resultJson;
    }
}
