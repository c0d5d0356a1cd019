package io.sanctionsrisk.sanctions.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.sanctionsrisk.sanctions.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;

/**
 * Writes the change history: one {@code change_history} row per change, in the caller's transaction, so a
 * change that commits always has its history and a change that rolls back leaves none. The rows are JDBC batch
 * inserts (an import of many records costs one round trip per batch). The table is append-only (V7).
 */
@ApplicationScoped
public class ChangeHistory {

    /** The ways a change reaches the data. */
    public static final String VIA_API = "api";

    public static final String VIA_IMPORT = "import";
    public static final String VIA_SEED = "seed";
    public static final String VIA_REVIEW = "review";

    private static final int BATCH = 500;
    private static final String INSERT = "insert into change_history (recorded_at, subject, client, entity,"
            + " entity_key, action, via, data_version, changed, before_state, after_state)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final EntityManager em;
    private final ObjectMapper mapper;

    public ChangeHistory(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, Instant at, long dataVersion, String via, HistoryChange change) {
        record(caller, at, dataVersion, via, List.of(change));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, Instant at, long dataVersion, String via, List<HistoryChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(changes.size());
        for (HistoryChange change : changes) {
            JsonNode before = tree(change.before());
            JsonNode after = tree(change.after());
            rows.add(new Object[] {
                change.entity(),
                change.key(),
                change.action(),
                String.join(",", changed(before, after)),
                text(before),
                text(after)
            });
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                int pending = 0;
                for (Object[] row : rows) {
                    insert.setTimestamp(1, Timestamp.from(at));
                    insert.setString(2, caller.subject());
                    if (caller.client() == null) {
                        insert.setNull(3, Types.VARCHAR);
                    } else {
                        insert.setString(3, caller.client());
                    }
                    insert.setString(4, (String) row[0]);
                    insert.setString(5, (String) row[1]);
                    insert.setString(6, (String) row[2]);
                    insert.setString(7, via);
                    insert.setLong(8, dataVersion);
                    insert.setString(9, (String) row[3]);
                    insert.setString(10, (String) row[4]);
                    insert.setString(11, (String) row[5]);
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        });
    }

    /** The top-level fields whose values differ; a missing field counts as null. */
    static List<String> changed(JsonNode before, JsonNode after) {
        Set<String> names = new LinkedHashSet<>();
        fieldNames(before).forEachRemaining(names::add);
        fieldNames(after).forEachRemaining(names::add);
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            JsonNode was = before == null ? NullNode.instance : before.path(name);
            JsonNode now = after == null ? NullNode.instance : after.path(name);
            boolean wasEmpty = was.isNull() || was.isMissingNode();
            boolean nowEmpty = now.isNull() || now.isMissingNode();
            if (wasEmpty && nowEmpty) {
                continue;
            }
            if (!was.equals(now)) {
                changed.add(name);
            }
        }
        return changed;
    }

    private static Iterator<String> fieldNames(JsonNode node) {
        return node == null ? List.<String>of().iterator() : node.fieldNames();
    }

    private JsonNode tree(Object value) {
        return value == null ? null : mapper.valueToTree(value);
    }

    private String text(JsonNode node) {
        if (node == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
