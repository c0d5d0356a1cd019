package io.sanctionsrisk.risk.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A receiver's URL subscribed to some events by an owner (an organisation, or a client id). */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_subscription_seq")
    @SequenceGenerator(
            name = "webhook_subscription_seq",
            sequenceName = "webhook_subscription_seq",
            allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "owner", nullable = false)
    private String owner;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_client")
    private String createdClient;

    @Column(name = "url", nullable = false, length = 2000)
    private String url;

    @Column(name = "secret", nullable = false, length = 200)
    private String secret;

    @Column(name = "events", nullable = false, length = 200)
    private String events;

    @Column(name = "description", length = 200)
    private String description;

    protected WebhookSubscription() {}

    public WebhookSubscription(
            String owner,
            Instant createdAt,
            String createdBy,
            String createdClient,
            String url,
            String secret,
            List<EventType> events,
            String description) {
        this.owner = owner;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.createdClient = createdClient;
        this.url = url;
        this.secret = secret;
        this.events = events.stream().map(EventType::wire).collect(Collectors.joining(","));
        this.description = description;
    }

    public Long getId() {
        return id;
    }

    public String getOwner() {
        return owner;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getCreatedClient() {
        return createdClient;
    }

    public String getUrl() {
        return url;
    }

    public String getSecret() {
        return secret;
    }

    public List<EventType> getEvents() {
        return Arrays.stream(events.split(","))
                .map(e -> EventType.of(e).orElseThrow())
                .toList();
    }

    public boolean wants(EventType type) {
        return getEvents().contains(type);
    }

    public String getDescription() {
        return description;
    }
}
