package dev.retort.jpa;

import dev.retort.MetaData;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PrimaryKeyJoinColumn;
import org.junit.jupiter.api.Test;

import java.io.Serializable;

import static dev.retort.Dsl.column;
import static dev.retort.Dsl.foreignKey;
import static dev.retort.Dsl.primaryKey;
import static dev.retort.Dsl.unique;
import static dev.retort.Types.BIGINT;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.TEXT;
import static dev.retort.Types.varchar;

/** One-to-one keys, composite foreign keys and identifiers borrowed from relationships. */
class DerivedKeyTest {

    @Entity(name = "Account")
    static class Account {
        @Id
        Long id;
        @OneToOne
        Profile profile;
        @OneToOne(mappedBy = "account")
        Settings settings;
    }

    @Entity(name = "Profile")
    static class Profile {
        @Id
        Long id;
    }

    @Entity(name = "Settings")
    static class Settings {
        @Id
        Long id;
        @OneToOne(optional = false)
        @JoinColumn(unique = true)
        Account account;
    }

    /** Shares the key of its account: the key is also the foreign key. */
    @Entity(name = "Avatar")
    static class Avatar {
        @Id
        Long id;
        @OneToOne
        @MapsId
        Account account;
        @jakarta.persistence.Lob
        String svg;
    }

    @Test
    void oneToOneIsUniqueAndMapsIdBorrowsTheKey() {
        MetaData expected = new MetaData();
        expected.table("account",
                column("id", BIGINT).primaryKey(),
                column("profile_id", BIGINT).unique().references("profile.id"));
        expected.table("profile", column("id", BIGINT).primaryKey());
        expected.table("settings",
                column("id", BIGINT).primaryKey(),
                column("account_id", BIGINT).notNull().unique().references("account.id"));
        expected.table("avatar",
                column("account_id", BIGINT).primaryKey().references("account.id"),
                column("svg", TEXT));
        Expect.sameModel(JpaModel.of(Account.class, Settings.class, Avatar.class), expected);
    }

    @Embeddable
    static class RegionKey implements Serializable {
        @Column(length = 2)
        String country;
        Integer code;
    }

    @Entity(name = "Region")
    static class Region {
        @EmbeddedId
        RegionKey key;
        String label;
    }

    @Entity(name = "Office")
    static class Office {
        @Id
        Long id;
        @ManyToOne
        Region region;
        @ManyToOne
        @JoinColumns({
                @JoinColumn(name = "hq_code", referencedColumnName = "code"),
                @JoinColumn(name = "hq_country", referencedColumnName = "country")})
        Region headquarters;
    }

    static class DeskKey implements Serializable {
        Long office;
        Integer number;
    }

    @Entity(name = "Desk")
    @IdClass(DeskKey.class)
    static class Desk {
        @Id
        @ManyToOne
        Office office;
        @Id
        Integer number;
    }

    @Test
    void compositeForeignKeysAndToOneIdentifiers() {
        MetaData expected = new MetaData();
        expected.table("region",
                column("country", varchar(2)), column("code", INTEGER), column("label", varchar(255)),
                primaryKey("country", "code"));
        expected.table("office",
                column("id", BIGINT).primaryKey(),
                column("region_country", varchar(2)), column("region_code", INTEGER),
                column("hq_code", INTEGER), column("hq_country", varchar(2)),
                foreignKey("region_country", "region_code").references(null, "region", "country", "code"),
                foreignKey("hq_code", "hq_country").references(null, "region", "code", "country"));
        expected.table("desk",
                column("office_id", BIGINT).references("office.id"), column("number", INTEGER),
                primaryKey("office_id", "number"));
        Expect.sameModel(JpaModel.of(Region.class, Office.class, Desk.class), expected);
    }

    @Entity(name = "Person")
    static class Person {
        @Id
        Long id;
    }

    /** Shares its key with a person through the primary key, without a column of its own. */
    @Entity(name = "Passport")
    static class Passport {
        @Id
        Long id;
        @OneToOne
        @PrimaryKeyJoinColumn
        Person holder;
    }

    @Test
    void oneToOneOnThePrimaryKey() {
        MetaData expected = new MetaData();
        expected.table("person", column("id", BIGINT).primaryKey());
        // Hibernate declares no foreign key for a key shared through @PrimaryKeyJoinColumn
        expected.table("passport", column("id", BIGINT).primaryKey());
        Expect.sameModel(JpaModel.of(Person.class, Passport.class), expected);
    }
}
