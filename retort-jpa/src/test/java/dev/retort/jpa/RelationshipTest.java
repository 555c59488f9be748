package dev.retort.jpa;

import dev.retort.MetaData;
import jakarta.persistence.Column;
import jakarta.persistence.ConstraintMode;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.retort.Dsl.CASCADE;
import static dev.retort.Dsl.column;
import static dev.retort.Dsl.foreignKey;
import static dev.retort.Dsl.primaryKey;
import static dev.retort.Dsl.unique;
import static dev.retort.Types.BIGINT;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.varchar;

class RelationshipTest {

    @Entity(name = "Author")
    static class Author {
        @Id
        Long id;
        @Column(unique = true, length = 20)
        String handle;
        @ManyToMany(mappedBy = "authors")
        Set<Book> books;
    }

    @Entity(name = "Publisher")
    static class Publisher {
        @Id
        Integer id;
        @OneToMany(mappedBy = "publisher")
        List<Book> books;
    }

    @Entity(name = "Book")
    static class Book {
        @Id
        Long id;
        @ManyToOne
        Publisher publisher;
        @ManyToOne(optional = false)
        @JoinColumn(name = "lead_author", foreignKey = @ForeignKey(name = "book_lead_fk",
                foreignKeyDefinition = "foreign key (lead_author) references author on delete cascade"))
        Author leadAuthor;
        @ManyToOne
        @JoinColumn(name = "editor_handle", referencedColumnName = "handle", nullable = false)
        Author editor;
        @ManyToOne
        @JoinColumn(foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
        Author reviewer;
        @ManyToMany
        Set<Author> authors;
        @ManyToMany
        @JoinTable(name = "book_tag", joinColumns = @JoinColumn(name = "book"), inverseJoinColumns = @JoinColumn(name = "tag"))
        List<Tag> tags;
    }

    @Entity(name = "Tag")
    static class Tag {
        @Id
        String name;
    }

    @Test
    void manyToOneAndManyToMany() {
        MetaData expected = new MetaData();
        expected.table("author",
                column("id", BIGINT).primaryKey(),
                column("handle", varchar(20)).unique());
        expected.table("publisher", column("id", INTEGER).primaryKey());
        expected.table("book",
                column("id", BIGINT).primaryKey(),
                column("publisher_id", INTEGER).references("publisher.id"),
                column("lead_author", BIGINT).notNull(),
                column("editor_handle", varchar(20)).notNull().references("author.handle"),
                column("reviewer_id", BIGINT),
                foreignKey("lead_author").references("author.id").onDelete(CASCADE).named("book_lead_fk"));
        expected.table("tag", column("name", varchar(255)).primaryKey());
        // bidirectional: the owner's column is named after the inverse attribute (Author.books)
        expected.table("book_author",
                column("books_id", BIGINT).notNull().references("book.id"),
                column("authors_id", BIGINT).notNull().references("author.id"),
                primaryKey("books_id", "authors_id"));
        // a List is a bag: Hibernate gives its join table no primary key
        expected.table("book_tag",
                column("book", BIGINT).notNull().references("book.id"),
                column("tag", varchar(255)).notNull().references("tag.name"));
        MetaData actual = JpaModel.builder().entities(Book.class).build();
        // Author, Publisher and Tag came in as targets of Book's relationships
        Expect.sameModel(actual, expected);
    }

    @Entity(name = "Playlist")
    static class Playlist {
        @Id
        Long id;
        @ManyToMany
        @OrderColumn
        List<Tag> ranked;
        @OneToMany
        @JoinTable(name = "playlist_tag_pinned")
        Set<Tag> pinned;
        @OneToMany
        @JoinTable(name = "playlist_tag_history")
        List<Tag> history;
        @OneToMany
        @JoinColumn(name = "playlist_id")
        List<Track> tracks;
    }

    @Entity(name = "Track")
    static class Track {
        @Id
        Long id;
    }

    @Test
    void orderedListsAndUnidirectionalOneToMany() {
        MetaData expected = new MetaData();
        expected.table("playlist", column("id", BIGINT).primaryKey());
        expected.table("tag", column("name", varchar(255)).primaryKey());
        expected.table("track",
                column("id", BIGINT).primaryKey(),
                column("playlist_id", BIGINT).references("playlist.id"));
        expected.table("playlist_tag",
                column("playlist_id", BIGINT).notNull().references("playlist.id"),
                column("ranked_order", INTEGER).notNull(),
                column("ranked_name", varchar(255)).notNull().references("tag.name"),
                primaryKey("playlist_id", "ranked_order"),
                dev.retort.Dsl.check("ranked_order >= 0").label("ranked_order"));
        // a one-to-many set through a join table: a tag belongs to one playlist, so it alone is the key
        expected.table("playlist_tag_pinned",
                column("pinned_name", varchar(255)).notNull().references("tag.name"),
                column("playlist_id", BIGINT).notNull().references("playlist.id"),
                primaryKey("pinned_name"));
        // a bag: no primary key, but a tag still belongs to one playlist
        expected.table("playlist_tag_history",
                column("playlist_id", BIGINT).notNull().references("playlist.id"),
                column("history_name", varchar(255)).notNull().references("tag.name"),
                unique("history_name"));
        MetaData actual = JpaModel.builder().entities(Playlist.class, Tag.class, Track.class).build();
        Expect.sameModel(actual, expected);
    }
}
