package io.sanctionsrisk.risk.web;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a list, newest first. */
@Schema(name = "Page")
public record PageView<T>(
        List<T> items,
        @Schema(example = "0") int page,
        @Schema(example = "20") int size,
        @Schema(example = "3") long total) {}
