package dev.retort.compare;

import java.util.Map;
import java.util.Set;

/**
 * What the table part of a diff does that objects standing on tables (views, triggers, policies)
 * must make way for: PostgreSQL refuses to drop a table or column, or to change a column's type, while
 * such an object depends on it.
 *
 * @param columns        by table key: columns dropped, replaced, or whose type (or collation) changes
 * @param droppedTables  keys of the tables dropped
 */
record TableChanges(Map<String, Set<String>> columns, Set<String> droppedTables) {
}
