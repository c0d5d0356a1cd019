package io.sanctionsrisk.risk.scenario;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ScenarioRunRepository implements PanacheRepository<ScenarioRun> {

    public long countFor(long scenarioId) {
        return count("scenarioId", scenarioId);
    }
}
