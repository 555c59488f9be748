package dev.retort;

/**
 * Supplies an application's model. Retort's configuration names a class of the application that
 * implements this (with a public no-argument constructor); Retort instantiates it to learn which
 * tables the database should have.
 *
 * <p>Return a fresh or otherwise unshared MetaData: Retort may bind it to a schema, and a model that
 * other code holds should be bound by cloning ({@link MetaData#withSchema(String)}), never in place.
 */
@FunctionalInterface
public interface ModelProvider {
    MetaData metadata();
}
