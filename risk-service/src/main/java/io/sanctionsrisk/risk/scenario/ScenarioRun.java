package io.sanctionsrisk.risk.scenario;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One re-run of a saved scenario: who, when, on which snapshot and code, and whether it reproduced the result. */
@Entity
@Table(name = "scenario_run")
public class ScenarioRun {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scenario_run_seq")
    @SequenceGenerator(name = "scenario_run_seq", sequenceName = "scenario_run_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "scenario_id", nullable = false)
    private long scenarioId;

    @Column(name = "ran_at", nullable = false)
    private Instant ranAt;

    @Column(name = "subject", nullable = false)
    private String subject;

    @Column(name = "client_id")
    private String clientId;

    @Column(name = "snapshot_id", nullable = false)
    private long snapshotId;

    @Column(name = "code_version", nullable = false, length = 64)
    private String codeVersion;

    @Column(name = "result_digest", nullable = false, length = 64)
    private String resultDigest;

    @Column(name = "identical", nullable = false)
    private boolean identical;

    @Column(name = "duration_ms", nullable = false)
    private long durationMillis;

    protected ScenarioRun() {}

    public ScenarioRun(
            long scenarioId,
            Instant ranAt,
            String subject,
            String clientId,
            long snapshotId,
            String codeVersion,
            String resultDigest,
            boolean identical,
            long durationMillis) {
        this.scenarioId = scenarioId;
        this.ranAt = ranAt;
        this.subject = subject;
        this.clientId = clientId;
        this.snapshotId = snapshotId;
        this.codeVersion = codeVersion;
        this.resultDigest = resultDigest;
        this.identical = identical;
        this.durationMillis = durationMillis;
    }

    public Long getId() {
        return id;
    }

    public long getScenarioId() {
        return scenarioId;
    }

    public Instant getRanAt() {
        return ranAt;
    }

    public String getSubject() {
        return subject;
    }

    public String getClientId() {
        return clientId;
    }

    public long getSnapshotId() {
        return snapshotId;
    }

    public String getCodeVersion() {
        return codeVersion;
    }

    public String getResultDigest() {
        return resultDigest;
    }

    public boolean isIdentical() {
        return identical;
    }

    public long getDurationMillis() {
        return durationMillis;
    }
}
