package io.sanctionsrisk.risk.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One audited call: who, when, what, on which inputs and against which model and data. Never updated. */
@Entity
@Table(name = "audit_record")
public class AuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_record_seq")
    @SequenceGenerator(name = "audit_record_seq", sequenceName = "audit_record_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "action", nullable = false, length = 32)
    private String action;

    @Column(name = "subject", nullable = false)
    private String subject;

    @Column(name = "client_id")
    private String clientId;

    @Column(name = "inputs_digest", nullable = false, length = 64)
    private String inputsDigest;

    @Column(name = "item_count", nullable = false)
    private int itemCount;

    @Column(name = "model_version", length = 64)
    private String modelVersion;

    @Column(name = "data_version")
    private Long dataVersion;

    @Column(name = "snapshot_id")
    private Long snapshotId;

    @Column(name = "resource_id", length = 64)
    private String resourceId;

    /** How a refit or inline fit ended (created, fitted, invalid, busy, ...); null for the other actions. */
    @Column(name = "outcome", length = 32)
    private String outcome;

    protected AuditRecord() {}

    AuditRecord(AuditEntry entry, Caller caller, Instant at) {
        this.recordedAt = at;
        this.action = entry.action().code();
        this.subject = caller.subject();
        this.clientId = caller.clientId();
        this.inputsDigest = entry.inputsDigest();
        this.itemCount = entry.itemCount();
        this.modelVersion = entry.modelVersion();
        this.dataVersion = entry.dataVersion();
        this.snapshotId = entry.snapshotId();
        this.resourceId = entry.resourceId();
    }

    AuditRecord(AuditEntry entry, Caller caller, Instant at, String outcome) {
        this(entry, caller, at);
        this.outcome = outcome == null || outcome.length() <= 32 ? outcome : outcome.substring(0, 32);
    }

    public Long getId() {
        return id;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getAction() {
        return action;
    }

    public String getSubject() {
        return subject;
    }

    public String getClientId() {
        return clientId;
    }

    public String getInputsDigest() {
        return inputsDigest;
    }

    public int getItemCount() {
        return itemCount;
    }

    public String getModelVersion() {
        return modelVersion;
    }

    public Long getDataVersion() {
        return dataVersion;
    }

    public Long getSnapshotId() {
        return snapshotId;
    }

    public String getResourceId() {
        return resourceId;
    }

    public String getOutcome() {
        return outcome;
    }
}
