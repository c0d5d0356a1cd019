package io.sanctionsrisk.sanctions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Which version (checksum) of a curated seed file set has been loaded, so a restart does not load it again. */
@Entity
@Table(name = "seed_state")
public class SeedState {

    @Id
    @Column(name = "name", length = 64)
    private String name;

    @Column(name = "checksum", nullable = false, length = 64)
    private String checksum;

    @Column(name = "applied_at", nullable = false)
    private Instant appliedAt;

    protected SeedState() {}

    public SeedState(String name) {
        this.name = name;
    }

    public void record(String checksum, Instant at) {
        this.checksum = checksum;
        this.appliedAt = at;
    }

    public String getChecksum() {
        return checksum;
    }
}
