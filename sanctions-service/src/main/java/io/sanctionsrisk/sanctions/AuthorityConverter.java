package io.sanctionsrisk.sanctions;

import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class AuthorityConverter extends CodedValueConverter<Authority> {

    public AuthorityConverter() {
        super(Authority.class);
    }
}
