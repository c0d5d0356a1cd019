package io.sanctionsrisk.risk.scenario;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@ApplicationScoped
public class ScenarioRunRepository implements PanacheRepository<ScenarioRun> {

    public long countFor(long scenarioId) {
        return count("scenarioId", scenarioId);
    }

    /** The re-run count of each of the scenarios that has any, in one grouped query. */
    public Map<Long, Long> countsFor(List<Long> scenarioIds) {
        if (scenarioIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager()
                .createQuery(
                        "select r.scenarioId, count(r) from ScenarioRun r where r.scenarioId in :ids"
                                + " group by r.scenarioId",
                        Object[].class)
                .setParameter("ids", scenarioIds)
                .getResultStream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (Long) row[1]));
    }
}
