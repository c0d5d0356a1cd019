package io.sanctionsrisk.sanctions.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The natural keys, per kind, of the curated seed release loaded last, each with the digest of the record as
 * that release left it (null for rows taken over by the migration that introduced the table).
 */
@ApplicationScoped
public class SeedRecordRepository {

    private final EntityManager em;

    public SeedRecordRepository(EntityManager em) {
        this.em = em;
    }

    public Map<String, String> digests(String kind) {
        List<?> rows = em.createNativeQuery("select record_key, digest from seed_record where kind = ?1")
                .setParameter(1, kind)
                .getResultList();
        Map<String, String> digests = new TreeMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            digests.put((String) columns[0], (String) columns[1]);
        }
        return digests;
    }

    /** Makes the given keys and digests the kind's whole set. */
    public void replace(String kind, Map<String, String> digests) {
        em.createNativeQuery("delete from seed_record where kind = ?1")
                .setParameter(1, kind)
                .executeUpdate();
        digests.forEach((key, digest) -> em.createNativeQuery(
                        "insert into seed_record (kind, record_key, digest) values (?1, ?2, ?3)")
                .setParameter(1, kind)
                .setParameter(2, key)
                .setParameter(3, digest)
                .executeUpdate());
    }
}
