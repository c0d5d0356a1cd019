package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes {@code change_history} append-only for every database role, the table's owner included: a trigger
 * refuses UPDATE, DELETE and TRUNCATE, and the UPDATE, DELETE and TRUNCATE privileges are revoked from the
 * owner and from PUBLIC. The trigger is what binds the owner (an owner keeps the power to grant itself
 * privileges again); the revocation binds a runtime role that is not the owner. A Java migration because the
 * trigger is written in each database's own way: PL/pgSQL on PostgreSQL, a Java trigger class on H2 (the local
 * run).
 */
public class V7__change_history_append_only extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        try (Statement sql = context.getConnection().createStatement()) {
            if (product.toLowerCase(java.util.Locale.ROOT).contains("h2")) {
                sql.execute("create trigger change_history_append_only before update, delete on change_history"
                        + " for each row call 'io.sanctionsrisk.sanctions.history.AppendOnlyTrigger'");
                return;
            }
            sql.execute("create function change_history_append_only() returns trigger language plpgsql as $$"
                    + " begin"
                    + " raise exception 'change_history is append-only: % is refused', tg_op"
                    + " using errcode = '42501';"
                    + " end $$");
            sql.execute("create trigger change_history_no_change before update or delete on change_history"
                    + " for each row execute function change_history_append_only()");
            sql.execute("create trigger change_history_no_truncate before truncate on change_history"
                    + " for each statement execute function change_history_append_only()");
            sql.execute("revoke update, delete, truncate on change_history from public");
            sql.execute("revoke update, delete, truncate on change_history from current_user");
        }
    }
}
