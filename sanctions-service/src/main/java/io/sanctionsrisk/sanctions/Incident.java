package io.sanctionsrisk.sanctions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A heist or attempted heist. The actor, sector and country are held by their codes (foreign keys to the
 * actor and taxonomy tables); the region is derived from the country, and stored only when the country is
 * unknown (e.g. "an African bank").
 */
@Entity
@Table(name = "incident")
public class Incident extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "incident_seq")
    @SequenceGenerator(name = "incident_seq", sequenceName = "incident_seq", allocationSize = 100)
    private Long id;

    @Column(name = "incident_key", nullable = false, unique = true, length = 80)
    private String key;

    @Column(name = "first_action_date", nullable = false)
    private LocalDate firstActionDate;

    @Column(name = "date_precision", nullable = false, length = 8)
    private DatePrecision datePrecision;

    @Column(name = "intrusion_start_date")
    private LocalDate intrusionStartDate;

    @Column(name = "actor_key", length = 80)
    private String actorKey;

    @Column(name = "attribution_confidence")
    private Integer attributionConfidence;

    @Column(name = "victim", length = 300)
    private String victim;

    @Column(name = "sector_code", length = 64)
    private String sectorCode;

    @Column(name = "country_code", length = 2)
    private String countryCode;

    @Column(name = "vector", length = 32)
    private AttackVector vector;

    @Column(name = "attempted_usd")
    private Long attemptedUsd;

    @Column(name = "realised_usd")
    private Long realisedUsd;

    @Column(name = "destructive")
    private Boolean destructive;

    @Column(name = "note", length = 4000)
    private String note;

    @Column(name = "source", length = 500)
    private String source;

    @Column(name = "source_url", length = 2000)
    private String sourceUrl;

    @Column(name = "attributed_on")
    private LocalDate attributedOn;

    @Column(name = "attributed_by", length = 300)
    private String attributedBy;

    @Column(name = "reported_on")
    private LocalDate reportedOn;

    /** Only when the country is unknown; otherwise the region follows from the country. */
    @Column(name = "region_code", length = 64)
    private String regionCode;

    protected Incident() {}

    public Incident(String key) {
        this.key = key;
    }

    /** Takes every written field from validated, normalised data. */
    public void apply(IncidentData data) {
        firstActionDate = data.firstActionDate();
        datePrecision =
                CodedValue.fromCode(DatePrecision.class, data.datePrecision()).orElseThrow();
        intrusionStartDate = data.intrusionStartDate();
        actorKey = data.actor();
        attributionConfidence = data.attributionConfidence();
        victim = data.victim();
        sectorCode = data.sector();
        countryCode = data.country();
        vector = data.vector() == null
                ? null
                : CodedValue.fromCode(AttackVector.class, data.vector()).orElseThrow();
        attemptedUsd = data.attemptedUsd();
        realisedUsd = data.realisedUsd();
        destructive = data.destructive();
        note = data.note();
        source = data.source();
        sourceUrl = data.sourceUrl();
        attributedOn = data.attributedOn();
        attributedBy = data.attributedBy();
        reportedOn = data.reportedOn();
        regionCode = countryCode == null ? data.region() : null;
    }

    public IncidentData toData() {
        return new IncidentData(
                key,
                firstActionDate,
                datePrecision.code(),
                intrusionStartDate,
                actorKey,
                attributionConfidence,
                victim,
                sectorCode,
                countryCode,
                vector == null ? null : vector.code(),
                attemptedUsd,
                realisedUsd,
                destructive,
                note,
                source,
                sourceUrl,
                attributedOn,
                attributedBy,
                reportedOn,
                regionCode,
                null);
    }

    /** Days from the intrusion start to the first fraudulent action, when both are known. */
    public Long dwellDays() {
        if (intrusionStartDate == null) {
            return null;
        }
        return java.time.temporal.ChronoUnit.DAYS.between(intrusionStartDate, firstActionDate);
    }

    public Long getId() {
        return id;
    }

    public String getKey() {
        return key;
    }

    public LocalDate getFirstActionDate() {
        return firstActionDate;
    }

    public Long getAttemptedUsd() {
        return attemptedUsd;
    }

    public Long getRealisedUsd() {
        return realisedUsd;
    }

    public DatePrecision getDatePrecision() {
        return datePrecision;
    }

    public String getCountryCode() {
        return countryCode;
    }

    /** The stored region of an incident whose country is unknown; null when the country is known. */
    public String getRegionCode() {
        return regionCode;
    }

    public String getActorKey() {
        return actorKey;
    }
}
