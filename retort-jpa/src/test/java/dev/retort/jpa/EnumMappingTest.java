package dev.retort.jpa;

import dev.retort.MetaData;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.EnumeratedValue;
import jakarta.persistence.Id;
import org.junit.jupiter.api.Test;

import static dev.retort.Dsl.check;
import static dev.retort.Dsl.column;
import static dev.retort.Types.BIGINT;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.SMALLINT;
import static dev.retort.Types.varchar;

class EnumMappingTest {

    enum Status { DRAFT, SENT, PAID }

    enum Quote { IT_S, PLAIN }

    enum Coded {
        LOW(10), HIGH(20);

        @EnumeratedValue
        final int code;

        Coded(int code) {
            this.code = code;
        }
    }

    @Entity(name = "Invoice")
    static class Invoice {
        @Id
        Long id;
        Status byDefault;
        @Enumerated
        Status ordinal;
        @Enumerated(EnumType.STRING)
        Status named;
        @Enumerated(EnumType.STRING)
        @Column(length = 16, nullable = false)
        Status shortNamed;
        Coded coded;
    }

    @Test
    void enumsByOrdinalAsSmallintAndByNameAsVarcharWithHibernatesChecks() {
        MetaData expected = new MetaData();
        expected.table("invoice",
                column("id", BIGINT).primaryKey(),
                column("bydefault", SMALLINT),
                column("ordinal", SMALLINT),
                column("named", varchar(255)),
                column("shortnamed", varchar(16)).notNull(),
                column("coded", SMALLINT),
                check("bydefault between 0 and 2").label("bydefault"),
                check("ordinal between 0 and 2").label("ordinal"),
                check("named in ('DRAFT','SENT','PAID')").label("named"),
                check("shortnamed in ('DRAFT','SENT','PAID')").label("shortnamed"),
                check("coded in (10,20)").label("coded"));
        Expect.sameModel(JpaModel.of(Invoice.class), expected);
    }

    @Test
    void checksCanBeLeftOut() {
        MetaData actual = JpaModel.builder().entities(Invoice.class).enumCheckConstraints(false).build();
        org.assertj.core.api.Assertions.assertThat(actual.get("invoice").checks()).isEmpty();
    }

    enum Wide {
        SMALL(1), LARGE(100_000);

        @EnumeratedValue
        final int code;

        Wide(int code) {
            this.code = code;
        }
    }

    static class Numeric implements jakarta.persistence.AttributeConverter<Boolean, Integer> {
        public Integer convertToDatabaseColumn(Boolean b) {
            return b == null ? null : b ? 1 : 0;
        }

        public Boolean convertToEntityAttribute(Integer i) {
            return i == null ? null : i == 1;
        }
    }

    @Entity(name = "Wider")
    static class Wider {
        @Id
        Long id;
        Wide wide;
        @jakarta.persistence.Convert(converter = Numeric.class)
        Boolean flag;
    }

    @Test
    void enumeratedValuesBeyondSmallintWidenAndNumericBooleansAreAList() {
        MetaData expected = new MetaData();
        expected.table("wider",
                column("id", BIGINT).primaryKey(),
                // Hibernate would keep smallint, which rejects 100000
                column("wide", INTEGER),
                column("flag", INTEGER),
                check("wide in (1,100000)").label("wide"),
                check("flag in (0,1)").label("flag"));
        Expect.sameModel(JpaModel.of(Wider.class), expected);
    }

    @Entity(name = "Quoting")
    static class Quoting {
        @Id
        Long id;
        @Enumerated(EnumType.STRING)
        Quote quote;
    }

    @Test
    void labelsAreQuotedAsSqlLiterals() {
        org.assertj.core.api.Assertions.assertThat(JpaModel.of(Quoting.class).get("quoting").checks().get(0).expression())
                .isEqualTo("quote in ('IT_S','PLAIN')");
    }
}
