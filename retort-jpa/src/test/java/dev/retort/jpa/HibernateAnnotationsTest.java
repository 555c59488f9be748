package dev.retort.jpa;

import dev.retort.MetaData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.junit.jupiter.api.Test;

import static dev.retort.Dsl.CASCADE;
import static dev.retort.Dsl.column;
import static dev.retort.Types.BIGINT;
import static dev.retort.Types.INTEGER;

/** The two Hibernate annotations that change DDL most often, read by name without Hibernate. */
class HibernateAnnotationsTest {

    @Entity(name = "Owner")
    static class Owner {
        @Id
        Long id;
    }

    @Entity(name = "Pet")
    static class Pet {
        @Id
        Long id;
        @ColumnDefault("0")
        Integer visits;
        @ManyToOne
        @OnDelete(action = OnDeleteAction.CASCADE)
        Owner owner;
    }

    @Test
    void columnDefaultAndOnDelete() {
        MetaData expected = new MetaData();
        expected.table("owner", column("id", BIGINT).primaryKey());
        expected.table("pet",
                column("id", BIGINT).primaryKey(),
                column("visits", INTEGER).defaultExpr("0"),
                column("owner_id", BIGINT).references("owner.id").onDelete(CASCADE));
        Expect.sameModel(JpaModel.of(Pet.class), expected);
    }
}
