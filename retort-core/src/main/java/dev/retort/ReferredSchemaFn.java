package dev.retort;

/**
 * Decides the referred schema of a foreign key when a table is cloned into another schema (the
 * counterpart of SQLAlchemy's {@code referred_schema_fn}).
 */
@FunctionalInterface
public interface ReferredSchemaFn {
    /**
     * @param source        the table being cloned
     * @param toSchema      the schema it is cloned into
     * @param foreignKey    the foreign key, as in the source
     * @param defaultSchema what the default rule chose: {@code toSchema} when the key referred to the
     *                      source table's own schema, the key's referred schema otherwise
     * @return the referred schema of the cloned key (null for none)
     */
    String referredSchema(Table source, String toSchema, ForeignKey foreignKey, String defaultSchema);
}
