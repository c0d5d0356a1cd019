package io.sanctionsrisk.sanctions.exporting;

import io.agroal.api.AgroalDataSource;
import io.sanctionsrisk.sanctions.DataVersion;
import io.sanctionsrisk.sanctions.Incident;
import io.sanctionsrisk.sanctions.SanctionEvent;
import io.sanctionsrisk.sanctions.ThreatActor;
import io.sanctionsrisk.sanctions.config.SanctionsConfig;
import io.sanctionsrisk.sanctions.dto.DataVersionView;
import io.sanctionsrisk.sanctions.exporting.ExportSnapshot.Stamped;
import io.sanctionsrisk.sanctions.service.TaxonomyService;
import io.sanctionsrisk.sanctions.web.ApiProblem;
import io.sanctionsrisk.sanctions.web.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.jboss.logging.Logger;

/**
 * Opens exports. An export reads one snapshot of the database: a read-only REPEATABLE READ transaction on a
 * connection of its own, outside the JTA transactions of the API. The data version and every record come from
 * that snapshot, so they belong together, and no lock is taken: writers go on committing while an export streams
 * (PostgreSQL's snapshot isolation; a read-only transaction never fails to serialise). Records are read forward
 * only, a fetch of rows at a time, and the persistence context is cleared as they go, so memory does not grow
 * with the data. At most {@code sanctions.exports.max-concurrent} exports run at once.
 */
@ApplicationScoped
public class ExportService {

    private static final Logger LOG = Logger.getLogger(ExportService.class);

    private final AgroalDataSource dataSource;
    private final SessionFactory sessions;
    private final TaxonomyService taxonomy;
    private final Semaphore slots;
    private final int fetchSize;

    public ExportService(
            AgroalDataSource dataSource,
            EntityManagerFactory entityManagers,
            TaxonomyService taxonomy,
            SanctionsConfig config) {
        this.dataSource = dataSource;
        this.sessions = entityManagers.unwrap(SessionFactory.class);
        this.taxonomy = taxonomy;
        this.slots = new Semaphore(config.exports().maxConcurrent());
        this.fetchSize = config.exports().fetchSize();
    }

    /** An export being read: its snapshot, and the connection to give back when it is written (or abandoned). */
    public final class OpenExport implements AutoCloseable {

        private final Connection connection;
        private final Session session;
        private final int originalIsolation;
        private final ExportSnapshot snapshot;
        private final AtomicBoolean closed = new AtomicBoolean();

        private OpenExport(Connection connection, int originalIsolation) {
            this.connection = connection;
            this.originalIsolation = originalIsolation;
            this.session = sessions.withOptions().connection(connection).openSession();
            this.session.setDefaultReadOnly(true);
            DataVersion row = session.find(DataVersion.class, DataVersion.SINGLETON_ID);
            DataVersionView version = new DataVersionView(row.getVersion(), row.getLastModified());
            this.snapshot = new ExportSnapshot(
                    version,
                    rows(
                            "from ThreatActor order by key",
                            ThreatActor.class,
                            actor -> new Stamped<>(actor.toData(), actor.getCreatedAt(), actor.getUpdatedAt(), 0)),
                    rows(
                            "from SanctionEvent order by announcedDate, key",
                            SanctionEvent.class,
                            event -> new Stamped<>(
                                    event.toData(), event.getCreatedAt(), event.getUpdatedAt(), event.severity())),
                    rows(
                            "from Incident order by firstActionDate, key",
                            Incident.class,
                            incident -> new Stamped<>(
                                    incident.toData(), incident.getCreatedAt(), incident.getUpdatedAt(), 0)),
                    taxonomy.snapshot());
        }

        public ExportSnapshot snapshot() {
            return snapshot;
        }

        /** Ends the read-only transaction and gives the connection back, as it was; idempotent. */
        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            try {
                session.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing an export's session failed", e);
            }
            try {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
                connection.setTransactionIsolation(originalIsolation);
            } catch (SQLException e) {
                LOG.debug("Resetting an export's connection failed", e);
            } finally {
                try {
                    connection.close();
                } catch (SQLException e) {
                    LOG.debug("Closing an export's connection failed", e);
                }
                slots.release();
            }
        }

        /** Each iteration is a forward-only scroll of the snapshot, clearing the session every fetch. */
        private <E, T> Iterable<T> rows(String query, Class<E> type, Function<E, T> map) {
            return () -> {
                ScrollableResults<E> results = session.createSelectionQuery(query, type)
                        .setFetchSize(fetchSize)
                        .setReadOnly(true)
                        .scroll(ScrollMode.FORWARD_ONLY);
                return new Iterator<T>() {
                    private Boolean ahead;
                    private int read;

                    @Override
                    public boolean hasNext() {
                        if (ahead == null) {
                            ahead = results.next();
                            if (!ahead) {
                                results.close();
                            }
                        }
                        return ahead;
                    }

                    @Override
                    public T next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        ahead = null;
                        T mapped = map.apply(results.get());
                        if (++read % fetchSize == 0) {
                            session.clear();
                        }
                        return mapped;
                    }
                };
            };
        }
    }

    /**
     * Opens a snapshot; the caller must close it (once the body is written, or when the response ends).
     *
     * @throws ApiProblem 503 busy when {@code sanctions.exports.max-concurrent} exports are already running
     */
    public OpenExport open() {
        if (!slots.tryAcquire()) {
            throw new ApiProblem(
                    ProblemType.BUSY, "the most exports that may run at once are running; try again shortly");
        }
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            return new OpenExport(connection, isolation);
        } catch (SQLException | RuntimeException e) {
            if (connection != null) {
                try {
                    connection.rollback();
                    connection.setReadOnly(false);
                    connection.setAutoCommit(true);
                    connection.close();
                } catch (SQLException ignored) {
                    LOG.debug("Closing a failed export's connection failed", ignored);
                }
            }
            slots.release();
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("could not open an export snapshot", e);
        }
    }
}
