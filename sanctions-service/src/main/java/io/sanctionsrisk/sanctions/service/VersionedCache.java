package io.sanctionsrisk.sanctions.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Results that depend only on the data (list totals, timelines), kept for the current data version. Every
 * entry is keyed by the version it was asked for, and a newer version drops the older entries, so a result is
 * never served for a version other than its own. Each replica keeps its own; the version comes from the
 * database, so replicas agree.
 */
@ApplicationScoped
public class VersionedCache {

    static final int MAX_ENTRIES = 1024;

    private record Key(long version, Object query) {}

    private final Map<Key, Object> entries = new ConcurrentHashMap<>();
    private volatile long newest = Long.MIN_VALUE;

    @SuppressWarnings("unchecked")
    public <T> T get(long dataVersion, Object query, Supplier<T> compute) {
        if (dataVersion > newest) {
            synchronized (this) {
                if (dataVersion > newest) {
                    newest = dataVersion;
                    entries.keySet().removeIf(key -> key.version() < dataVersion);
                }
            }
        }
        if (dataVersion < newest) {
            return compute.get();
        }
        Key key = new Key(dataVersion, query);
        Object cached = entries.get(key);
        if (cached != null) {
            return (T) cached;
        }
        T value = compute.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, value);
        return value;
    }
}
