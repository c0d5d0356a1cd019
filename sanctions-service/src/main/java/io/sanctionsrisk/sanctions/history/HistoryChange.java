package io.sanctionsrisk.sanctions.history;

/**
 * One change to record: the kind of record and its natural key, what happened, and the record before and after
 * (in the shape of the API's write bodies; null where there is none: before a creation, after a deletion).
 */
public record HistoryChange(String entity, String key, String action, Object before, Object after) {

    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String DELETED = "deleted";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final String LOADED = "loaded";

    public static HistoryChange created(String entity, String key, Object after) {
        return new HistoryChange(entity, key, CREATED, null, after);
    }

    public static HistoryChange updated(String entity, String key, Object before, Object after) {
        return new HistoryChange(entity, key, UPDATED, before, after);
    }

    public static HistoryChange deleted(String entity, String key, Object before) {
        return new HistoryChange(entity, key, DELETED, before, null);
    }
}
