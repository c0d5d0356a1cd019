package io.sanctionsrisk.sanctions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;

/** An ISO 3166-1 country and the M49 sub-region it belongs to: the one source of an incident's region. */
@Entity
@Table(name = "country")
public class Country {

    @Id
    @Column(name = "alpha2", length = 2)
    private String alpha2;

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    @Column(name = "region_code", nullable = false, length = 64)
    private String regionCode;

    protected Country() {}

    public Country(String alpha2) {
        this.alpha2 = alpha2;
    }

    /** Sets the fields; true when any of them changed. */
    public boolean update(String name, String regionCode) {
        boolean changed = !Objects.equals(this.name, name) || !Objects.equals(this.regionCode, regionCode);
        this.name = name;
        this.regionCode = regionCode;
        return changed;
    }

    public String getAlpha2() {
        return alpha2;
    }

    public String getName() {
        return name;
    }

    public String getRegionCode() {
        return regionCode;
    }
}
