package io.sanctionsrisk.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The migrations run on H2 in PostgreSQL mode (the local profile's database) and hold full-size documents. */
class MigrationsOnH2Test {

    private static final String URL =
            "jdbc:h2:mem:migrations;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    @Test
    void scenarioAndBacktestTablesMigrateAndStoreLargeDocuments() throws Exception {
        Flyway.configure()
                .dataSource(URL, "sa", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", "")) {
            String result = "x".repeat(3_999_000);
            long id;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select nextval('scenario_seq')")) {
                rs.next();
                id = rs.getLong(1);
            }
            try (PreparedStatement p = c.prepareStatement("insert into scenario (id, created_at, owner_subject,"
                    + " start_date, horizon_days, paths, seed, snapshot_id, model_version, code_version, data_version,"
                    + " inputs_digest, result_digest, duration_ms, inputs_json, result_json) values (?, current_timestamp,"
                    + " 'u', current_date, 365, 100, 42, 1, 'cadence-1', 'dev', 1, 'a', 'b', 5, '{}', ?)")) {
                p.setLong(1, id);
                p.setString(2, result);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("insert into scenario_run (id, scenario_id, ran_at, subject,"
                    + " snapshot_id, code_version, result_digest, identical, duration_ms) values (nextval('scenario_run_seq'),"
                    + " ?, current_timestamp, 'u', 1, 'dev', 'b', true, 3)")) {
                p.setLong(1, id);
                p.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("insert into backtest (id, created_at, owner_subject, snapshot_id, model_version,"
                        + " code_version, data_version, origin_count, window_days, full_ll_per_event, full_coverage90,"
                        + " inputs_digest, result_digest, duration_ms, inputs_json, result_json) values"
                        + " (nextval('backtest_seq'), current_timestamp, 'u', 1, 'cadence-1', 'dev', 1, 5, 365, null, 0.8,"
                        + " 'a', 'b', 9, '{}', '{}')");
                try (ResultSet rs = s.executeQuery("select length(result_json) from scenario")) {
                    rs.next();
                    assertEquals(result.length(), rs.getInt(1));
                }
            }
        }
    }
}
