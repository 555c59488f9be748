package dev.retort.jpa;

import dev.retort.MetaData;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.junit.jupiter.api.Test;

import java.time.Year;
import java.util.Locale;

import static dev.retort.Dsl.column;
import static dev.retort.Types.BIGINT;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.varchar;

/** The column of a converted attribute has the converter's database-side type. */
class ConverterTest {

    static class LocaleToString implements AttributeConverter<Locale, String> {
        public String convertToDatabaseColumn(Locale l) {
            return l.toLanguageTag();
        }

        public Locale convertToEntityAttribute(String s) {
            return Locale.forLanguageTag(s);
        }
    }

    @Converter(autoApply = true)
    static class YearToText implements AttributeConverter<Year, String> {
        public String convertToDatabaseColumn(Year y) {
            return y.toString();
        }

        public Year convertToEntityAttribute(String s) {
            return Year.parse(s);
        }
    }

    static class Flag implements AttributeConverter<Boolean, String> {
        public String convertToDatabaseColumn(Boolean b) {
            return b == null ? null : b ? "Y" : "N";
        }

        public Boolean convertToEntityAttribute(String s) {
            return "Y".equals(s);
        }
    }

    @Entity(name = "Edition")
    static class Edition {
        @Id
        Long id;
        @Convert(converter = LocaleToString.class)
        @Column(length = 35)
        Locale language;
        Year published;
        @Convert(converter = Flag.class)
        @Column(length = 1, nullable = false)
        Boolean active;
        @Convert(converter = Flag.class)
        @Column(columnDefinition = "char(1)")
        Boolean archived;
        @Convert(disableConversion = true)
        Integer plain;
    }

    @Test
    void convertersDecideTheColumnType() {
        MetaData expected = new MetaData();
        expected.table("edition",
                column("id", BIGINT).primaryKey(),
                column("language", varchar(35)),
                column("published", varchar(255)),
                column("active", varchar(1)).notNull(),
                column("archived", dev.retort.Types.charType(1)),
                column("plain", INTEGER),
                // Hibernate's check on a converted boolean: what the converter makes of false and true
                dev.retort.Dsl.check("active in ('N','Y')").label("active"),
                dev.retort.Dsl.check("archived in ('N','Y')").label("archived"));
        Expect.sameModel(JpaModel.builder().entities(Edition.class).converters(YearToText.class).build(), expected);
    }

    @Test
    void withoutTheAutoAppliedConverterTheJavaTypeDecides() {
        MetaData actual = JpaModel.of(Edition.class);
        org.assertj.core.api.Assertions.assertThat(actual.get("edition").column("published").orElseThrow().type()).isEqualTo(INTEGER);
    }
}
