package dev.retort.jpa;

import dev.retort.Identity;
import dev.retort.MetaData;
import jakarta.persistence.AssociationOverride;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.retort.Dsl.column;
import static dev.retort.Types.BIGINT;
import static dev.retort.Types.DOUBLE;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.UUID;
import static dev.retort.Types.nativeType;
import static dev.retort.Types.varchar;

/** Embeddables, attribute overrides and mapped superclasses (with a generic identifier). */
class EmbeddingTest {

    @Embeddable
    static class Point {
        double lat;
        double lon;
    }

    @Embeddable
    static class Address {
        String street;
        @Column(length = 10, nullable = false)
        String zip;
        Point point;
        @ManyToOne
        Country country;
    }

    @Entity(name = "Country")
    static class Country {
        @Id
        @Column(length = 2)
        String code;
    }

    @MappedSuperclass
    abstract static class Base<K> {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        K id;
        @Version
        long version;
        Instant createdAt;
    }

    @Entity(name = "Customer")
    @AttributeOverride(name = "createdAt", column = @Column(name = "created", nullable = false))
    static class Customer extends Base<Long> {
        @Embedded
        Address home;
        @Embedded
        @AttributeOverrides({
                @AttributeOverride(name = "street", column = @Column(name = "work_street")),
                @AttributeOverride(name = "zip", column = @Column(name = "work_zip", length = 12)),
                @AttributeOverride(name = "point.lat", column = @Column(name = "work_lat")),
                @AttributeOverride(name = "point.lon", column = @Column(name = "work_lon"))})
        @AssociationOverride(name = "country", joinColumns = @JoinColumn(name = "work_country"))
        Address work;
    }

    @Test
    void embeddablesAndMappedSuperclasses() {
        MetaData expected = new MetaData();
        expected.table("customer",
                column("id", BIGINT).primaryKey().identity(Identity.byDefault()),
                column("version", BIGINT).notNull(),
                column("created", nativeType("timestamp(6) with time zone")).notNull(),
                column("street", varchar(255)),
                column("zip", varchar(10)).notNull(),
                column("lat", DOUBLE),
                column("lon", DOUBLE),
                column("work_street", varchar(255)),
                column("work_zip", varchar(12)),
                column("work_lat", DOUBLE),
                column("work_lon", DOUBLE),
                column("country_code", varchar(2)).references("country.code"),
                column("work_country", varchar(2)).references("country.code"));
        expected.table("country", column("code", varchar(2)).primaryKey());
        MetaData actual = JpaModel.of(Customer.class);
        Expect.sameModel(actual, expected);
    }

    @MappedSuperclass
    abstract static class Tracked {
        @Id
        java.util.UUID id;
        int revision;
    }

    @Entity(name = "Note")
    static class Note extends Tracked {
        String body;
    }

    @Test
    void aMappedSuperclassGivesItsColumnsFirst() {
        MetaData expected = new MetaData();
        expected.table("note",
                column("id", UUID).primaryKey(),
                column("revision", INTEGER).notNull(),
                column("body", varchar(255)));
        Expect.sameModel(JpaModel.of(Note.class), expected);
    }
}
