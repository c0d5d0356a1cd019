package io.sanctionsrisk.risk.snapshot;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who ran a stored output (a scenario or a backtest). */
@Schema(name = "Owner")
public record OutputOwner(
        @Schema(description = "The token's subject") String subject,

        @Schema(example = "dashboard", description = "The client the token was issued to")
        String client) {}
