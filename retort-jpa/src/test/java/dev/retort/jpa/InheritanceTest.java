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

import static dev.retort.Dsl.check;
import static dev.retort.Dsl.column;
import static dev.retort.Types.BIGINT;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.numeric;
import static dev.retort.Types.varchar;

class InheritanceTest {

    @Entity(name = "Animal")
    static class Animal {
        @Id
        @GeneratedValue
        Long id;
        @Column(nullable = false)
        String name;
    }

    @Entity(name = "Dog")
    @DiscriminatorValue("D")
    static class Dog extends Animal {
        @Column(nullable = false)
        boolean goodBoy;
    }

    @Entity(name = "Cat")
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
                column("enemy_id", BIGINT).references("animal.id"),
                // Hibernate's checks: the discriminator values, and what each subclass's own rows require
                check("dtype in ('Animal','D','Cat')").label("dtype"),
                check("dtype <> 'D' or goodboy is not null").label("dtype_2"),
                check("dtype <> 'Cat' or enemy_id is not null and lives is not null").label("dtype_3"));
        expected.addSequence(new Sequence(null, "animal_seq", BIGINT, 1L, 50L, null, null, null, false));
        Expect.sameModel(JpaModel.of(Animal.class, Dog.class, Cat.class), expected);
    }

    @Entity(name = "Vehicle")
    @DiscriminatorColumn(name = "kind", discriminatorType = DiscriminatorType.INTEGER)
    static class Vehicle {
        @Id
        Long id;
    }

    @Entity(name = "Truck")
    static class Truck extends Vehicle {
        int axles;
    }

    @Test
    void discriminatorColumnAsDeclared() {
        MetaData expected = new MetaData();
        expected.table("vehicle",
                column("id", BIGINT).primaryKey(),
                column("kind", INTEGER).notNull(),
                column("axles", INTEGER),
                // an INTEGER discriminator's values default to the hash of the entity name, as in Hibernate
                check("kind in (" + "Vehicle".hashCode() + "," + "Truck".hashCode() + ")").label("kind"),
                check("kind <> " + "Truck".hashCode() + " or axles is not null").label("kind_2"));
        Expect.sameModel(JpaModel.of(Vehicle.class, Truck.class), expected);
    }

    @Entity(name = "Payment")
    @Inheritance(strategy = InheritanceType.JOINED)
    @Table(name = "payment")
    static class Payment {
        @Id
        Long id;
        @Column(precision = 12, scale = 2)
        BigDecimal amount;
    }

    @Entity(name = "CardPayment")
    static class CardPayment extends Payment {
        @Column(length = 4)
        String last4;
    }

    @Entity(name = "BankPayment")
    @PrimaryKeyJoinColumn(name = "payment_id")
    static class BankPayment extends Payment {
        String iban;
    }

    @Entity(name = "SepaPayment")
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

    @Entity(name = "Shape")
    @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
    abstract static class Shape {
        @Id
        Long id;
        String colour;
    }

    @Entity(name = "Circle")
    static class Circle extends Shape {
        double radius;
    }

    @Entity(name = "Square")
    static class Square extends Shape {
        double side;
    }

    @Entity(name = "Drawing")
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
