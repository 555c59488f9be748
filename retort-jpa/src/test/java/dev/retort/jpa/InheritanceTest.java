package dev.retort.jpa;

import dev.retort.MetaData;
import dev.retort.Sequence;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static dev.retort.Dsl.column;
import static dev.retort.Types.BIGINT;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.numeric;
import static dev.retort.Types.varchar;

class InheritanceTest {

    @Entity
    static class Animal {
        @Id
        @GeneratedValue
        Long id;
        @Column(nullable = false)
        String name;
    }

    @Entity
    @DiscriminatorValue("D")
    static class Dog extends Animal {
        @Column(nullable = false)
        boolean goodBoy;
    }

    @Entity
    static class Cat extends Animal {
        int lives;
        @ManyToOne(optional = false)
        Dog enemy;
    }

    @Test
    void singleTableAddsADiscriminatorAndMakesSubclassColumnsNullable() {
        MetaData expected = new MetaData();
        expected.table("animal",
                column("id", BIGINT).primaryKey(),
                column("dtype", varchar(31)).notNull(),
                column("name", varchar(255)).notNull(),
                column("goodboy", dev.retort.Types.BOOLEAN),
                column("lives", INTEGER),
                column("enemy_id", BIGINT).references("animal.id"));
        expected.addSequence(new Sequence(null, "animal_seq", BIGINT, 1L, 50L, null, null, null, false));
        Expect.sameModel(JpaModel.of(Animal.class, Dog.class, Cat.class), expected);
    }

    @Entity
    @DiscriminatorColumn(name = "kind", discriminatorType = DiscriminatorType.INTEGER)
    static class Vehicle {
        @Id
        Long id;
    }

    @Entity
    static class Truck extends Vehicle {
        int axles;
    }

    @Test
    void discriminatorColumnAsDeclared() {
        MetaData expected = new MetaData();
        expected.table("vehicle",
                column("id", BIGINT).primaryKey(),
                column("kind", INTEGER).notNull(),
                column("axles", INTEGER));
        Expect.sameModel(JpaModel.of(Vehicle.class, Truck.class), expected);
    }

    @Entity
    @Inheritance(strategy = InheritanceType.JOINED)
    @Table(name = "payment")
    static class Payment {
        @Id
        Long id;
        @Column(precision = 12, scale = 2)
        BigDecimal amount;
    }

    @Entity
    static class CardPayment extends Payment {
        @Column(length = 4)
        String last4;
    }

    @Entity
    @PrimaryKeyJoinColumn(name = "payment_id")
    static class BankPayment extends Payment {
        String iban;
    }

    @Entity
    static class SepaPayment extends BankPayment {
        String mandate;
    }

    @Test
    void joinedGivesEachSubclassATableKeyedByItsParent() {
        MetaData expected = new MetaData();
        expected.table("payment",
                column("id", BIGINT).primaryKey(),
                column("amount", numeric(12, 2)));
        expected.table("cardpayment",
                column("id", BIGINT).primaryKey().references("payment.id"),
                column("last4", varchar(4)));
        expected.table("bankpayment",
                column("payment_id", BIGINT).primaryKey().references("payment.id"),
                column("iban", varchar(255)));
        expected.table("sepapayment",
                column("payment_id", BIGINT).primaryKey().references("bankpayment.payment_id"),
                column("mandate", varchar(255)));
        Expect.sameModel(JpaModel.of(Payment.class, CardPayment.class, BankPayment.class, SepaPayment.class), expected);
    }

    @Entity
    @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
    abstract static class Shape {
        @Id
        Long id;
        String colour;
    }

    @Entity
    static class Circle extends Shape {
        double radius;
    }

    @Entity
    static class Square extends Shape {
        double side;
    }

    @Entity
    static class Drawing {
        @Id
        Long id;
        @ManyToOne
        Shape shape;
        @ManyToOne
        Circle circle;
    }

    @Test
    void tablePerClassRepeatsInheritedColumnsAndHasNoKeyToTheUnion() {
        MetaData expected = new MetaData();
        expected.table("circle",
                column("id", BIGINT).primaryKey(),
                column("colour", varchar(255)),
                column("radius", dev.retort.Types.DOUBLE).notNull());
        expected.table("square",
                column("id", BIGINT).primaryKey(),
                column("colour", varchar(255)),
                column("side", dev.retort.Types.DOUBLE).notNull());
        expected.table("drawing",
                column("id", BIGINT).primaryKey(),
                column("shape_id", BIGINT),
                column("circle_id", BIGINT).references("circle.id"));
        Expect.sameModel(JpaModel.of(Shape.class, Circle.class, Square.class, Drawing.class), expected);
    }
}
