package io.sanctionsrisk.risk.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** One event on its way to one subscription: its signed body, where it stands, and how the last attempt went. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    /** Where a delivery stands. */
    public enum Status {
        PENDING,
        DELIVERING,
        DELIVERED,
        DEAD;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final int MAX_ERROR_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_delivery_seq")
    @SequenceGenerator(name = "webhook_delivery_seq", sequenceName = "webhook_delivery_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "subscription_id", nullable = false)
    private long subscriptionId;

    @Column(name = "owner", nullable = false)
    private String owner;

    @Column(name = "message_id", nullable = false, length = 64)
    private String messageId;

    @Column(name = "event_type", nullable = false, length = 32)
    private String eventType;

    @Column(name = "event_key", nullable = false, length = 64)
    private String eventKey;

    @Column(name = "payload", nullable = false, length = 20000)
    private String payload;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    /** The random token of the current claim; only its holder settles the attempt. */
    @Column(name = "claim_token")
    private Long claimToken;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "last_status_code")
    private Integer lastStatusCode;

    @Column(name = "last_error", length = MAX_ERROR_LENGTH)
    private String lastError;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "redeliveries", nullable = false)
    private int redeliveries;

    protected WebhookDelivery() {}

    public WebhookDelivery(
            WebhookSubscription subscription,
            String messageId,
            EventType type,
            String eventKey,
            String payload,
            Instant now) {
        this.subscriptionId = subscription.getId();
        this.owner = subscription.getOwner();
        this.messageId = messageId;
        this.eventType = type.wire();
        this.eventKey = eventKey;
        this.payload = payload;
        this.status = Status.PENDING.wire();
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** Back in the queue, due now, with a fresh set of attempts. */
    void redeliver(Instant now) {
        this.status = Status.PENDING.wire();
        this.attempts = 0;
        this.nextAttemptAt = now;
        this.claimedUntil = null;
        this.claimToken = null;
        this.redeliveries++;
    }

    public Long getId() {
        return id;
    }

    public long getSubscriptionId() {
        return subscriptionId;
    }

    public String getOwner() {
        return owner;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getEventType() {
        return eventType;
    }

    public String getEventKey() {
        return eventKey;
    }

    public String getPayload() {
        return payload;
    }

    public String getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Long getClaimToken() {
        return claimToken;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getClaimedUntil() {
        return claimedUntil;
    }

    public Instant getLastAttemptAt() {
        return lastAttemptAt;
    }

    public Integer getLastStatusCode() {
        return lastStatusCode;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public int getRedeliveries() {
        return redeliveries;
    }
}
