package dev.retort;

import java.util.List;

/** A table constraint. Names are resolved when the table is defined and never contain a schema. */
public sealed interface Constraint permits PrimaryKey, UniqueConstraint, ForeignKey, CheckConstraint,
        ExclusionConstraint {
    String name();

    /** The columns of the table that the constraint covers (none for a check). */
    List<String> columns();

    /** Added {@code NOT VALID} and not validated since; only checks and foreign keys can be. */
    default boolean notValid() {
        return false;
    }
}
