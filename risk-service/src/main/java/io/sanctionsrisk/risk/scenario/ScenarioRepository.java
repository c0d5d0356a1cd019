package io.sanctionsrisk.risk.scenario;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ScenarioRepository implements PanacheRepository<Scenario> {

    /** A page of scenarios, newest first. */
    public List<Scenario> page(int page, int size) {
        return findAll(Sort.descending("createdAt", "id")).page(page, size).list();
    }
}
