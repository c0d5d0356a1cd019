package io.sanctionsrisk.sanctions.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One row of the change history. */
@Schema(description = "One recorded change: who (token sub and azp), when, what, and the record before and after")
public record HistoryView(
        @Schema(example = "1042") long id,
        Instant recordedAt,

        @Schema(description = "Token subject of the writer; system:seed for the curated seed")
        String subject,

        @Schema(description = "Token azp (the client) of the writer")
        String client,

        @Schema(
                example = "incident",
                enumeration = {"actor", "sanction", "incident", "proposal", "source-load"})
        String entity,

        @Schema(example = "2016-02-BANGLADESH-BANK") String key,

        @Schema(enumeration = {"created", "updated", "deleted", "approved", "rejected", "loaded"})
        String action,

        @Schema(description = "api, import, seed or review", example = "api")
        String via,

        @Schema(
                description = "The data version the change produced (the current one for a decision that changes"
                        + " no data)")
        long dataVersion,

        @Schema(description = "Top-level fields whose values differ between before and after")
        List<String> changed,

        @Schema(description = "The record before the change; null for a creation")
        JsonNode before,

        @Schema(description = "The record after the change; null for a deletion")
        JsonNode after) {}
