package io.sanctionsrisk.risk.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as its owner sees it; the secret only in the answer that created it. */
@Schema(name = "Webhook")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(
        @Schema(example = "51") long id,

        @Schema(example = "https://alerts.bank.example/sanctions-risk")
        String url,

        @Schema(example = "[\"band-change\", \"model-version\"]")
        List<String> events,

        @Schema(example = "treasury risk desk") String description,

        @Schema(
                description = "The organisation, or the client id when the token names no organisation",
                example = "bank-one")
        String owner,

        Instant createdAt,

        @Schema(description = "Who created it (the token's subject)")
        String createdBy,

        @Schema(
                description = "Only when created: the signing secret, shown once",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret) {

    static WebhookView of(WebhookSubscription s, String secret) {
        return new WebhookView(
                s.getId(),
                s.getUrl(),
                s.getEvents().stream().map(EventType::wire).toList(),
                s.getDescription(),
                s.getOwner(),
                s.getCreatedAt(),
                s.getCreatedBy(),
                secret);
    }
}
