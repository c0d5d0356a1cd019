package io.sanctionsrisk.sanctions.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.sanctionsrisk.sanctions.SeedState;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SeedStateRepository implements PanacheRepositoryBase<SeedState, String> {}
