package io.sanctionsrisk.sanctions;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A sanctions event: an instrument of one authority, its dates, measures, direction and severity. */
@Entity
@Table(name = "sanction_event")
public class SanctionEvent extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sanction_event_seq")
    @SequenceGenerator(name = "sanction_event_seq", sequenceName = "sanction_event_seq", allocationSize = 50)
    private Long id;

    @Column(name = "sanction_key", nullable = false, unique = true, length = 80)
    private String key;

    @Column(name = "authority", nullable = false, length = 32)
    private Authority authority;

    @Column(name = "title", nullable = false, length = 500)
    private String title;

    @Column(name = "target_jurisdiction", length = 2)
    private String targetJurisdiction;

    @Column(name = "announced_date", nullable = false)
    private LocalDate announcedDate;

    @Column(name = "effective_date")
    private LocalDate effectiveDate;

    @Convert(converter = MeasureSetConverter.class)
    @Column(name = "measures", nullable = false, length = 1000)
    private Set<Measure> measures;

    /** The same column as {@link #measures}, read-only, for matching one measure in queries. */
    @Column(name = "measures", insertable = false, updatable = false)
    private String measureCodes;

    @Column(name = "direction", nullable = false, length = 16)
    private Direction direction;

    @Column(name = "derived_severity", nullable = false)
    private int derivedSeverity;

    @Column(name = "severity_override")
    private Integer severityOverride;

    @Column(name = "severity_override_reason", length = 1000)
    private String severityOverrideReason;

    @Column(name = "note", length = 4000)
    private String note;

    @Column(name = "source", length = 500)
    private String source;

    @Column(name = "source_url", length = 2000)
    private String sourceUrl;

    protected SanctionEvent() {}

    public SanctionEvent(String key) {
        this.key = key;
    }

    /** Takes every written field from validated, normalised data and derives the severity. */
    public void apply(SanctionData data) {
        authority = CodedValue.fromCode(Authority.class, data.authority()).orElseThrow();
        title = data.title();
        targetJurisdiction = data.targetJurisdiction();
        announcedDate = data.announcedDate();
        effectiveDate = data.effectiveDate();
        measures = MeasureSetConverter.parse(data.measures());
        direction = CodedValue.fromCode(Direction.class, data.direction()).orElseThrow();
        derivedSeverity = SeverityRubric.derive(measures);
        severityOverride = data.severityOverride();
        severityOverrideReason = data.severityOverrideReason();
        note = data.note();
        source = data.source();
        sourceUrl = data.sourceUrl();
    }

    /** The written fields, normalised, without a version. */
    public SanctionData toData() {
        return new SanctionData(
                key,
                authority.code(),
                title,
                targetJurisdiction,
                announcedDate,
                effectiveDate,
                List.copyOf(measures.stream().sorted().map(Measure::code).toList()),
                direction.code(),
                severityOverride,
                severityOverrideReason,
                note,
                source,
                sourceUrl,
                null);
    }

    /** The severity in force: the override when there is one, else the rubric's. */
    public int severity() {
        return severityOverride != null ? severityOverride : derivedSeverity;
    }

    /** The date the event counts from: effective when known, else announced. */
    public LocalDate inForceFrom() {
        return effectiveDate != null ? effectiveDate : announcedDate;
    }

    public Long getId() {
        return id;
    }

    public String getKey() {
        return key;
    }

    public Authority getAuthority() {
        return authority;
    }

    public String getTitle() {
        return title;
    }

    public Direction getDirection() {
        return direction;
    }

    public int getDerivedSeverity() {
        return derivedSeverity;
    }

    public LocalDate getAnnouncedDate() {
        return announcedDate;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public Set<Measure> getMeasures() {
        return measures;
    }
}
