package io.sanctionsrisk.sanctions.sources;

import java.time.LocalDate;
import java.util.List;

/**
 * An official list file as read: when it was generated or published, how many entries it has in all, and its
 * DPRK-related entries (the only ones this service proposes events for).
 */
public record ListFile(ListSource source, LocalDate published, int totalEntries, List<ListEntry> dprkEntries) {}
