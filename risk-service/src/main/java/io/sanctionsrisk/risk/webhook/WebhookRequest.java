package io.sanctionsrisk.risk.webhook;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new subscription. */
@Schema(name = "WebhookRequest")
public record WebhookRequest(
        @Schema(
                description = "Where deliveries are posted: https (http only where allowed), a host whose"
                        + " addresses are public",
                example = "https://alerts.bank.example/sanctions-risk",
                required = true)
        String url,

        @Schema(
                description = "The signing secret, whsec_ and the base64 of 24 to 64 random bytes; omitted: one"
                        + " is generated and answered once",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret,

        @Schema(
                description = "The events to deliver: band-change, threshold, model-version, stale-data",
                example = "[\"band-change\", \"model-version\"]",
                required = true)
        List<String> events,

        @Schema(description = "A note for the owner, at most 200 characters", example = "treasury risk desk")
        String description) {}
