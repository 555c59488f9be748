package dev.retort.jpa;

import dev.retort.SqlType;

/**
 * A column of an entity's key as foreign keys to the entity see it.
 *
 * @param logical the name before the naming strategy: implicit join column names are made from it
 * @param name    the column's name in the table
 */
record KeyColumn(String logical, String name, SqlType type) {
}
