package io.sanctionsrisk.risk.snapshot;

import java.time.Instant;
import java.time.LocalDate;

/** A snapshot's headline columns, read without its JSON documents (for lists). */
public record SnapshotHeader(
        long id,
        Instant createdAt,
        String modelVersion,
        String codeVersion,
        long dataVersion,
        LocalDate windowStart,
        LocalDate windowEnd,
        int eventCount,
        int sanctionCount,
        String fitTrigger,
        String requestedBy,
        Long reusedFrom) {}
