package io.sanctionsrisk.sanctions.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list that also pages by cursor: the fields of {@link Page} and the cursor of the next page. A
 * page asked for by cursor has no page number ({@code page} is null).
 */
@Schema(description = "One page of a list; pages count from 0; nextCursor continues after the last item")
public record CursorPage<T>(
        List<T> items,

        @Schema(example = "0", nullable = true, description = "The page number; null on a page asked for by cursor")
        Integer page,

        @Schema(example = "50") int size,
        @Schema(example = "123") long totalItems,
        @Schema(example = "3") int totalPages,

        @Schema(
                nullable = true,
                description = "Opaque; send it as ?cursor= (with the same sort and filters) for the next"
                        + " page. Null on the last page.")
        String nextCursor) {

    public static <T> CursorPage<T> of(List<T> items, Integer page, int size, long totalItems, String nextCursor) {
        int totalPages = (int) ((totalItems + size - 1) / size);
        return new CursorPage<>(items, page, size, totalItems, totalPages, nextCursor);
    }
}
