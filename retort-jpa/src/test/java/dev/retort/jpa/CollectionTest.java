package dev.retort.jpa;

import dev.retort.MetaData;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.retort.Dsl.check;
import static dev.retort.Dsl.column;
import static dev.retort.Dsl.index;
import static dev.retort.Dsl.primaryKey;
import static dev.retort.Dsl.unique;
import static dev.retort.Types.BIGINT;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.varchar;

class CollectionTest {

    enum Role { ADMIN, USER }

    @Embeddable
    static class Phone {
        @Column(length = 5)
        String kind;
        @Column(nullable = false, length = 20)
        String number;
    }

    @Entity(name = "Member")
    static class Member {
        @Id
        Long id;
        @ElementCollection
        Set<String> tags;
        @ElementCollection
        List<String> nicknames;
        @ElementCollection
        @OrderColumn
        @Column(name = "line", length = 80)
        List<String> address;
        @ElementCollection
        @CollectionTable(name = "member_setting", joinColumns = @JoinColumn(name = "member"),
                indexes = @Index(columnList = "setting_key"))
        @MapKeyColumn(name = "setting_key", length = 40)
        @Column(name = "setting_value")
        Map<String, String> settings;
        @ElementCollection
        @Enumerated(EnumType.STRING)
        Set<Role> roles;
        @ElementCollection
        List<Phone> phones;
        @ElementCollection
        @Column(nullable = false)
        Set<String> codes;
        @ElementCollection
        @CollectionTable(name = "member_phone_set")
        Set<Phone> phoneSet;
    }

    @Test
    void elementCollectionsGetCollectionTables() {
        MetaData expected = new MetaData();
        expected.table("member", column("id", BIGINT).primaryKey());
        // a Set of nullable values: unique, no primary key (a key column cannot be null)
        expected.table("member_tags",
                column("member_id", BIGINT).notNull().references("member.id"),
                column("tags", varchar(255)),
                unique("member_id", "tags"));
        // a List is a bag: no key
        expected.table("member_nicknames",
                column("member_id", BIGINT).notNull().references("member.id"),
                column("nicknames", varchar(255)));
        expected.table("member_address",
                column("member_id", BIGINT).references("member.id"),
                column("address_order", INTEGER),
                column("line", varchar(80)),
                primaryKey("member_id", "address_order"),
                check("address_order >= 0").label("address_order"));
        expected.table("member_setting",
                column("member", BIGINT).references("member.id"),
                column("setting_key", varchar(40)),
                column("setting_value", varchar(255)),
                primaryKey("member", "setting_key"),
                index("setting_key"));
        expected.table("member_roles",
                column("member_id", BIGINT).notNull().references("member.id"),
                column("roles", varchar(255)),
                unique("member_id", "roles"),
                check("roles in ('ADMIN','USER')").label("roles"));
        expected.table("member_phones",
                column("member_id", BIGINT).notNull().references("member.id"),
                column("kind", varchar(5)),
                column("number", varchar(20)).notNull());
        // a Set whose values cannot be null: all its columns are the primary key
        expected.table("member_codes",
                column("member_id", BIGINT).references("member.id"),
                column("codes", varchar(255)),
                primaryKey("member_id", "codes"));
        expected.table("member_phone_set",
                column("member_id", BIGINT).notNull().references("member.id"),
                column("kind", varchar(5)),
                column("number", varchar(20)).notNull(),
                unique("member_id", "kind", "number"));
        Expect.sameModel(JpaModel.of(Member.class), expected);
    }
}
