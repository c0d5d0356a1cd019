package io.sanctionsrisk.sanctions.persistence;

import io.sanctionsrisk.sanctions.Authority;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class AuthorityConverter extends CodedValueConverter<Authority> {

    public AuthorityConverter() {
        super(Authority.class);
    }
}
