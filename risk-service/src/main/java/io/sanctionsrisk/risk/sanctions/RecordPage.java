package io.sanctionsrisk.risk.sanctions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One page of a sanctions-service list; pages count from 0. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordPage<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public List<T> items() {
        return items == null ? List.of() : items;
    }
}
