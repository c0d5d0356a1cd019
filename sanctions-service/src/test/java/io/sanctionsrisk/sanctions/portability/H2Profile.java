package io.sanctionsrisk.sanctions.portability;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The service on an in-memory H2 database in PostgreSQL mode, as the local profile runs it on a file. */
public class H2Profile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.db-kind", "h2",
                "quarkus.datasource.jdbc.url",
                        "jdbc:h2:mem:sanctions;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                                + "DB_CLOSE_DELAY=-1",
                "quarkus.datasource.username", "sa",
                "quarkus.datasource.password", "");
    }
}
