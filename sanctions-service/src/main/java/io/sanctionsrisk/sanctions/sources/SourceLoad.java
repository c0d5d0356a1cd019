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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One file of an official list as loaded, with its DPRK-related entries; the next load is diffed against it. */
@Entity
@Table(name = "source_load")
public class SourceLoad {

    /** A stored DPRK-related entry. */
    @Embeddable
    public static class Row {
        @Column(name = "entry_ref", length = 64, nullable = false)
        private String ref;

        @Column(name = "name", length = 500, nullable = false)
        private String name;

        @Column(name = "entry_type", length = 32, nullable = false)
        private String type;

        @Column(name = "programs", length = 200, nullable = false)
        private String programs;

        @Column(name = "listed_on")
        private LocalDate listedOn;

        protected Row() {}

        Row(ListEntry entry) {
            this.ref = entry.ref();
            this.name = entry.name();
            this.type = entry.type();
            this.programs = entry.programs();
            this.listedOn = entry.listedOn();
        }

        ListEntry entry() {
            return new ListEntry(ref, name, type, programs, listedOn);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "source_load_seq")
    @SequenceGenerator(name = "source_load_seq", sequenceName = "source_load_seq", allocationSize = 50)
    private Long id;

    @Column(name = "source", length = 32, nullable = false)
    private String source;

    @Column(name = "digest", length = 64, nullable = false)
    private String digest;

    @Column(name = "published_on")
    private LocalDate publishedOn;

    @Column(name = "loaded_at", nullable = false)
    private Instant loadedAt;

    @Column(name = "loaded_by", nullable = false)
    private String loadedBy;

    @Column(name = "total_entries", nullable = false)
    private int totalEntries;

    @Column(name = "baseline", nullable = false)
    private boolean baseline;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "source_entry", joinColumns = @JoinColumn(name = "load_id"))
    private List<Row> entries = new ArrayList<>();

    protected SourceLoad() {}

    SourceLoad(ListFile file, String digest, Instant at, String by, boolean baseline) {
        this.source = file.source().code();
        this.digest = digest;
        this.publishedOn = file.published();
        this.loadedAt = at;
        this.loadedBy = by;
        this.totalEntries = file.totalEntries();
        this.baseline = baseline;
        file.dprkEntries().forEach(entry -> entries.add(new Row(entry)));
    }

    public Long getId() {
        return id;
    }

    public String getSource() {
        return source;
    }

    public String getDigest() {
        return digest;
    }

    public LocalDate getPublishedOn() {
        return publishedOn;
    }

    public Instant getLoadedAt() {
        return loadedAt;
    }

    public String getLoadedBy() {
        return loadedBy;
    }

    public int getTotalEntries() {
        return totalEntries;
    }

    public boolean isBaseline() {
        return baseline;
    }

    public List<ListEntry> entries() {
        return entries.stream().map(Row::entry).toList();
    }
}
