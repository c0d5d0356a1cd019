package io.sanctionsrisk.sanctions.sources;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * {@code sanctions_source_age_seconds{source}}: how old the newest loaded file of each official list is, from its
 * generation or publication date (midnight UTC); NaN before the first load. Read from the database at each
 * scrape, so every replica reports the same.
 */
@ApplicationScoped
public class SourceAgeGauge {

    private static final Logger LOG = Logger.getLogger(SourceAgeGauge.class);

    private final DataSource dataSource;
    private final MeterRegistry registry;
    private final Clock clock;

    public SourceAgeGauge(DataSource dataSource, MeterRegistry registry, Clock clock) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.clock = clock;
    }

    void register(@Observes StartupEvent event) {
        for (ListSource source : ListSource.values()) {
            Gauge.builder("sanctions.source.age", this, gauge -> gauge.ageSeconds(source))
                    .tag("source", source.code())
                    .baseUnit("seconds")
                    .description("Age of the newest loaded file of the official list")
                    .register(registry);
        }
    }

    double ageSeconds(ListSource source) {
        String sql = "select max(coalesce(published_on, cast(loaded_at as date))) from source_load where source = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, source.code());
            try (ResultSet rows = statement.executeQuery()) {
                Date newest = rows.next() ? rows.getDate(1) : null;
                if (newest == null) {
                    return Double.NaN;
                }
                return Duration.between(newest.toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC), clock.instant())
                        .toSeconds();
            }
        } catch (SQLException e) {
            LOG.warnf("Cannot read the age of %s: %s", source.code(), e.getMessage());
            return Double.NaN;
        }
    }
}
