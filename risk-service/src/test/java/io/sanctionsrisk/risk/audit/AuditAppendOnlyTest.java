package io.sanctionsrisk.risk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The audit table is append-only for the service's own database user, which owns the table (so grants alone would
 * not bind it): UPDATE, DELETE and TRUNCATE are refused by the V10 trigger, and the row stays as it was written.
 */
@QuarkusTest
class AuditAppendOnlyTest {

    private final AuditTrail audit;
    private final DataSource dataSource;

    AuditAppendOnlyTest(AuditTrail audit, DataSource dataSource) {
        this.audit = audit;
        this.dataSource = dataSource;
    }

    @Test
    void theApplicationsUserOwnsTheTableYetCannotChangeOrRemoveARow() throws SQLException {
        long id = audit.recordOutcomeAs(
                        new AuditEntry(
                                AuditAction.INLINE_FIT, InputsDigest.ofText("body"), 3, "cadence-1", null, null, null),
                        Caller.service("append-only-test"),
                        "fitted")
                .getId();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            assertEquals(
                    single(s, "select current_user"),
                    single(
                            s,
                            "select tableowner from pg_tables"
                                    + " where schemaname = current_schema() and tablename = 'audit_record'"));

            for (String change : new String[] {
                "update audit_record set subject = 'someone-else' where id = " + id,
                "update audit_record set outcome = 'created'",
                "delete from audit_record where id = " + id,
                "delete from audit_record",
                "truncate audit_record",
                "truncate audit_record cascade"
            }) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(change), change);
                assertTrue(refused.getMessage().contains("audit_record is append-only"), refused.getMessage());
                assertEquals("42501", refused.getSQLState(), change);
            }

            try (ResultSet rs =
                    s.executeQuery("select subject, outcome, item_count from audit_record where id = " + id)) {
                assertTrue(rs.next(), "the row is still there");
                assertEquals("append-only-test", rs.getString(1));
                assertEquals("fitted", rs.getString(2));
                assertEquals(3, rs.getInt(3));
            }
        }
        // appending still works
        AuditRecord next = audit.recordOutcomeAs(
                new AuditEntry(AuditAction.INLINE_FIT, InputsDigest.ofText("next"), 1, "cadence-1", null, null, null),
                Caller.service("append-only-test"),
                "fitted");
        assertTrue(next.getId() > id);
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
