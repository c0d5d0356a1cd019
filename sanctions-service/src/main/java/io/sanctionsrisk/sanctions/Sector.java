package io.sanctionsrisk.sanctions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;

/** A financial sub-sector, mapped to its STIX 2.1 {@code industry-sector-ov} value. */
@Entity
@Table(name = "sector")
public class Sector {

    @Id
    @Column(name = "code", length = 64)
    private String code;

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    @Column(name = "stix_industry_sector", nullable = false, length = 64)
    private String stixIndustrySector;

    @Column(name = "description", length = 1000)
    private String description;

    protected Sector() {}

    public Sector(String code) {
        this.code = code;
    }

    /** Sets the fields; true when any of them changed. */
    public boolean update(String name, String stixIndustrySector, String description) {
        boolean changed = !Objects.equals(this.name, name)
                || !Objects.equals(this.stixIndustrySector, stixIndustrySector)
                || !Objects.equals(this.description, description);
        this.name = name;
        this.stixIndustrySector = stixIndustrySector;
        this.description = description;
        return changed;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getStixIndustrySector() {
        return stixIndustrySector;
    }

    public String getDescription() {
        return description;
    }
}
