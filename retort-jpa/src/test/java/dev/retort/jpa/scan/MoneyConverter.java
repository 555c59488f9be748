package dev.retort.jpa.scan;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class MoneyConverter implements AttributeConverter<Money, Long> {
    @Override
    public Long convertToDatabaseColumn(Money m) {
        return m.cents();
    }

    @Override
    public Money convertToEntityAttribute(Long cents) {
        return new Money(cents);
    }
}
