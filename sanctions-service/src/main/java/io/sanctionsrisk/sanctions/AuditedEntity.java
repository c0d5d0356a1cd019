package io.sanctionsrisk.sanctions;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/** Who created and last changed a record, and when; the version guards updates (optimistic locking). */
@MappedSuperclass
public abstract class AuditedEntity {

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by_sub", nullable = false, length = 255)
    private String createdBySubject;

    @Column(name = "created_by_client", length = 255)
    private String createdByClient;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by_sub", nullable = false, length = 255)
    private String updatedBySubject;

    @Column(name = "updated_by_client", length = 255)
    private String updatedByClient;

    /** Records the creation; the first update stamp is the creation itself. */
    public void markCreated(Caller caller, Instant at) {
        createdAt = at;
        createdBySubject = caller.subject();
        createdByClient = caller.client();
        markUpdated(caller, at);
    }

    public void markUpdated(Caller caller, Instant at) {
        updatedAt = at;
        updatedBySubject = caller.subject();
        updatedByClient = caller.client();
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBySubject() {
        return createdBySubject;
    }

    public String getCreatedByClient() {
        return createdByClient;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBySubject() {
        return updatedBySubject;
    }

    public String getUpdatedByClient() {
        return updatedByClient;
    }

    /**
     * The entity tag of this record's current state: its version, salted with its creation instant so that a
     * record deleted and created again under the same key never matches a tag of its predecessor.
     */
    public String entityTag() {
        return entityTag(version, createdAt);
    }

    public static String entityTag(long version, Instant createdAt) {
        return "\"" + version + "-" + Long.toString(createdAt.toEpochMilli(), 36) + "\"";
    }
}
