package io.sanctionsrisk.sanctions.persistence;

import io.quarkus.panache.common.Sort;
import io.sanctionsrisk.sanctions.ThreatActor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Function;

@ApplicationScoped
public class ThreatActorRepository implements KeyedRepository<ThreatActor> {

    @Override
    public String keyField() {
        return "key";
    }

    @Override
    public Class<ThreatActor> entityType() {
        return ThreatActor.class;
    }

    @Override
    public Function<ThreatActor, String> keyOf() {
        return ThreatActor::getKey;
    }

    public List<ThreatActor> listPage(int page, int size) {
        return findAll(Sort.by("key")).page(page, size).list();
    }

    public List<String> allKeys() {
        return find("select a.key from ThreatActor a").project(String.class).list();
    }
}
