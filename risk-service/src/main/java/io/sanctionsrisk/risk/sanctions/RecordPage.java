package io.sanctionsrisk.risk.sanctions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One page of a sanctions-service list; pages count from 0. {@code page} is null on a page read by cursor;
 * {@code nextCursor} (incident lists only) reads the page after this one, null on the last page.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordPage<T>(List<T> items, Integer page, int size, long totalItems, int totalPages, String nextCursor) {

    public List<T> items() {
        return items == null ? List.of() : items;
    }
}
