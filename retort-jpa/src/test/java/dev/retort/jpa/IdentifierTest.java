package dev.retort.jpa;

import dev.retort.Identity;
import dev.retort.MetaData;
import dev.retort.Sequence;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.util.UUID;

import static dev.retort.Dsl.column;
import static dev.retort.Dsl.primaryKey;
import static dev.retort.Types.BIGINT;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.varchar;

class IdentifierTest {

    @Entity(name = "ByIdentity")
    static class ByIdentity {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
    }

    @Entity(name = "BySequence")
    static class BySequence {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "orders")
        @SequenceGenerator(name = "orders", sequenceName = "order_numbers", initialValue = 1000, allocationSize = 1)
        Long id;
    }

    @Entity(name = "ByAuto")
    static class ByAuto {
        @Id
        @GeneratedValue
        Integer id;
    }

    @Entity(name = "ByAutoInSchema")
    @Table(name = "ledger", schema = "accounts")
    static class ByAutoInSchema {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;
    }

    @Entity(name = "ByGeneratorNameOnly")
    static class ByGeneratorNameOnly {
        @Id
        @GeneratedValue(generator = "shared_seq")
        Long id;
    }

    @Entity(name = "AlsoByOrders")
    static class AlsoByOrders {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "orders")
        Long id;
    }

    @Entity(name = "ByUuid")
    static class ByUuid {
        @Id
        @GeneratedValue(strategy = GenerationType.UUID)
        UUID id;
    }

    @Entity(name = "ByTable")
    static class ByTable {
        @Id
        @GeneratedValue(strategy = GenerationType.TABLE, generator = "ids")
        @TableGenerator(name = "ids", table = "id_blocks")
        Long id;
    }

    @Test
    void generationStrategies() {
        MetaData expected = new MetaData();
        expected.table("byidentity", column("id", BIGINT).primaryKey().identity(Identity.byDefault()));
        expected.table("bysequence", column("id", BIGINT).primaryKey());
        expected.table("byauto", column("id", INTEGER).primaryKey());
        expected.tableIn("accounts", "ledger", column("id", BIGINT).primaryKey());
        expected.table("bygeneratornameonly", column("id", BIGINT).primaryKey());
        expected.table("alsobyorders", column("id", BIGINT).primaryKey());
        expected.table("byuuid", column("id", dev.retort.Types.UUID).primaryKey());
        expected.table("bytable", column("id", BIGINT).primaryKey());
        expected.table("id_blocks", column("sequence_name", varchar(255)).primaryKey(), column("next_val", BIGINT));
        expected.addSequence(new Sequence(null, "order_numbers", BIGINT, 1000L, 1L, null, null, null, false));
        expected.addSequence(new Sequence(null, "byauto_seq", BIGINT, 1L, 50L, null, null, null, false));
        expected.addSequence(new Sequence(null, "ledger_seq", BIGINT, 1L, 50L, null, null, null, false));
        expected.addSequence(new Sequence(null, "shared_seq", BIGINT, 1L, 50L, null, null, null, false));
        // a generator declared on another entity's attribute is not in scope (Hibernate 7): a sequence of that name
        expected.addSequence(new Sequence(null, "orders", BIGINT, 1L, 50L, null, null, null, false));

        MetaData actual = JpaModel.of(ByIdentity.class, BySequence.class, ByAuto.class, ByAutoInSchema.class,
                ByGeneratorNameOnly.class, AlsoByOrders.class, ByUuid.class, ByTable.class);
        Expect.sameModel(actual, expected);
    }

    static class LineKey implements Serializable {
        Long orderId;
        Integer lineNo;
    }

    @Entity(name = "Line")
    @IdClass(LineKey.class)
    static class Line {
        @Id
        Long orderId;
        @Id
        Integer lineNo;
        String sku;
    }

    @Embeddable
    static class StockKey implements Serializable {
        @Column(name = "warehouse", length = 8)
        String warehouseCode;
        String sku;
    }

    @Entity(name = "Stock")
    static class Stock {
        @EmbeddedId
        StockKey key;
        int quantity;
    }

    @Test
    void compositeIdentifiers() {
        MetaData expected = new MetaData();
        expected.table("line",
                column("orderid", BIGINT), column("lineno", INTEGER), column("sku", varchar(255)),
                primaryKey("orderid", "lineno"));
        expected.table("stock",
                column("warehouse", varchar(8)), column("sku", varchar(255)), column("quantity", INTEGER).notNull(),
                primaryKey("warehouse", "sku"));
        Expect.sameModel(JpaModel.of(Line.class, Stock.class), expected);
    }
}
