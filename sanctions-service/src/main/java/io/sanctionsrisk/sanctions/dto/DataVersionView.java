package io.sanctionsrisk.sanctions.dto;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DataVersion", description = "A counter that goes up with every change to the data")
public record DataVersionView(
        @Schema(example = "42") long version,
        @Schema(example = "2025-03-01T12:00:00Z") Instant lastModified) {

    /** The entity tag of the whole data set at this version. */
    public String entityTag() {
        return "\"dv" + version + "\"";
    }
}
