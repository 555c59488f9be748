package dev.retort.jpa;

import jakarta.persistence.AssociationOverride;

/**
 * A relationship or element collection met while an entity's columns were read, mapped once every
 * entity has its key.
 *
 * @param table         the table the attribute's owner is stored in
 * @param forceNullable the owner is a SINGLE_TABLE subclass: its join columns must be nullable
 * @param override      the {@code @AssociationOverride} for the attribute, or null
 * @param validatedNotNull Bean Validation makes the relationship's join columns not null ({@code @NotNull}
 *                      where it applies)
 */
record RelationSite(EntityInfo entity, TableAssembly table, Attribute attribute, boolean forceNullable,
                    AssociationOverride override, boolean validatedNotNull) {
}
