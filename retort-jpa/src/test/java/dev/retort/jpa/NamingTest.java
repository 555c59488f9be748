package dev.retort.jpa;

import dev.retort.MetaData;
import dev.retort.NamingConvention;
import dev.retort.Sequence;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static dev.retort.Dsl.column;
import static dev.retort.Dsl.primaryKey;
import static dev.retort.Dsl.unique;
import static dev.retort.Types.BIGINT;
import static dev.retort.Types.varchar;
import static org.assertj.core.api.Assertions.assertThat;

class NamingTest {

    @Entity(name = "BookAuthor")
    static class BookAuthor {
        @Id
        @GeneratedValue
        Long id;
        String firstName;
        @Column(name = "ISBN10Code")
        String isbn;
        @ManyToOne
        PublishingHouse publishingHouse;
        @ManyToMany
        Set<Genre> favouriteGenres;
        @ElementCollection
        Set<String> penNames;
    }

    @Entity(name = "PublishingHouse")
    static class PublishingHouse {
        @Id
        Long houseId;
    }

    @Entity(name = "Genre")
    static class Genre {
        @Id
        Long id;
    }

    @Entity(name = "Legacy")
    @Table(name = "\"Legacy Thing\"")
    static class Legacy {
        @Id
        @Column(name = "`ID`")
        Long id;
        String someValue;
    }

    private static MetaData read(NamingStrategy strategy, boolean fold) {
        return JpaModel.builder().namingStrategy(strategy).foldUnquotedNames(fold)
                .entities(BookAuthor.class, PublishingHouse.class, Genre.class, Legacy.class).build();
    }

    @Test
    void snakeCaseAsSpringBootNamesThings() {
        MetaData expected = new MetaData();
        expected.table("book_author",
                column("id", BIGINT).primaryKey(),
                column("first_name", varchar(255)),
                column("isbn10_code", varchar(255)),
                column("publishing_house_house_id", BIGINT).references("publishing_house.house_id"));
        expected.table("publishing_house", column("house_id", BIGINT).primaryKey());
        expected.table("genre", column("id", BIGINT).primaryKey());
        expected.table("Legacy Thing", column("ID", BIGINT).primaryKey(), column("some_value", varchar(255)));
        expected.table("book_author_favourite_genres",
                column("book_author_id", BIGINT).references("book_author.id"),
                column("favourite_genres_id", BIGINT).references("genre.id"),
                primaryKey("book_author_id", "favourite_genres_id"));
        expected.table("book_author_pen_names",
                column("book_author_id", BIGINT).notNull().references("book_author.id"),
                column("pen_names", varchar(255)),
                unique("book_author_id", "pen_names"));
        expected.addSequence(new Sequence(null, "book_author_seq", BIGINT, 1L, 50L, null, null, null, false));
        Expect.sameModel(read(NamingStrategy.SNAKE_CASE, true), expected);
    }

    @Test
    void specificationNamesFoldedAsPostgresqlFoldsHibernatesUnquotedNames() {
        MetaData expected = new MetaData();
        expected.table("bookauthor",
                column("id", BIGINT).primaryKey(),
                column("firstname", varchar(255)),
                column("isbn10code", varchar(255)),
                column("publishinghouse_houseid", BIGINT).references("publishinghouse.houseid"));
        expected.table("publishinghouse", column("houseid", BIGINT).primaryKey());
        expected.table("genre", column("id", BIGINT).primaryKey());
        expected.table("Legacy Thing", column("ID", BIGINT).primaryKey(), column("somevalue", varchar(255)));
        expected.table("bookauthor_genre",
                column("bookauthor_id", BIGINT).references("bookauthor.id"),
                column("favouritegenres_id", BIGINT).references("genre.id"),
                primaryKey("bookauthor_id", "favouritegenres_id"));
        expected.table("bookauthor_pennames",
                column("bookauthor_id", BIGINT).notNull().references("bookauthor.id"),
                column("pennames", varchar(255)),
                unique("bookauthor_id", "pennames"));
        expected.addSequence(new Sequence(null, "bookauthor_seq", BIGINT, 1L, 50L, null, null, null, false));
        Expect.sameModel(read(NamingStrategy.JPA_DEFAULT, true), expected);
    }

    /** A nested entity class without a name: Hibernate names it, and so its tables, {@code Outer$Inner}. */
    @Entity
    static class Unnamed {
        @Id
        Long id;
        @ElementCollection
        Set<String> labels;
    }

    @Test
    void aNestedClassIsNamedAsHibernateNamesIt() {
        MetaData actual = JpaModel.of(Unnamed.class);
        assertThat(actual.tables()).containsOnlyKeys("namingtest$unnamed", "namingtest$unnamed_labels");
        assertThat(actual.get("namingtest$unnamed_labels").columns()).extracting(c -> c.name())
                .containsExactly("namingtest$unnamed_id", "labels");
        assertThat(JpaModel.builder().namingStrategy(NamingStrategy.SNAKE_CASE).entities(Unnamed.class).build().tables())
                .containsOnlyKeys("naming_test$unnamed", "naming_test$unnamed_labels");
    }

    @Test
    void specificationNamesAsWritten() {
        MetaData actual = read(NamingStrategy.JPA_DEFAULT, false);
        assertThat(actual.tables()).containsOnlyKeys("BookAuthor", "PublishingHouse", "Genre", "Legacy Thing",
                "BookAuthor_Genre", "BookAuthor_penNames");
        assertThat(actual.get("BookAuthor").columns()).extracting(c -> c.name())
                .containsExactly("id", "firstName", "ISBN10Code", "publishingHouse_houseId");
        assertThat(actual.get("BookAuthor_Genre").columns()).extracting(c -> c.name())
                .containsExactly("BookAuthor_id", "favouriteGenres_id");
        assertThat(actual.sequences()).containsOnlyKeys("BookAuthor_SEQ");
    }

    @Test
    void theNamingConventionNamesConstraints() {
        NamingConvention convention = new NamingConvention("{table}_pkey", "{table}_{column_0_N}_fkey", "{table}_{column_0_N}_key",
                "{table}_{column_0_N}_idx", "{table}_{constraint_name}_check");
        MetaData actual = JpaModel.builder().namingConvention(convention).entities(BookAuthor.class).build();
        assertThat(actual.namingConvention()).isEqualTo(convention);
        assertThat(actual.get("bookauthor").primaryKey().name()).isEqualTo("bookauthor_pkey");
        assertThat(actual.get("bookauthor").foreignKeys().get(0).name()).isEqualTo("bookauthor_publishinghouse_houseid_fkey");
    }

    @Test
    void snakeCaseRule() {
        assertThat(Names.snake("firstName")).isEqualTo("first_name");
        assertThat(Names.snake("HTTPServer")).isEqualTo("httpserver");
        assertThat(Names.snake("myHTTPServer")).isEqualTo("myhttpserver");
        assertThat(Names.snake("ISBN10Code")).isEqualTo("isbn10_code");
        assertThat(Names.snake("address2Line")).isEqualTo("address2_line");
        assertThat(Names.snake("line2Of3")).isEqualTo("line2_of3");
        assertThat(Names.snake("a.b")).isEqualTo("a_b");
    }
}
