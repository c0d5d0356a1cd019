package io.sanctionsrisk.sanctions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The data version: one row whose counter goes up by one in the same transaction as every write, import or
 * delete that changes data. Consumers (the risk-service) compare it to know when to refit.
 */
@Entity
@Table(name = "data_version")
public class DataVersion {

    public static final int SINGLETON_ID = 1;

    @Id
    @Column(name = "id")
    private Integer id;

    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "last_modified", nullable = false)
    private Instant lastModified;

    protected DataVersion() {}

    public void increment(Instant at) {
        version++;
        lastModified = at;
    }

    public long getVersion() {
        return version;
    }

    public Instant getLastModified() {
        return lastModified;
    }
}
