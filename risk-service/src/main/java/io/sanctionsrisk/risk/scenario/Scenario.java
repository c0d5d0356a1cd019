package io.sanctionsrisk.risk.scenario;

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
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A saved what-if scenario: owner, normalised inputs, the snapshot and versions it ran on, and its result. */
@Entity
@Table(name = "scenario")
public class Scenario extends StoredOutput {

    /** Longest result document. */
    public static final int MAX_RESULT_LENGTH = 4_000_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scenario_seq")
    @SequenceGenerator(name = "scenario_seq", sequenceName = "scenario_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

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
        this.name = v.name();
        this.startDate = v.startDate();
        this.horizonDays = v.horizonDays();
        this.paths = v.paths();
        this.seed = v.seed();
        this.resultJson = v.resultJson();
    }

    public Long getId() {
        return id;
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

    public String getResultJson() {
        return resultJson;
    }
}
