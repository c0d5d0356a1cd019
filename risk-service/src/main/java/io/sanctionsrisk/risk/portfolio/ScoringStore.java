package io.sanctionsrisk.risk.portfolio;

import static io.sanctionsrisk.risk.portfolio.PortfolioJdbc.first;
import static io.sanctionsrisk.risk.portfolio.PortfolioJdbc.number;
import static io.sanctionsrisk.risk.portfolio.PortfolioJdbc.single;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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
 * A portfolio's scorings and scores (tables {@code portfolio_scoring} and {@code portfolio_score} of V7), by plain
 * JDBC through {@link PortfolioJdbc}: a scoring on one snapshot written with its institutions' scores (in one COPY on
 * PostgreSQL, or multi-row inserts of {@value PortfolioJdbc#CHUNK} rows), replacing an earlier scoring on the same
 * snapshot; read back as the latest scoring, the one before a snapshot, the history's pages, one institution's score
 * across scorings, a scoring's scores by institution, and the scores page joined with the institutions and the
 * previous scoring. Every method joins the caller's transaction; callers have already checked the portfolio's owner
 * through {@link PortfolioStore}.
 */
@ApplicationScoped
class ScoringStore {

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

    private final PortfolioJdbc jdbc;

    ScoringStore(DataSource data) {
        this.jdbc = new PortfolioJdbc(data);
    }

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

    /** The snapshot id of the portfolio's latest scoring, if any. */
    @Transactional
    Optional<ScoringRow> latestScoring(String id) {
        return jdbc.sql(
                "select * from portfolio_scoring where portfolio_id = ? order by snapshot_id desc limit 1", s -> {
                    s.setString(1, id);
                    return first(s, ScoringStore::scoring);
                });
    }

    /** The latest scoring of each of {@code ids} that has one, in one query (a page of portfolios). */
    @Transactional
    Map<String, ScoringRow> latestScorings(List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        return jdbc.sql(
                "select * from portfolio_scoring s where s.portfolio_id in (" + marks + ") and s.snapshot_id ="
                        + " (select max(t.snapshot_id) from portfolio_scoring t where t.portfolio_id = s.portfolio_id)",
                s -> {
                    for (int i = 0; i < ids.size(); i++) {
                        s.setString(i + 1, ids.get(i));
                    }
                    Map<String, ScoringRow> out = new HashMap<>();
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            ScoringRow row = scoring(rs);
                            out.put(row.portfolioId(), row);
                        }
                    }
                    return out;
                });
    }

    /** The portfolio's latest scoring on a snapshot older than {@code snapshotId}, if any. */
    @Transactional
    Optional<ScoringRow> scoringBefore(String id, long snapshotId) {
        return jdbc.sql(
                "select * from portfolio_scoring where portfolio_id = ? and snapshot_id < ? order by snapshot_id desc"
                        + " limit 1",
                s -> {
                    s.setString(1, id);
                    s.setLong(2, snapshotId);
                    return first(s, ScoringStore::scoring);
                });
    }

    @Transactional
    List<ScoringRow> scorings(String id, int page, int size) {
        return jdbc.sql(
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
        return jdbc.sql("select count(*) from portfolio_scoring where portfolio_id = ?", s -> {
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
        return jdbc.sql(
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
        return jdbc.sql(
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
        return jdbc.sql(
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
        jdbc.sql("delete from portfolio_score where portfolio_id = ? and snapshot_id = ?", s -> {
            s.setString(1, r.portfolioId());
            s.setLong(2, r.snapshotId());
            return s.executeUpdate();
        });
        jdbc.sql("delete from portfolio_scoring where portfolio_id = ? and snapshot_id = ?", s -> {
            s.setString(1, r.portfolioId());
            s.setLong(2, r.snapshotId());
            return s.executeUpdate();
        });
        jdbc.sql(
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
        jdbc.insertRows("portfolio_score", SCORE_COLUMNS, SCORE_TYPES, scores.size(), (i, v) -> {
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
}
