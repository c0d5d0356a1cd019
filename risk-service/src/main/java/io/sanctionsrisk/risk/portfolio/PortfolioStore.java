package io.sanctionsrisk.risk.portfolio;

import static io.sanctionsrisk.risk.portfolio.PortfolioJdbc.first;
import static io.sanctionsrisk.risk.portfolio.PortfolioJdbc.single;

import io.sanctionsrisk.risk.snapshot.InstitutionScoring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The portfolios and their institutions (tables {@code portfolio} and {@code portfolio_institution} of V7), by
 * plain JDBC through {@link PortfolioJdbc}: a portfolio's row (owner, name, thresholds, institution count and
 * digest), found, listed, counted and locked; its institutions replaced whole, written in one COPY on PostgreSQL (or
 * multi-row inserts of {@value PortfolioJdbc#CHUNK} rows), and read back in upload order. Every method joins the
 * caller's transaction. Reads of one portfolio always name its organisation. The scorings and scores are
 * {@link ScoringStore}'s.
 */
@ApplicationScoped
class PortfolioStore {

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

    private final PortfolioJdbc jdbc;

    PortfolioStore(DataSource data) {
        this.jdbc = new PortfolioJdbc(data);
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

    @Transactional
    void insert(PortfolioRow p) {
        jdbc.sql(
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
        return jdbc.sql("select * from portfolio where id = ? and organisation = ?", s -> {
            s.setString(1, id);
            s.setString(2, organisation);
            return first(s, PortfolioStore::portfolio);
        });
    }

    /** Locks the portfolio's row until the transaction ends, so that its writes are serialised across replicas. */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<PortfolioRow> lock(String id) {
        return jdbc.sql("select * from portfolio where id = ? for update", s -> {
            s.setString(1, id);
            return first(s, PortfolioStore::portfolio);
        });
    }

    @Transactional
    List<PortfolioRow> page(String organisation, int page, int size) {
        return jdbc.sql(
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
        return jdbc.sql("select count(*) from portfolio where organisation = ?", s -> {
            s.setString(1, organisation);
            return single(s);
        });
    }

    /** Every portfolio's id, oldest first. */
    @Transactional
    List<String> allIds() {
        return jdbc.sql("select id from portfolio order by created_at, id", s -> {
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
        jdbc.sql("delete from portfolio_institution where portfolio_id = ?", s -> {
            s.setString(1, id);
            return s.executeUpdate();
        });
        jdbc.insertRows(
                "portfolio_institution", INSTITUTION_COLUMNS, INSTITUTION_TYPES, institutions.size(), (i, v) -> {
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
        jdbc.sql(
                "update portfolio set institution_count = ?, institutions_digest = ?, updated_at = ? where id = ?",
                s -> {
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
        return jdbc.sql(
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
