package io.sanctionsrisk.risk.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One delivery in the log: where it stands and how the last attempt went; the body only when read alone. */
@Schema(name = "WebhookDelivery")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(
        @Schema(example = "1201") long id,
        @Schema(example = "51") long subscriptionId,

        @Schema(
                description = "The webhook-id header, the same on every attempt",
                example = "msg_5f0c1e0d9b2a4c7e8f3a6b1d2c4e5f60")
        String messageId,

        @Schema(example = "band-change") String eventType,

        @Schema(
                description = "pending (due at nextAttemptAt), delivering, delivered, or dead (no attempt left;"
                        + " redeliverable)",
                example = "delivered")
        String status,

        @Schema(description = "Attempts since it was queued or last redelivered", example = "1")
        int attempts,

        @Schema(example = "0") int redeliveries,
        Instant createdAt,

        @Schema(description = "When the next attempt is due (pending only)")
        Instant nextAttemptAt,

        Instant lastAttemptAt,

        @Schema(description = "The receiver's status code at the last attempt", example = "200")
        Integer lastStatusCode,

        @Schema(description = "Why the last attempt failed", example = "the receiver answered 503")
        String lastError,

        Instant deliveredAt,

        @Schema(
                description = "The body every attempt posts (only when one delivery is read)",
                type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)
        @JsonRawValue
        String payload) {

    static DeliveryView of(WebhookDelivery d, boolean withPayload) {
        return new DeliveryView(
                d.getId(),
                d.getSubscriptionId(),
                d.getMessageId(),
                d.getEventType(),
                d.getStatus(),
                d.getAttempts(),
                d.getRedeliveries(),
                d.getCreatedAt(),
                WebhookDelivery.Status.PENDING.wire().equals(d.getStatus()) ? d.getNextAttemptAt() : null,
                d.getLastAttemptAt(),
                d.getLastStatusCode(),
                d.getLastError(),
                d.getDeliveredAt(),
                withPayload ? d.getPayload() : null);
    }
}
