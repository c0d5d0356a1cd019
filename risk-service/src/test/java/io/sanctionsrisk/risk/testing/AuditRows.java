package io.sanctionsrisk.risk.testing;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Reads the audit table straight from the database the service writes to. */
@ApplicationScoped
public class AuditRows {

    private final DataSource dataSource;

    public AuditRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long count() {
        return query("select count(*) from audit_record", rs -> rs.getLong(1)).get(0);
    }

    /** Rows with an id above {@code afterId}, oldest first. */
    public List<Map<String, Object>> after(long afterId) {
        return query(
                "select id, action, subject, client_id, inputs_digest, item_count, model_version, data_version,"
                        + " snapshot_id from audit_record where id > " + afterId + " order by id",
                rs -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
                    }
                    return row;
                });
    }

    public long maxId() {
        return query("select coalesce(max(id), 0) from audit_record", rs -> rs.getLong(1))
                .get(0);
    }

    /** The database the service's tables live in. */
    public String databaseName() {
        return query("select current_database()", rs -> rs.getString(1)).get(0);
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.read(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
