package io.sanctionsrisk.risk.portfolio;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The JDBC mechanics the two portfolio stores share: a statement run on a connection of the data source (which joins
 * the caller's transaction), with any {@link SQLException} turned into an {@link IllegalStateException}; many rows
 * written at once, by PostgreSQL's COPY where the driver offers it and otherwise as multi-row inserts of
 * {@value #CHUNK} rows to a statement; and the small result-set readers (the first row, a single number, a nullable
 * double). It knows no table: {@link PortfolioStore} and {@link ScoringStore} hold the SQL.
 */
final class PortfolioJdbc {

    static final int CHUNK = 500;

    /** The body of one statement. */
    @FunctionalInterface
    interface Statement<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    /** Fills {@code values} with the column values of row {@code row}, in the order of the columns. */
    @FunctionalInterface
    interface RowValues {
        void fill(int row, Object[] values);
    }

    /** Reads the current row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final DataSource data;

    PortfolioJdbc(DataSource data) {
        this.data = data;
    }

    <T> T sql(String sql, Statement<T> body) {
        try (Connection c = data.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            return body.run(s);
        } catch (SQLException e) {
            throw new IllegalStateException("portfolio store: " + e.getMessage(), e);
        }
    }

    /**
     * Inserts {@code rows} rows: on PostgreSQL by COPY (one stream, the fastest way in), elsewhere (H2) as multi-row
     * inserts of {@value #CHUNK} rows to a statement.
     */
    void insertRows(String table, String[] columns, int[] types, int rows, RowValues values) {
        if (rows == 0) {
            return;
        }
        try (Connection c = data.getConnection()) {
            if (c.isWrapperFor(org.postgresql.PGConnection.class)) {
                copy(c.unwrap(org.postgresql.PGConnection.class), table, columns, rows, values);
            } else {
                insertChunked(c, table, columns, types, rows, values);
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("portfolio store: " + e.getMessage(), e);
        }
    }

    private static void copy(org.postgresql.PGConnection c, String table, String[] columns, int rows, RowValues values)
            throws SQLException, java.io.IOException {
        String sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin with (format csv)";
        org.postgresql.copy.CopyIn in = c.getCopyAPI().copyIn(sql);
        try {
            Object[] v = new Object[columns.length];
            StringBuilder line = new StringBuilder(256);
            java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(1 << 16);
            for (int row = 0; row < rows; row++) {
                values.fill(row, v);
                line.setLength(0);
                for (int col = 0; col < v.length; col++) {
                    if (col > 0) {
                        line.append(',');
                    }
                    Object value = v[col];
                    if (value instanceof String text) {
                        // quoted, so that an empty string stays one and commas, quotes and line breaks are data
                        line.append('"').append(text.replace("\"", "\"\"")).append('"');
                    } else if (value instanceof Double d) {
                        line.append(Double.toString(d));
                    } else if (value != null) {
                        line.append(value);
                    } // null: an empty unquoted field
                }
                line.append('\n');
                byte[] bytes = line.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                buffer.write(bytes);
                if (buffer.size() >= 1 << 16) {
                    in.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                    buffer.reset();
                }
            }
            if (buffer.size() > 0) {
                in.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            }
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void insertChunked(
            Connection c, String table, String[] columns, int[] types, int rows, RowValues values) throws SQLException {
        String head = "insert into " + table + " (" + String.join(", ", columns) + ") values ";
        String tuple = "(" + String.join(", ", java.util.Collections.nCopies(columns.length, "?")) + ")";
        Object[] v = new Object[columns.length];
        for (int start = 0; start < rows; start += CHUNK) {
            int n = Math.min(CHUNK, rows - start);
            try (PreparedStatement s =
                    c.prepareStatement(head + String.join(", ", java.util.Collections.nCopies(n, tuple)))) {
                for (int i = 0; i < n; i++) {
                    values.fill(start + i, v);
                    for (int col = 0; col < v.length; col++) {
                        int index = 1 + i * columns.length + col;
                        if (v[col] == null) {
                            s.setNull(index, types[col]);
                        } else {
                            s.setObject(index, v[col], types[col]);
                        }
                    }
                }
                s.executeUpdate();
            }
        }
    }

    /** The first row of the statement's result, read by {@code mapper}; empty when there is none. */
    static <T> Optional<T> first(PreparedStatement s, RowMapper<T> mapper) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
        }
    }

    /** The first column of the statement's only row (a count). */
    static long single(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A nullable double column. */
    static Double number(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
