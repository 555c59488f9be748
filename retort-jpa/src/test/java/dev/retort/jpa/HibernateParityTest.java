package dev.retort.jpa;

import dev.retort.jpa.apps.clinic.Owner;
import dev.retort.testkit.TestDatabase;
import jakarta.validation.groups.Default;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Retort's schema is the schema Hibernate ORM creates, for every entity corpus of these tests, and
 * autogenerate finds nothing to change in a database Hibernate created: for each corpus, Hibernate and
 * Retort each create its schema in a new database; the two catalogs, read with plain catalog queries
 * ({@link CatalogShape}), must differ exactly by the deliberate differences the corpus lists
 * (docs/jpa.md, "Deliberate differences from Hibernate ORM"), and {@code revision --autogenerate}
 * against Hibernate's must write exactly the operations those differences call for, against Retort's
 * nothing.
 */
class HibernateParityTest {
    // The deliberate differences, as docs/jpa.md lists them. Each expected line starts with its reason's tag,
    // which the comparison strips: see untagged().
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
    // The bounds of @Min and @Max, lower first where Hibernate's order changes from run to run, are found by BoundOrder.

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
        List<ParityCorpus> all = new ArrayList<>(List.of(
                ParityCorpus.of("basic_types", BasicMappingTest.Everything.class)
                        .allowing(LOB_TEXT + "table tenant.everything: column lobstring type: hibernate oid, retort text")
                        .autogenerating(LOB_TEXT + "alter column everything.lobstring: type native:oid -> text"),
                ParityCorpus.of("column_attributes", BasicMappingTest.Widget.class),
                ParityCorpus.of("element_collections", CollectionTest.Member.class)
                        .allowing(KEY_ORDER + "table tenant.member_address: primary key: hibernate PRIMARY KEY (address_order, member_id), "
                                + "retort PRIMARY KEY (member_id, address_order)")
                        .autogenerating(KEY_ORDER + "drop constraint member_address_pkey on member_address",
                                KEY_ORDER + "add constraint pk_member_address on member_address"),
                ParityCorpus.of("converters", ConverterTest.Edition.class, ConverterTest.YearToText.class),
                ParityCorpus.of("one_to_one", DerivedKeyTest.Account.class, DerivedKeyTest.Profile.class,
                                DerivedKeyTest.Settings.class, DerivedKeyTest.Avatar.class)
                        .allowing(LOB_TEXT + "table tenant.avatar: column svg type: hibernate oid, retort text")
                        .autogenerating(LOB_TEXT + "alter column avatar.svg: type native:oid -> text"),
                ParityCorpus.of("composite_keys", DerivedKeyTest.Region.class, DerivedKeyTest.Office.class, DerivedKeyTest.Desk.class)
                        .allowing(KEY_ORDER + "table tenant.desk: primary key: hibernate PRIMARY KEY (number, office_id), "
                                        + "retort PRIMARY KEY (office_id, number)",
                                KEY_ORDER + "table tenant.region: primary key: hibernate PRIMARY KEY (code, country), "
                                        + "retort PRIMARY KEY (country, code)",
                                // the foreign key lists its columns in the order of the key it refers to
                                KEY_ORDER + "table tenant.office: constraint FOREIGN KEY (region_code, region_country) "
                                        + "REFERENCES tenant.region(code, country): hibernate 1, retort absent",
                                KEY_ORDER + "table tenant.office: constraint FOREIGN KEY (region_country, region_code) "
                                        + "REFERENCES tenant.region(country, code): hibernate absent, retort 1")
                        // both foreign keys to region make way for its new key, and one comes back with its columns reordered
                        .autogenerating(KEY_ORDER + "drop constraint fk20nbdantqrbjbn7e3dseyk5yf on office",
                                KEY_ORDER + "drop constraint fkoqx6yqjd16a2hkb35hwwqoea5 on office",
                                KEY_ORDER + "drop constraint region_pkey on region",
                                KEY_ORDER + "drop constraint desk_pkey on desk",
                                KEY_ORDER + "add constraint pk_region on region",
                                KEY_ORDER + "add constraint pk_desk on desk",
                                KEY_ORDER + "add constraint fk_office_region_country_region_code_region on office",
                                KEY_ORDER + "add constraint fk_office_hq_code_hq_country_region on office"),
                ParityCorpus.of("primary_key_join", DerivedKeyTest.Person.class, DerivedKeyTest.Passport.class),
                ParityCorpus.of("embeddables", EmbeddingTest.Customer.class, EmbeddingTest.Country.class),
                ParityCorpus.of("mapped_superclass", EmbeddingTest.Note.class),
                ParityCorpus.of("enums", EnumMappingTest.Invoice.class, EnumMappingTest.Quoting.class)
                        .allowing(VALUE_ORDER + "table tenant.invoice: constraint CHECK ((coded = ANY (ARRAY[10, 20]))): hibernate absent, retort 1",
                                VALUE_ORDER + "table tenant.invoice: constraint CHECK ((coded = ANY (ARRAY[20, 10]))): hibernate 1, retort absent")
                        .autogenerating(VALUE_ORDER + "drop constraint invoice_coded_check on invoice",
                                VALUE_ORDER + "add constraint ck_invoice_coded on invoice"),
                ParityCorpus.of("wide_enums_and_numeric_booleans", EnumMappingTest.Wider.class)
                        .allowing(WIDE_ENUM + "table tenant.wider: column wide type: hibernate smallint, retort integer")
                        .autogenerating(WIDE_ENUM + "drop constraint wider_wide_check on wider",
                                WIDE_ENUM + "alter column wider.wide: type smallint -> integer",
                                WIDE_ENUM + "add constraint ck_wider_wide on wider"),
                ParityCorpus.of("hibernate_annotations", HibernateAnnotationsTest.Owner.class, HibernateAnnotationsTest.Pet.class),
                ParityCorpus.of("generation", IdentifierTest.ByIdentity.class, IdentifierTest.BySequence.class,
                        IdentifierTest.ByAuto.class, IdentifierTest.ByAutoInSchema.class, IdentifierTest.ByGeneratorNameOnly.class,
                        IdentifierTest.AlsoByOrders.class, IdentifierTest.ByUuid.class, IdentifierTest.ByTable.class),
                ParityCorpus.of("composite_ids", IdentifierTest.Line.class, IdentifierTest.Stock.class)
                        .allowing(KEY_ORDER + "table tenant.line: primary key: hibernate PRIMARY KEY (lineno, orderid), "
                                + "retort PRIMARY KEY (orderid, lineno)")
                        .autogenerating(KEY_ORDER + "drop constraint line_pkey on line", KEY_ORDER + "add constraint pk_line on line"),
                ParityCorpus.of("indexes", IndexTest.Team.class, IndexTest.Employee.class).naming(NamingStrategy.SNAKE_CASE, true),
                ParityCorpus.of("single_table", InheritanceTest.Animal.class, InheritanceTest.Dog.class, InheritanceTest.Cat.class)
                        .allowing(SUBCLASS_NOT_NULL + "table tenant.animal: column goodboy not null: hibernate true, retort false",
                                SUBCLASS_NOT_NULL + "table tenant.animal: constraint CHECK ((((dtype)::text <> 'D'::text) "
                                        + "OR (goodboy IS NOT NULL))): hibernate absent, retort 1")
                        .autogenerating(SUBCLASS_NOT_NULL + "alter column animal.goodboy: drop not null",
                                SUBCLASS_NOT_NULL + "add constraint ck_animal_dtype_2 on animal"),
                ParityCorpus.of("discriminator", InheritanceTest.Vehicle.class, InheritanceTest.Truck.class),
                ParityCorpus.of("joined", InheritanceTest.Payment.class, InheritanceTest.CardPayment.class,
                        InheritanceTest.BankPayment.class, InheritanceTest.SepaPayment.class),
                ParityCorpus.of("table_per_class", InheritanceTest.Shape.class, InheritanceTest.Circle.class,
                        InheritanceTest.Square.class, InheritanceTest.Drawing.class),
                ParityCorpus.of("shared_table", MappingErrorTest.SharedA.class, MappingErrorTest.SharedC.class),
                ParityCorpus.of("read_only_copy", MappingErrorTest.ReadOnlyCopy.class, MappingErrorTest.Target.class)
                        .allowing(WRITABLE_MAPPING + "table tenant.readonlycopy: column ref not null: hibernate false, retort true")
                        .autogenerating(WRITABLE_MAPPING + "alter column readonlycopy.ref: set not null"),
                naming("naming_jpa", NamingStrategy.JPA_DEFAULT, true),
                naming("naming_unfolded", NamingStrategy.JPA_DEFAULT, false),
                naming("naming_snake", NamingStrategy.SNAKE_CASE, true),
                ParityCorpus.of("package_scan", dev.retort.jpa.scan.Writer.class, dev.retort.jpa.scan.sub.Draft.class,
                        dev.retort.jpa.scan.MoneyConverter.class),
                ParityCorpus.of("property_access", PropertyAccessTest.Gadget.class),
                ParityCorpus.of("relationships", RelationshipTest.Book.class, RelationshipTest.Author.class,
                                RelationshipTest.Publisher.class, RelationshipTest.Tag.class)
                        .allowing(KEY_ORDER + "table tenant.book_author: primary key: hibernate PRIMARY KEY (authors_id, books_id), "
                                + "retort PRIMARY KEY (books_id, authors_id)")
                        .autogenerating(KEY_ORDER + "drop constraint book_author_pkey on book_author",
                                KEY_ORDER + "add constraint pk_book_author on book_author"),
                ParityCorpus.of("ordered_and_one_to_many", RelationshipTest.Playlist.class, RelationshipTest.Tag.class,
                                RelationshipTest.Track.class)
                        .allowing(KEY_ORDER + "table tenant.playlist_tag: primary key: hibernate PRIMARY KEY (ranked_order, playlist_id), "
                                + "retort PRIMARY KEY (playlist_id, ranked_order)")
                        .autogenerating(KEY_ORDER + "drop constraint playlist_tag_pkey on playlist_tag",
                                KEY_ORDER + "add constraint pk_playlist_tag on playlist_tag"),
                ParityCorpus.of("schemas", SchemaTest.Project.class, SchemaTest.Tenant.class),
                ParityCorpus.of("nested_classes", Nested.class, NestedLeaf.class),
                ParityCorpus.of("temporal_types", TemporalTypesTest.Moment.class),
                ParityCorpus.of("bean_validation", BeanValidationTest.Sample.class, BeanValidationTest.Tag.class,
                                BeanValidationTest.Paired.class)
                        .allowing(LOB_TEXT + "table tenant.sample: column lob type: hibernate oid, retort text")
                        .autogenerating(LOB_TEXT + "alter column sample.lob: type native:oid -> text")));
        all.addAll(applications());
        return all;
    }

    /** Entities shaped like real applications', each read in both naming modes. */
    private static List<ParityCorpus> applications() {
        String clinic = "dev.retort.jpa.apps.clinic";
        String shop = "dev.retort.jpa.apps.shop";
        String billing = "dev.retort.jpa.apps.billing";
        String[] vetKey = {
                KEY_ORDER + "table tenant.vet_specialties: primary key: hibernate PRIMARY KEY (specialty_id, vet_id), "
                        + "retort PRIMARY KEY (vet_id, specialty_id)"};
        String[] vetKeyReplaced = {
                KEY_ORDER + "drop constraint vet_specialties_pkey on vet_specialties",
                KEY_ORDER + "add constraint pk_vet_specialties on vet_specialties"};
        String[] shopLobs = {
                LOB_TEXT + "table tenant.orders: column notes type: hibernate oid, retort text",
                LOB_TEXT + "table tenant.product: column description type: hibernate oid, retort text"};
        String[] shopLobsAltered = {
                LOB_TEXT + "alter column orders.notes: type native:oid -> text",
                LOB_TEXT + "alter column product.description: type native:oid -> text"};
        return List.of(
                ParityCorpus.ofPackage("clinic", clinic).allowing(vetKey).autogenerating(vetKeyReplaced),
                ParityCorpus.ofPackage("clinic_snake", clinic).naming(NamingStrategy.SNAKE_CASE, true)
                        .allowing(vetKey).autogenerating(vetKeyReplaced),
                // without a validator Hibernate applies no constraint, and neither does Retort told so
                ParityCorpus.ofPackage("clinic_without_validation", clinic).validation(BeanValidation.NONE)
                        .allowing(vetKey).autogenerating(vetKeyReplaced),
                // a group of the application's own added to Default: a pet's adoption date becomes required
                ParityCorpus.ofPackage("clinic_with_registration_group", clinic).validationGroups(Default.class, Owner.Registration.class)
                        .allowing(vetKey).autogenerating(vetKeyReplaced),
                ParityCorpus.ofPackage("shop", shop).allowing(shopLobs).autogenerating(shopLobsAltered),
                ParityCorpus.ofPackage("shop_snake", shop).naming(NamingStrategy.SNAKE_CASE, true)
                        .allowing(concat(shopLobs, KEY_ORDER + "table tenant.product_translations: primary key: "
                                + "hibernate PRIMARY KEY (locale, product_id), retort PRIMARY KEY (product_id, locale)"))
                        .autogenerating(concat(shopLobsAltered,
                                KEY_ORDER + "drop constraint product_translations_pkey on product_translations",
                                KEY_ORDER + "add constraint pk_product_translations on product_translations")),
                ParityCorpus.ofPackage("billing", billing),
                ParityCorpus.ofPackage("billing_snake", billing).naming(NamingStrategy.SNAKE_CASE, true));
    }

    private static ParityCorpus naming(String name, NamingStrategy strategy, boolean fold) {
        return ParityCorpus.of(name, NamingTest.BookAuthor.class, NamingTest.PublishingHouse.class, NamingTest.Genre.class,
                NamingTest.Legacy.class).naming(strategy, fold);
    }

    private static String[] concat(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpora")
    void retortCreatesTheSchemaHibernateCreates(ParityCorpus corpus, @TempDir Path migrations) throws Exception {
        TestDatabase db = TestDatabase.postgres();
        String hibernateUrl = ParityDatabases.byHibernate(db, corpus);
        String retortUrl = ParityDatabases.byRetort(db, corpus);
        try {
            compare(corpus, hibernateUrl, retortUrl, migrations);
        } finally {
            ParityDatabases.drop(db, hibernateUrl);
            ParityDatabases.drop(db, retortUrl);
        }
    }

    private static void compare(ParityCorpus corpus, String hibernateUrl, String retortUrl, Path migrations) throws Exception {
        List<String> expectedDifferences = new ArrayList<>(untagged(corpus.differences()));
        List<String> expectedOperations = new ArrayList<>(untagged(corpus.autogenerated()));
        List<String> differences;
        try (Connection h = TestDatabase.dataSource(hibernateUrl).getConnection();
             Connection r = TestDatabase.dataSource(retortUrl).getConnection()) {
            differences = CatalogShape.differences(CatalogShape.read(h), CatalogShape.read(r));
            BoundOrder.Expected bounds = BoundOrder.between(h, r);
            expectedDifferences.addAll(bounds.differences());
            expectedOperations.addAll(bounds.autogenerated());
        }
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(differences).as("how the catalogs differ").containsExactlyInAnyOrderElementsOf(expectedDifferences);
        soft.assertThat(ParityDatabases.autogenerate(hibernateUrl, corpus, Files.createDirectories(migrations.resolve("hibernate"))))
                .as("what autogenerate writes against the schema Hibernate created")
                .containsExactlyInAnyOrderElementsOf(expectedOperations);
        soft.assertThat(ParityDatabases.autogenerate(retortUrl, corpus, Files.createDirectories(migrations.resolve("retort"))))
                .as("what autogenerate writes against the schema Retort created").isEmpty();
        soft.assertAll();
    }

    /** The lines without the tag of their reason. */
    private static List<String> untagged(Collection<String> tagged) {
        return tagged.stream().map(d -> d.substring(d.indexOf("] ") + 2)).toList();
    }
}
