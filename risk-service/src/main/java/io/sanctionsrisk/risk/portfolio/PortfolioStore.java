package io.sanctionsrisk.risk.portfolio;

import io.sanctionsrisk.risk.snapshot.InstitutionScoring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The portfolio tables (V7), by plain JDBC: a portfolio's institutions and its scores on a snapshot are written as
 * multi-row inserts of {@value #CHUNK} rows, so a 100,000-institution scoring is a few hundred statements. Every
 * method joins the caller's transaction. Reads of one portfolio always name its organisation.
 */
@ApplicationScoped
class PortfolioStore {

    static final int CHUNK = 500;
    private static final String[] INSTITUTION_COLUMNS = {
        "portfolio_id",
        "row_no",
        "institution_id",
        "sector",
        "country",
        "horizon_days",
        "swift_connectivity",
        "crypto_custody",
        "correspondent_exposure",
        "control_maturity"
    };
    private static final int[] INSTITUTION_TYPES = {
        Types.VARCHAR,
        Types.INTEGER,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.INTEGER,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR
    };
    private static final String[] SCORE_COLUMNS = {
        "portfolio_id", "snapshot_id", "row_no", "institution_id", "score", "band", "probability", "expected_count"
    };
    private static final int[] SCORE_TYPES = {
        Types.VARCHAR,
        Types.BIGINT,
        Types.INTEGER,
        Types.VARCHAR,
        Types.DOUBLE,
        Types.VARCHAR,
        Types.DOUBLE,
        Types.DOUBLE
    };

    private final DataSource data;

    PortfolioStore(DataSource data) {
        this.data = data;
    }

    /** A portfolio row. */
    record PortfolioRow(
            String id,
            String organisation,
            String name,
            Instant createdAt,
            String createdBy,
            String createdByClient,
            Instant updatedAt,
            List<Double> thresholds,
            int institutionCount,
            String institutionsDigest) {}

    /** One stored institution, at its upload position. */
    record StoredInstitution(int row, InstitutionScoring.Input input) {}

    /** One scoring of a portfolio on a snapshot (the history's row). */
    record ScoringRow(
            String portfolioId,
            long snapshotId,
            Long previousSnapshotId,
            Instant scoredAt,
            String reason,
            String modelVersion,
            long dataVersion,
            int institutionCount,
            int unscoredCount,
            int[] bands,
            int bandChanges,
            int thresholdCrossings,
            Double meanScore,
            long durationMillis) {}

    /** An institution's score on one snapshot (score and band null when the snapshot could not score it). */
    record ScoreRow(
            int row, String institutionId, Double score, String band, Double probability, Double expectedCount) {}

    /** A row of the scores page: the score on the latest snapshot joined with the previous one's. */
    record ScoreLine(
            String institutionId,
            String sector,
            String country,
            Double score,
            String band,
            Double probability,
            Double expectedCount,
            Double previousScore,
            String previousBand) {}

    @Transactional
    void insert(PortfolioRow p) {
        sql(
                "insert into portfolio (id, organisation, name, created_at, created_by, created_by_client, updated_at,"
                        + " thresholds, institution_count, institutions_digest) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s -> {
                    s.setString(1, p.id());
                    s.setString(2, p.organisation());
                    s.setString(3, p.name());
                    s.setTimestamp(4, Timestamp.from(p.createdAt()));
                    s.setString(5, p.createdBy());
                    s.setString(6, p.createdByClient());
                    s.setTimestamp(7, Timestamp.from(p.updatedAt()));
                    s.setString(8, thresholdsText(p.thresholds()));
                    s.setInt(9, p.institutionCount());
                    s.setString(10, p.institutionsDigest());
                    return s.executeUpdate();
                });
    }

    /** The portfolio if it exists and belongs to {@code organisation}; empty otherwise, whichever the reason. */
    @Transactional
    Optional<PortfolioRow> find(String id, String organisation) {
        return sql("select * from portfolio where id = ? and organisation = ?", s -> {
            s.setString(1, id);
            s.setString(2, organisation);
            return one(s);
        });
    }

    /** Locks the portfolio's row until the transaction ends, so that its writes are serialised across replicas. */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<PortfolioRow> lock(String id) {
        return sql("select * from portfolio where id = ? for update", s -> {
            s.setString(1, id);
            return one(s);
        });
    }

    @Transactional
    List<PortfolioRow> page(String organisation, int page, int size) {
        return sql(
                "select * from portfolio where organisation = ? order by created_at desc, id limit ? offset ?", s -> {
                    s.setString(1, organisation);
                    s.setInt(2, size);
                    s.setLong(3, (long) page * size);
                    List<PortfolioRow> rows = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            rows.add(portfolio(rs));
                        }
                    }
                    return rows;
                });
    }

    @Transactional
    long count(String organisation) {
        return sql("select count(*) from portfolio where organisation = ?", s -> {
            s.setString(1, organisation);
            return single(s);
        });
    }

    /** Every portfolio's id, oldest first. */
    @Transactional
    List<String> allIds() {
        return sql("select id from portfolio order by created_at, id", s -> {
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    /** Replaces the institutions (in the caller's transaction, under the portfolio's lock). */
    @Transactional(Transactional.TxType.MANDATORY)
    void replaceInstitutions(String id, List<InstitutionScoring.Input> institutions, String digest, Instant at) {
        sql("delete from portfolio_institution where portfolio_id = ?", s -> {
            s.setString(1, id);
            return s.executeUpdate();
        });
        insertRows("portfolio_institution", INSTITUTION_COLUMNS, INSTITUTION_TYPES, institutions.size(), (i, v) -> {
            InstitutionScoring.Input in = institutions.get(i);
            v[0] = id;
            v[1] = i;
            v[2] = in.id();
            v[3] = in.sector();
            v[4] = in.country();
            v[5] = in.horizonDays();
            v[6] = in.swiftConnectivity();
            v[7] = in.cryptoCustody();
            v[8] = in.correspondentExposure();
            v[9] = in.controlMaturity();
        });
        sql("update portfolio set institution_count = ?, institutions_digest = ?, updated_at = ? where id = ?", s -> {
            s.setInt(1, institutions.size());
            s.setString(2, digest);
            s.setTimestamp(3, Timestamp.from(at));
            s.setString(4, id);
            return s.executeUpdate();
        });
    }

    /** The institutions in upload order. */
    @Transactional(Transactional.TxType.MANDATORY)
    List<StoredInstitution> institutions(String id) {
        return sql(
                "select row_no, institution_id, sector, country, horizon_days, swift_connectivity, crypto_custody,"
                        + " correspondent_exposure, control_maturity from portfolio_institution where portfolio_id = ?"
                        + " order by row_no",
                s -> {
                    s.setString(1, id);
                    s.setFetchSize(5_000);
                    List<StoredInstitution> out = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            int horizon = rs.getInt(5);
                            Integer horizonDays = rs.wasNull() ? null : horizon;
                            out.add(new StoredInstitution(
                                    rs.getInt(1),
                                    new InstitutionScoring.Input(
                                            rs.getString(2),
                                            rs.getString(3),
                                            rs.getString(4),
                                            horizonDays,
                                            rs.getString(6),
                                            rs.getString(7),
                                            rs.getString(8),
                                            rs.getString(9))));
                        }
                    }
                    return out;
                });
    }

    /** The snapshot id of the portfolio's latest scoring, if any. */
    @Transactional
    Optional<ScoringRow> latestScoring(String id) {
        return sql("select * from portfolio_scoring where portfolio_id = ? order by snapshot_id desc limit 1", s -> {
            s.setString(1, id);
            return oneScoring(s);
        });
    }

    /** The portfolio's latest scoring on a snapshot older than {@code snapshotId}, if any. */
    @Transactional
    Optional<ScoringRow> scoringBefore(String id, long snapshotId) {
        return sql(
                "select * from portfolio_scoring where portfolio_id = ? and snapshot_id < ? order by snapshot_id desc"
                        + " limit 1",
                s -> {
                    s.setString(1, id);
                    s.setLong(2, snapshotId);
                    return oneScoring(s);
                });
    }

    @Transactional
    List<ScoringRow> scorings(String id, int page, int size) {
        return sql(
                "select * from portfolio_scoring where portfolio_id = ? order by snapshot_id desc limit ? offset ?",
                s -> {
                    s.setString(1, id);
                    s.setInt(2, size);
                    s.setLong(3, (long) page * size);
                    List<ScoringRow> rows = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            rows.add(scoring(rs));
                        }
                    }
                    return rows;
                });
    }

    @Transactional
    long scoringCount(String id) {
        return sql("select count(*) from portfolio_scoring where portfolio_id = ?", s -> {
            s.setString(1, id);
            return single(s);
        });
    }

    /** One institution's score on each listed snapshot, by snapshot id. */
    @Transactional
    Map<Long, ScoreRow> institutionScores(String id, String institutionId, List<Long> snapshotIds) {
        Map<Long, ScoreRow> out = new HashMap<>();
        if (snapshotIds.isEmpty()) {
            return out;
        }
        String in = String.join(", ", java.util.Collections.nCopies(snapshotIds.size(), "?"));
        return sql(
                "select snapshot_id, row_no, institution_id, score, band, probability, expected_count from"
                        + " portfolio_score where portfolio_id = ? and institution_id = ? and snapshot_id in (" + in
                        + ")",
                s -> {
                    s.setString(1, id);
                    s.setString(2, institutionId);
                    for (int i = 0; i < snapshotIds.size(); i++) {
                        s.setLong(3 + i, snapshotIds.get(i));
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            out.put(
                                    rs.getLong(1),
                                    new ScoreRow(
                                            rs.getInt(2),
                                            rs.getString(3),
                                            number(rs, 4),
                                            rs.getString(5),
                                            number(rs, 6),
                                            number(rs, 7)));
                        }
                    }
                    return out;
                });
    }

    /** The scores of a scoring, by institution id (for the comparison with the next one). */
    @Transactional(Transactional.TxType.MANDATORY)
    Map<String, ScoreRow> scores(String id, long snapshotId) {
        return sql(
                "select row_no, institution_id, score, band, probability, expected_count from portfolio_score where"
                        + " portfolio_id = ? and snapshot_id = ?",
                s -> {
                    s.setString(1, id);
                    s.setLong(2, snapshotId);
                    s.setFetchSize(5_000);
                    Map<String, ScoreRow> out = new HashMap<>();
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            ScoreRow row = new ScoreRow(
                                    rs.getInt(1),
                                    rs.getString(2),
                                    number(rs, 3),
                                    rs.getString(4),
                                    number(rs, 5),
                                    number(rs, 6));
                            out.put(row.institutionId(), row);
                        }
                    }
                    return out;
                });
    }

    /** A page of a scoring's institutions in upload order, each with its score on {@code previous} (or none). */
    @Transactional
    List<ScoreLine> scorePage(String id, long snapshotId, Long previous, int page, int size) {
        return sql(
                "select s.institution_id, i.sector, i.country, s.score, s.band, s.probability, s.expected_count,"
                        + " p.score, p.band from portfolio_score s"
                        + " left join portfolio_institution i on i.portfolio_id = s.portfolio_id"
                        + " and i.institution_id = s.institution_id"
                        + " left join portfolio_score p on p.portfolio_id = s.portfolio_id and p.snapshot_id = ?"
                        + " and p.institution_id = s.institution_id"
                        + " where s.portfolio_id = ? and s.snapshot_id = ? order by s.row_no limit ? offset ?",
                s -> {
                    s.setLong(1, previous == null ? -1 : previous);
                    s.setString(2, id);
                    s.setLong(3, snapshotId);
                    s.setInt(4, size);
                    s.setLong(5, (long) page * size);
                    List<ScoreLine> out = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            out.add(new ScoreLine(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    number(rs, 4),
                                    rs.getString(5),
                                    number(rs, 6),
                                    number(rs, 7),
                                    number(rs, 8),
                                    rs.getString(9)));
                        }
                    }
                    return out;
                });
    }

    /** Writes a scoring and its scores, replacing an earlier scoring of the same portfolio on the same snapshot. */
    @Transactional(Transactional.TxType.MANDATORY)
    void writeScoring(ScoringRow r, List<ScoreRow> scores) {
        sql("delete from portfolio_score where portfolio_id = ? and snapshot_id = ?", s -> {
            s.setString(1, r.portfolioId());
            s.setLong(2, r.snapshotId());
            return s.executeUpdate();
        });
        sql("delete from portfolio_scoring where portfolio_id = ? and snapshot_id = ?", s -> {
            s.setString(1, r.portfolioId());
            s.setLong(2, r.snapshotId());
            return s.executeUpdate();
        });
        sql(
                "insert into portfolio_scoring (portfolio_id, snapshot_id, previous_snapshot_id, scored_at, reason,"
                        + " model_version, data_version, institution_count, unscored_count, band_low, band_moderate,"
                        + " band_high, band_severe, band_changes, threshold_crossings, mean_score, duration_ms) values"
                        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s -> {
                    s.setString(1, r.portfolioId());
                    s.setLong(2, r.snapshotId());
                    if (r.previousSnapshotId() == null) {
                        s.setNull(3, Types.BIGINT);
                    } else {
                        s.setLong(3, r.previousSnapshotId());
                    }
                    s.setTimestamp(4, Timestamp.from(r.scoredAt()));
                    s.setString(5, r.reason());
                    s.setString(6, r.modelVersion());
                    s.setLong(7, r.dataVersion());
                    s.setInt(8, r.institutionCount());
                    s.setInt(9, r.unscoredCount());
                    for (int b = 0; b < 4; b++) {
                        s.setInt(10 + b, r.bands()[b]);
                    }
                    s.setInt(14, r.bandChanges());
                    s.setInt(15, r.thresholdCrossings());
                    if (r.meanScore() == null) {
                        s.setNull(16, Types.DOUBLE);
                    } else {
                        s.setDouble(16, r.meanScore());
                    }
                    s.setLong(17, r.durationMillis());
                    return s.executeUpdate();
                });
        insertRows("portfolio_score", SCORE_COLUMNS, SCORE_TYPES, scores.size(), (i, v) -> {
            ScoreRow row = scores.get(i);
            v[0] = r.portfolioId();
            v[1] = r.snapshotId();
            v[2] = row.row();
            v[3] = row.institutionId();
            v[4] = row.score();
            v[5] = row.band();
            v[6] = row.probability();
            v[7] = row.expectedCount();
        });
    }

    // --- JDBC plumbing --------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Statement<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface RowValues {
        void fill(int row, Object[] values);
    }

    private <T> T sql(String sql, Statement<T> body) {
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
    private void insertRows(String table, String[] columns, int[] types, int rows, RowValues values) {
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

    private static Optional<PortfolioRow> one(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(portfolio(rs)) : Optional.empty();
        }
    }

    private static Optional<ScoringRow> oneScoring(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(scoring(rs)) : Optional.empty();
        }
    }

    private static long single(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static PortfolioRow portfolio(ResultSet rs) throws SQLException {
        return new PortfolioRow(
                rs.getString("id"),
                rs.getString("organisation"),
                rs.getString("name"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                rs.getString("created_by_client"),
                rs.getTimestamp("updated_at").toInstant(),
                thresholds(rs.getString("thresholds")),
                rs.getInt("institution_count"),
                rs.getString("institutions_digest"));
    }

    private static ScoringRow scoring(ResultSet rs) throws SQLException {
        long previous = rs.getLong("previous_snapshot_id");
        Long previousId = rs.wasNull() ? null : previous;
        double mean = rs.getDouble("mean_score");
        Double meanScore = rs.wasNull() ? null : mean;
        return new ScoringRow(
                rs.getString("portfolio_id"),
                rs.getLong("snapshot_id"),
                previousId,
                rs.getTimestamp("scored_at").toInstant(),
                rs.getString("reason"),
                rs.getString("model_version"),
                rs.getLong("data_version"),
                rs.getInt("institution_count"),
                rs.getInt("unscored_count"),
                new int[] {
                    rs.getInt("band_low"), rs.getInt("band_moderate"), rs.getInt("band_high"), rs.getInt("band_severe")
                },
                rs.getInt("band_changes"),
                rs.getInt("threshold_crossings"),
                meanScore,
                rs.getLong("duration_ms"));
    }

    private static Double number(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    static String thresholdsText(List<Double> thresholds) {
        if (thresholds == null || thresholds.isEmpty()) {
            return null;
        }
        return String.join(",", thresholds.stream().map(d -> Double.toString(d)).toList());
    }

    static List<Double> thresholds(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Double> out = new ArrayList<>();
        for (String part : text.split(",")) {
            out.add(Double.parseDouble(part));
        }
        return List.copyOf(out);
    }
}
