package io.sanctionsrisk.sanctions.history;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** On H2 (the local run), refuses every UPDATE and DELETE of {@code change_history}, as V7's PL/pgSQL does. */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(
                "change_history is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " is refused", "42501");
    }
}
