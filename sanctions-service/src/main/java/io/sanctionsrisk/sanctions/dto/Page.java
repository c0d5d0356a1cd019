package io.sanctionsrisk.sanctions.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, in a stable order. Pages count from 0. */
@Schema(description = "One page of a list; pages count from 0")
public record Page<T>(
        List<T> items,
        @Schema(example = "0") int page,
        @Schema(example = "50") int size,
        @Schema(example = "123") long totalItems,
        @Schema(example = "3") int totalPages) {

    public static <T> Page<T> of(List<T> items, int page, int size, long totalItems) {
        int totalPages = (int) ((totalItems + size - 1) / size);
        return new Page<>(items, page, size, totalItems, totalPages);
    }
}
