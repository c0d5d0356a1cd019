package io.sanctionsrisk.sanctions.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.sanctionsrisk.sanctions.Sector;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SectorRepository implements PanacheRepositoryBase<Sector, String> {}
