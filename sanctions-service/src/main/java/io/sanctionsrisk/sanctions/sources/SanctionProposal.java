package io.sanctionsrisk.sanctions.sources;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A proposed sanctions event: the DPRK-related designations (or removals) of one source on one listing date,
 * waiting for a steward's approval or rejection. Nothing of it is in the data before approval.
 */
@Entity
@Table(name = "sanction_proposal")
public class SanctionProposal {

    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final String ADDED = "added";
    public static final String REMOVED = "removed";

    /** One entry the proposal names. */
    @Embeddable
    public static class Entry {
        @Column(name = "entry_ref", length = 64, nullable = false)
        private String ref;

        @Column(name = "name", length = 500, nullable = false)
        private String name;

        @Column(name = "entry_type", length = 32, nullable = false)
        private String type;

        @Column(name = "entry_change", length = 16, nullable = false)
        private String change;

        protected Entry() {}

        Entry(ListEntry entry, String change) {
            this.ref = entry.ref();
            this.name = entry.name();
            this.type = entry.type();
            this.change = change;
        }

        public String ref() {
            return ref;
        }

        public String name() {
            return name;
        }

        public String type() {
            return type;
        }

        public String change() {
            return change;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sanction_proposal_seq")
    @SequenceGenerator(name = "sanction_proposal_seq", sequenceName = "sanction_proposal_seq", allocationSize = 50)
    private Long id;

    @Column(name = "source", length = 32, nullable = false)
    private String source;

    @Column(name = "listing_date", nullable = false)
    private LocalDate listingDate;

    @Column(name = "status", length = 16, nullable = false)
    private String status = PENDING;

    @Column(name = "load_digest", length = 64, nullable = false)
    private String loadDigest;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "reason", length = 1000)
    private String reason;

    @Column(name = "sanction_key", length = 80)
    private String sanctionKey;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sanction_proposal_entry", joinColumns = @JoinColumn(name = "proposal_id"))
    @OrderColumn(name = "entry_order")
    private List<Entry> entries = new ArrayList<>();

    protected SanctionProposal() {}

    SanctionProposal(ListSource source, LocalDate listingDate, String loadDigest, Instant at) {
        this.source = source.code();
        this.listingDate = listingDate;
        this.loadDigest = loadDigest;
        this.createdAt = at;
    }

    void add(ListEntry entry, String change) {
        entries.add(new Entry(entry, change));
    }

    void approve(String by, Instant at, String key) {
        status = APPROVED;
        decidedBy = by;
        decidedAt = at;
        sanctionKey = key;
    }

    void reject(String by, Instant at, String why) {
        status = REJECTED;
        decidedBy = by;
        decidedAt = at;
        reason = why;
    }

    public Long getId() {
        return id;
    }

    public String getSource() {
        return source;
    }

    public LocalDate getListingDate() {
        return listingDate;
    }

    public String getStatus() {
        return status;
    }

    public String getLoadDigest() {
        return loadDigest;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getReason() {
        return reason;
    }

    public String getSanctionKey() {
        return sanctionKey;
    }

    public List<Entry> getEntries() {
        return entries;
    }
}
