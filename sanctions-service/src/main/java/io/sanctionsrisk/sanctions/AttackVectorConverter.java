package io.sanctionsrisk.sanctions;

import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class AttackVectorConverter extends CodedValueConverter<AttackVector> {

    public AttackVectorConverter() {
        super(AttackVector.class);
    }
}
