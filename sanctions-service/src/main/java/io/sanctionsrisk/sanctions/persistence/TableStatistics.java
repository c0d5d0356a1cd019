package io.sanctionsrisk.sanctions.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Refreshes the PostgreSQL planner statistics of tables a bulk import changed, in the import's transaction:
 * without them (autovacuum may be off or behind) the planner keeps treating a table that just grew by 50,000
 * rows as empty, and look-ups by key turn into full scans. H2 keeps its own statistics.
 */
@ApplicationScoped
public class TableStatistics {

    static final Set<String> TABLES = Set.of("incident", "sanction_event", "threat_actor", "threat_actor_alias");
    private static final Logger LOG = Logger.getLogger(TableStatistics.class);

    private final EntityManager em;
    private final boolean postgresql;

    public TableStatistics(EntityManager em, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.em = em;
        this.postgresql = dbKind.startsWith("postgres");
    }

    public void refresh(String table) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException("not a table of this service: " + table);
        }
        if (!postgresql) {
            return;
        }
        long started = System.nanoTime();
        em.createNativeQuery("analyze " + table).executeUpdate();
        LOG.debugf("Analyzed %s in %d ms", table, (System.nanoTime() - started) / 1_000_000);
    }
}
