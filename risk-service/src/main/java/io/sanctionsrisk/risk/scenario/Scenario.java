package io.sanctionsrisk.risk.scenario;

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
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A saved what-if scenario: owner, normalised inputs, the snapshot and versions it ran on, and its result. */
@Entity
@Table(name = "scenario")
public class Scenario {

    /** Longest inputs document (the column is varchar of this length). */
    public static final int MAX_INPUTS_LENGTH = 100_000;

    /** Longest result document. */
    public static final int MAX_RESULT_LENGTH = 4_000_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scenario_seq")
    @SequenceGenerator(name = "scenario_seq", sequenceName = "scenario_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "owner_subject", nullable = false)
    private String ownerSubject;

    @Column(name = "owner_client")
    private String ownerClient;

    @Column(name = "name", length = 200)
    private String name;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "horizon_days", nullable = false)
    private int horizonDays;

    @Column(name = "paths", nullable = false)
    private int paths;

    @Column(name = "seed", nullable = false)
    private long seed;

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

    @Basic(fetch = FetchType.LAZY) // lists do not read the results
    @Column(name = "result_json", nullable = false, length = MAX_RESULT_LENGTH)
    // a varchar on every database: beyond H2's varchar limit Hibernate would otherwise expect a CLOB there
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private String resultJson;

    protected Scenario() {}

    /** What a new scenario row holds; the id is assigned on persist. */
    public record Values(
            Instant createdAt,
            String ownerSubject,
            String ownerClient,
            String name,
            LocalDate startDate,
            int horizonDays,
            int paths,
            long seed,
            long snapshotId,
            String modelVersion,
            String codeVersion,
            long dataVersion,
            String inputsDigest,
            String resultDigest,
            long durationMillis,
            String inputsJson,
            String resultJson) {}

    public Scenario(Values v) {
        this.createdAt = v.createdAt();
        this.ownerSubject = v.ownerSubject();
        this.ownerClient = v.ownerClient();
        this.name = v.name();
        this.startDate = v.startDate();
        this.horizonDays = v.horizonDays();
        this.paths = v.paths();
        this.seed = v.seed();
        this.snapshotId = v.snapshotId();
        this.modelVersion = v.modelVersion();
        this.codeVersion = v.codeVersion();
        this.dataVersion = v.dataVersion();
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

    public String getName() {
        return name;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public int getHorizonDays() {
        return horizonDays;
    }

    public int getPaths() {
        return paths;
    }

    public long getSeed() {
        return seed;
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

    public String getResultJson() {
        return resultJson;
    }
}
