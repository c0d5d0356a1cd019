package io.sanctionsrisk.sanctions.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Look-ups by natural key, shared by the repositories of the keyed entities. */
public interface KeyedRepository<E> extends PanacheRepository<E> {

    /** Keys per IN list: well below the bind-parameter limits of PostgreSQL and H2. */
    int KEY_CHUNK = 1000;

    String keyField();

    Class<E> entityType();

    Function<E, String> keyOf();

    default Optional<E> findByKey(String key) {
        return find(keyField(), key).firstResultOptional();
    }

    default boolean existsByKey(String key) {
        return count(keyField(), key) > 0;
    }

    /** Which of the given keys are stored, asked in chunks. */
    default Set<String> existingKeys(Collection<String> keys) {
        Set<String> found = new HashSet<>();
        List<String> all = new ArrayList<>(keys);
        String query = "select e." + keyField() + " from " + entityType().getSimpleName() + " e where e." + keyField()
                + " in :keys";
        for (int start = 0; start < all.size(); start += KEY_CHUNK) {
            List<String> chunk = all.subList(start, Math.min(all.size(), start + KEY_CHUNK));
            found.addAll(getEntityManager()
                    .createQuery(query, String.class)
                    .setParameter("keys", chunk)
                    .getResultList());
        }
        return found;
    }

    /** The entities with the given keys, by key, fetched in chunks. */
    default Map<String, E> findByKeys(Collection<String> keys) {
        Map<String, E> found = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int start = 0; start < all.size(); start += KEY_CHUNK) {
            List<String> chunk = all.subList(start, Math.min(all.size(), start + KEY_CHUNK));
            list(keyField() + " in :keys", Parameters.with("keys", chunk))
                    .forEach(entity -> found.put(keyOf().apply(entity), entity));
        }
        return found;
    }
}
