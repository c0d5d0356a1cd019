package io.sanctionsrisk.sanctions.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.sanctionsrisk.sanctions.DataVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class DataVersionRepository implements PanacheRepositoryBase<DataVersion, Integer> {

    public DataVersion current() {
        return findById(DataVersion.SINGLETON_ID);
    }

    /** The row as committed now, locked until the transaction ends: writers serialise on it. */
    public DataVersion lockForUpdate() {
        DataVersion row = findById(DataVersion.SINGLETON_ID, LockModeType.PESSIMISTIC_WRITE);
        getEntityManager().refresh(row);
        return row;
    }
}
