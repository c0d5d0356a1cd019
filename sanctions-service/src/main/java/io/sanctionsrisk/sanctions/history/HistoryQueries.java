package io.sanctionsrisk.sanctions.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsrisk.sanctions.dto.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the change history, oldest first (the order rows are appended in), filtered and paged. */
@ApplicationScoped
public class HistoryQueries {

    /** The kinds of record the history names. */
    public static final List<String> ENTITIES = List.of("actor", "sanction", "incident", "proposal", "source-load");

    /**
     * @param from inclusive, or null
     * @param to exclusive, or null
     */
    public record Filter(String entity, String key, String subject, Instant from, Instant to) {}

    private final EntityManager em;
    private final ObjectMapper mapper;

    public HistoryQueries(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    public Page<HistoryView> find(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.entity() != null) {
            where.append(" and entity = :entity");
            parameters.put("entity", filter.entity());
        }
        if (filter.key() != null) {
            where.append(" and entity_key = :key");
            parameters.put("key", filter.key());
        }
        if (filter.subject() != null) {
            where.append(" and subject = :subject");
            parameters.put("subject", filter.subject());
        }
        if (filter.from() != null) {
            where.append(" and recorded_at >= :from");
            parameters.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and recorded_at < :to");
            parameters.put("to", Timestamp.from(filter.to()));
        }
        Query count = em.createNativeQuery("select count(*) from change_history" + where);
        Query rows = em.createNativeQuery("select id, recorded_at, subject, client, entity, entity_key, action, via,"
                + " data_version, changed, before_state, after_state from change_history" + where
                + " order by id");
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            rows.setParameter(name, value);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        rows.setFirstResult(page * size).setMaxResults(size);
        List<HistoryView> items = new ArrayList<>();
        for (Object result : rows.getResultList()) {
            Object[] row = (Object[]) result;
            String changed = (String) row[9];
            items.add(new HistoryView(
                    ((Number) row[0]).longValue(),
                    instant(row[1]),
                    (String) row[2],
                    (String) row[3],
                    (String) row[4],
                    (String) row[5],
                    (String) row[6],
                    (String) row[7],
                    ((Number) row[8]).longValue(),
                    changed == null || changed.isEmpty() ? List.of() : Arrays.asList(changed.split(",")),
                    json((String) row[10]),
                    json((String) row[11])));
        }
        return Page.of(items, page, size, total);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    private JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
