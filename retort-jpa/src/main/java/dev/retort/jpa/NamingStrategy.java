package dev.retort.jpa;

/**
 * How logical names (those written in annotations, or implied by the Jakarta Persistence defaults)
 * become the names of tables, columns and sequences.
 */
public enum NamingStrategy {
    /**
     * The names the Jakarta Persistence specification implies, unchanged: entity {@code BookAuthor}
     * maps to table {@code BookAuthor}, field {@code firstName} to column {@code firstName}, a
     * many-to-many to join table {@code <owner table>_<target table>}. Hibernate ORM without a physical
     * naming strategy produces these names and sends them unquoted, so PostgreSQL folds them to lower
     * case; {@link JpaModel.Builder#foldUnquotedNames(boolean)} (on by default) does the same.
     */
    JPA_DEFAULT,

    /**
     * Spring Boot's default: Hibernate's snake-case physical naming strategy
     * ({@code CamelCaseToUnderscoresNamingStrategy}) together with Spring's implicit naming strategy.
     * {@code BookAuthor} maps to {@code book_author}, {@code firstName} to {@code first_name}, and a
     * many-to-many join table is named {@code <owner table>_<attribute>}. Quoted names are kept as
     * written.
     */
    SNAKE_CASE
}
