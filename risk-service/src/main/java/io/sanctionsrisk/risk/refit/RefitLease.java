package io.sanctionsrisk.risk.refit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The single row that says which replica is refitting now (no holder: nobody). */
@Entity
@Table(name = "refit_lease")
public class RefitLease {

    public static final int SINGLETON_ID = 1;

    @Id
    @Column(name = "id")
    private Integer id;

    @Column(name = "holder", length = 255)
    private String holder;

    @Column(name = "acquired_at")
    private Instant acquiredAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected RefitLease() {}

    public String getHolder() {
        return holder;
    }

    public Instant getAcquiredAt() {
        return acquiredAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
