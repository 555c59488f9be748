package dev.retort.jpa;

import dev.retort.MetaData;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.UUID;

import static dev.retort.Dsl.column;
import static dev.retort.Types.BIGINT;
import static dev.retort.Types.BINARY;
import static dev.retort.Types.BOOLEAN;
import static dev.retort.Types.DATE;
import static dev.retort.Types.DOUBLE;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.JSONB;
import static dev.retort.Types.REAL;
import static dev.retort.Types.SMALLINT;
import static dev.retort.Types.TEXT;
import static dev.retort.Types.UUID;
import static dev.retort.Types.charType;
import static dev.retort.Types.nativeType;
import static dev.retort.Types.numeric;
import static dev.retort.Types.varchar;

class BasicMappingTest {

    @Entity(name = "Everything")
    static class Everything {
        @Id
        Long id;
        long primitiveLong;
        Integer boxedInt;
        int primitiveInt;
        Short boxedShort;
        short primitiveShort;
        byte primitiveByte;
        Boolean boxedBoolean;
        boolean primitiveBoolean;
        Double boxedDouble;
        float primitiveFloat;
        char letter;
        String plainString;
        @Column(length = 40)
        String shortString;
        @Lob
        String lobString;
        @Lob
        byte[] lobBytes;
        byte[] bytes;
        BigDecimal money;
        @Column(precision = 10, scale = 4)
        BigDecimal rate;
        @Column(precision = 12)
        BigDecimal whole;
        BigInteger huge;
        UUID uuid;
        Instant instant;
        OffsetDateTime offsetDateTime;
        ZonedDateTime zonedDateTime;
        LocalDateTime localDateTime;
        LocalDate localDate;
        // not "localTime": Hibernate leaves that keyword unquoted (hibernate.auto_quote_keyword is off) and its DDL fails
        LocalTime timeOfDay;
        OffsetTime offsetTime;
        Duration duration;
        @Temporal(TemporalType.DATE)
        Date legacyDate;
        Date legacyTimestamp;
        @Column(secondPrecision = 3)
        Instant millis;
    }

    @Entity(name = "Widget")
    @Table(name = "widget", comment = "things we sell")
    static class Widget {
        @Id
        @Column(name = "widget_id")
        Integer id;
        @Column(nullable = false, unique = true, comment = "shown to people")
        String name;
        @Basic(optional = false)
        String code;
        @Column(columnDefinition = "jsonb")
        String attributes;
        @Column(columnDefinition = "int8 not null default 0")
        Long stock;
        @Column(columnDefinition = "character varying(20)")
        String sku;
        @Column(columnDefinition = "tsvector")
        String search;
        @Version
        Integer version;
        @Transient
        String computed;
        transient String cache;
        static String CONSTANT = "x";
        @jakarta.validation.constraints.NotNull
        String validated;
    }

    @Test
    void javaTypesMapToPortableTypes() {
        MetaData expected = new MetaData();
        expected.table("everything",
                column("id", BIGINT).primaryKey(),
                column("primitivelong", BIGINT).notNull(),
                column("boxedint", INTEGER),
                column("primitiveint", INTEGER).notNull(),
                column("boxedshort", SMALLINT),
                column("primitiveshort", SMALLINT).notNull(),
                column("primitivebyte", SMALLINT).notNull(),
                column("boxedboolean", BOOLEAN),
                column("primitiveboolean", BOOLEAN).notNull(),
                column("boxeddouble", DOUBLE),
                column("primitivefloat", REAL).notNull(),
                column("letter", charType(1)).notNull(),
                column("plainstring", varchar(255)),
                column("shortstring", varchar(40)),
                column("lobstring", TEXT),
                column("lobbytes", nativeType("oid")),
                column("bytes", BINARY),
                column("money", numeric(38, 2)),
                column("rate", numeric(10, 4)),
                column("whole", numeric(12, 0)),
                column("huge", numeric(38, 0)),
                column("uuid", UUID),
                // Hibernate spells out the precision of timestamps, though 6 is PostgreSQL's default
                column("instant", nativeType("timestamp(6) with time zone")),
                column("offsetdatetime", nativeType("timestamp(6) with time zone")),
                column("zoneddatetime", nativeType("timestamp(6) with time zone")),
                column("localdatetime", nativeType("timestamp(6) without time zone")),
                column("localdate", DATE),
                column("timeofday", nativeType("time(0) without time zone")),
                column("offsettime", nativeType("time(0) without time zone")),
                column("duration", numeric(21, 0)),
                column("legacydate", DATE),
                column("legacytimestamp", nativeType("timestamp(6) without time zone")),
                column("millis", nativeType("timestamp(3) with time zone")));
        Expect.sameModel(JpaModel.of(Everything.class), expected);
    }

    @Test
    void columnAttributesAndSkippedMembers() {
        MetaData expected = new MetaData();
        expected.table("widget",
                column("widget_id", INTEGER).primaryKey(),
                column("name", varchar(255)).notNull().unique().comment("shown to people"),
                column("code", varchar(255)).notNull(),
                column("attributes", JSONB),
                column("stock", BIGINT).notNull().defaultExpr("0"),
                column("sku", varchar(20)),
                column("search", nativeType("tsvector")),
                column("version", INTEGER).notNull(),
                column("validated", varchar(255)).notNull(),
                dev.retort.Dsl.comment("things we sell"));
        Expect.sameModel(JpaModel.of(Widget.class), expected);
    }
}
