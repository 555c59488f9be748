package dev.retort.jpa;

import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second "done when": for every entity corpus of these tests, the schema Retort creates
 * is the schema Hibernate ORM creates, in tables, columns, types, nullability, defaults, keys, foreign
 * keys, checks, indexes and sequences, up to constraint names, except for the deliberate differences
 * each corpus lists (docs/jpa.md, "Deliberate differences from Hibernate ORM").
 */
class HibernateParityTest {
    // The deliberate differences, as docs/jpa.md lists them. Each allowed line starts with its reason's tag,
    // which the comparison strips: see allowed().
    /** {@code @Lob String} is text: Hibernate's oid leaves large objects behind (LobOnTextTest shows Hibernate reads and writes it). */
    static final String LOB_TEXT = "[lob as text] ";
    /** Key columns in declared order; Hibernate sorts them (composite ids by attribute name, others by its column ordering). */
    static final String KEY_ORDER = "[key order] ";
    /** The values of an @EnumeratedValue check in declaration order; Hibernate lists them in hash order. */
    static final String VALUE_ORDER = "[value order] ";
    /** @EnumeratedValue numbers that do not fit in smallint get integer; Hibernate's smallint rejects them. */
    static final String WIDE_ENUM = "[wide enum] ";
    /** @Column(nullable = false) in a SINGLE_TABLE subclass: nullable plus a check for its own rows, not a not-null that rejects its siblings' rows. */
    static final String SUBCLASS_NOT_NULL = "[subclass not null] ";
    /** A column mapped twice takes its nullability from the writable mapping, not from whichever Hibernate binds first. */
    static final String WRITABLE_MAPPING = "[writable mapping] ";

    /** Nested entity classes without a name: Hibernate names them {@code Outer$Inner}, and so must Retort. */
    @jakarta.persistence.Entity
    @jakarta.persistence.Inheritance
    static class Nested {
        @jakarta.persistence.Id
        @jakarta.persistence.GeneratedValue
        Long id;
        @jakarta.persistence.ManyToOne
        Nested parent;
        @jakarta.persistence.ElementCollection
        java.util.Set<String> tags;
    }

    @jakarta.persistence.Entity
    static class NestedLeaf extends Nested {
        int weight;
    }

    static List<ParityCorpus> corpora() {
        return List.of(
                ParityCorpus.of("basic_types", BasicMappingTest.Everything.class).allowing(
                        LOB_TEXT + "table tenant.everything: column lobstring type: hibernate native:oid, retort text"),
                ParityCorpus.of("column_attributes", BasicMappingTest.Widget.class),
                ParityCorpus.of("element_collections", CollectionTest.Member.class).allowing(
                        KEY_ORDER + "table tenant.member_address: primary key: hibernate [address_order, member_id], retort [member_id, address_order]"),
                ParityCorpus.of("converters", ConverterTest.Edition.class, ConverterTest.YearToText.class),
                ParityCorpus.of("one_to_one", DerivedKeyTest.Account.class, DerivedKeyTest.Profile.class,
                        DerivedKeyTest.Settings.class, DerivedKeyTest.Avatar.class).allowing(
                        LOB_TEXT + "table tenant.avatar: column svg type: hibernate native:oid, retort text"),
                ParityCorpus.of("composite_keys", DerivedKeyTest.Region.class, DerivedKeyTest.Office.class, DerivedKeyTest.Desk.class).allowing(
                        KEY_ORDER + "table tenant.desk: primary key: hibernate [number, office_id], retort [office_id, number]",
                        KEY_ORDER + "table tenant.region: primary key: hibernate [code, country], retort [country, code]"),
                ParityCorpus.of("primary_key_join", DerivedKeyTest.Person.class, DerivedKeyTest.Passport.class),
                ParityCorpus.of("embeddables", EmbeddingTest.Customer.class, EmbeddingTest.Country.class),
                ParityCorpus.of("mapped_superclass", EmbeddingTest.Note.class),
                ParityCorpus.of("enums", EnumMappingTest.Invoice.class, EnumMappingTest.Quoting.class).allowing(
                        VALUE_ORDER + "table tenant.invoice: check coded = ANY (ARRAY[10, 20]): hibernate absent, retort present",
                        VALUE_ORDER + "table tenant.invoice: check coded = ANY (ARRAY[20, 10]): hibernate present, retort absent"),
                ParityCorpus.of("wide_enums_and_numeric_booleans", EnumMappingTest.Wider.class).allowing(
                        WIDE_ENUM + "table tenant.wider: column wide type: hibernate smallint, retort integer"),
                ParityCorpus.of("hibernate_annotations", HibernateAnnotationsTest.Owner.class, HibernateAnnotationsTest.Pet.class),
                ParityCorpus.of("generation", IdentifierTest.ByIdentity.class, IdentifierTest.BySequence.class,
                        IdentifierTest.ByAuto.class, IdentifierTest.ByAutoInSchema.class, IdentifierTest.ByGeneratorNameOnly.class,
                        IdentifierTest.AlsoByOrders.class, IdentifierTest.ByUuid.class, IdentifierTest.ByTable.class),
                ParityCorpus.of("composite_ids", IdentifierTest.Line.class, IdentifierTest.Stock.class).allowing(
                        KEY_ORDER + "table tenant.line: primary key: hibernate [lineno, orderid], retort [orderid, lineno]"),
                ParityCorpus.of("indexes", IndexTest.Team.class, IndexTest.Employee.class).naming(NamingStrategy.SNAKE_CASE, true),
                ParityCorpus.of("single_table", InheritanceTest.Animal.class, InheritanceTest.Dog.class, InheritanceTest.Cat.class).allowing(
                        SUBCLASS_NOT_NULL + "table tenant.animal: column goodboy nullable: hibernate false, retort true",
                        SUBCLASS_NOT_NULL + "table tenant.animal: check dtype::text <> 'D'::text OR goodboy IS NOT NULL: hibernate absent, retort present"),
                ParityCorpus.of("discriminator", InheritanceTest.Vehicle.class, InheritanceTest.Truck.class),
                ParityCorpus.of("joined", InheritanceTest.Payment.class, InheritanceTest.CardPayment.class,
                        InheritanceTest.BankPayment.class, InheritanceTest.SepaPayment.class),
                ParityCorpus.of("table_per_class", InheritanceTest.Shape.class, InheritanceTest.Circle.class,
                        InheritanceTest.Square.class, InheritanceTest.Drawing.class),
                ParityCorpus.of("shared_table", MappingErrorTest.SharedA.class, MappingErrorTest.SharedC.class),
                ParityCorpus.of("read_only_copy", MappingErrorTest.ReadOnlyCopy.class, MappingErrorTest.Target.class).allowing(
                        WRITABLE_MAPPING + "table tenant.readonlycopy: column ref nullable: hibernate true, retort false"),
                naming("naming_jpa", NamingStrategy.JPA_DEFAULT, true),
                naming("naming_unfolded", NamingStrategy.JPA_DEFAULT, false),
                naming("naming_snake", NamingStrategy.SNAKE_CASE, true),
                ParityCorpus.of("package_scan", dev.retort.jpa.scan.Writer.class, dev.retort.jpa.scan.sub.Draft.class,
                        dev.retort.jpa.scan.MoneyConverter.class),
                ParityCorpus.of("property_access", PropertyAccessTest.Gadget.class),
                ParityCorpus.of("relationships", RelationshipTest.Book.class, RelationshipTest.Author.class,
                        RelationshipTest.Publisher.class, RelationshipTest.Tag.class).allowing(
                        KEY_ORDER + "table tenant.book_author: primary key: hibernate [authors_id, books_id], retort [books_id, authors_id]"),
                ParityCorpus.of("ordered_and_one_to_many", RelationshipTest.Playlist.class, RelationshipTest.Tag.class,
                        RelationshipTest.Track.class).allowing(
                        KEY_ORDER + "table tenant.playlist_tag: primary key: hibernate [ranked_order, playlist_id], retort [playlist_id, ranked_order]"),
                ParityCorpus.of("schemas", SchemaTest.Project.class, SchemaTest.Tenant.class),
                ParityCorpus.of("nested_classes", Nested.class, NestedLeaf.class));
    }

    private static ParityCorpus naming(String name, NamingStrategy strategy, boolean fold) {
        return ParityCorpus.of(name, NamingTest.BookAuthor.class, NamingTest.PublishingHouse.class, NamingTest.Genre.class,
                NamingTest.Legacy.class).naming(strategy, fold);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpora")
    void retortCreatesTheSchemaHibernateCreates(ParityCorpus corpus) throws Exception {
        TestDatabase db = TestDatabase.postgres();
        SchemaShape hibernate = SchemaShape.of(ParityDatabases.byHibernate(db, corpus));
        SchemaShape retort = SchemaShape.of(ParityDatabases.byRetort(db, corpus));
        assertThat(SchemaShape.differences(hibernate, retort)).as("differences from Hibernate ORM")
                .containsExactlyInAnyOrderElementsOf(allowed(corpus));
    }

    private static List<String> allowed(ParityCorpus corpus) {
        return corpus.allowedDifferences().stream().map(d -> d.substring(d.indexOf("] ") + 2)).toList();
    }
}
