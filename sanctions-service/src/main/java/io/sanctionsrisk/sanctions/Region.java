package io.sanctionsrisk.sanctions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A UN M49 region; the codes are the STIX 2.1 {@code region-ov} values. Countries map to the leaves. */
@Entity
@Table(name = "region")
public class Region {

    @Id
    @Column(name = "code", length = 64)
    private String code;

    @Column(name = "m49_code", length = 3)
    private String m49Code;

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    @Column(name = "parent_code", length = 64)
    private String parentCode;

    protected Region() {}

    public Region(String code) {
        this.code = code;
    }

    /** Sets the fields; true when any of them changed. */
    public boolean update(String m49Code, String name, String parentCode) {
        boolean changed = !java.util.Objects.equals(this.m49Code, m49Code)
                || !java.util.Objects.equals(this.name, name)
                || !java.util.Objects.equals(this.parentCode, parentCode);
        this.m49Code = m49Code;
        this.name = name;
        this.parentCode = parentCode;
        return changed;
    }

    public String getCode() {
        return code;
    }

    public String getM49Code() {
        return m49Code;
    }

    public String getName() {
        return name;
    }

    public String getParentCode() {
        return parentCode;
    }
}
