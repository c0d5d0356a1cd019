package io.sanctionsrisk.risk.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a refit did, and the serving snapshot after it. */
@Schema(name = "RefitResult")
public record RefitResponse(
        @Schema(
                example = "created",
                description = "created: fitted anew; reused: the same inputs were fitted before under another"
                        + " data version and that fit was copied; unchanged: the serving snapshot already"
                        + " holds exactly the current data")
        String outcome,

        ModelView model) {}
