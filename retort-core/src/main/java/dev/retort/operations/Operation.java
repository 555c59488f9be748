package dev.retort.operations;

/**
 * One step of a migration: a value that knows its inverse and whether it loses data.
 *
 * <p>Operations name objects without a schema (null) unless the object lives in a fixed schema; the
 * tenant schema is bound when the operation is rendered ({@link #rebind(String, String)} with
 * {@code from = null}). The reverse, {@code rebind(tenant, null)}, makes operations computed against one
 * tenant schema-agnostic, so one revision applies to every tenant.
 */
public sealed interface Operation permits SchemaOps.CreateSchema, SchemaOps.DropSchema,
        TableOps.CreateTable, TableOps.DropTable, TableOps.RenameTable, TableOps.SetTableComment,
        ColumnOps.AddColumn, ColumnOps.DropColumn, ColumnOps.RenameColumn, ColumnOps.AlterColumn,
        IndexOps.CreateIndex, IndexOps.DropIndex, IndexOps.SetIndexComment, ConstraintOps.AddConstraint, ConstraintOps.DropConstraint,
        ConstraintOps.AlterConstraint,
        EnumOps.CreateEnum, EnumOps.DropEnum, EnumOps.AddEnumValue, EnumOps.RemoveEnumValue,
        DomainOps.CreateDomain, DomainOps.DropDomain, DomainOps.AlterDomain,
        SequenceOps.CreateSequence, SequenceOps.DropSequence, SequenceOps.AlterSequence, SequenceOps.SetSequenceOwner,
        ViewOps.CreateView, ViewOps.DropView, ViewOps.AlterView,
        RoutineOps.CreateRoutine, RoutineOps.DropRoutine, RoutineOps.ReplaceRoutine,
        TriggerOps.CreateTrigger, TriggerOps.DropTrigger, TriggerOps.AlterTrigger,
        PolicyOps.CreatePolicy, PolicyOps.DropPolicy, PolicyOps.AlterPolicy, PolicyOps.SetRowSecurity, Sql {

    /** The schema the operation acts in, or null when it is bound at apply time. */
    String schema();

    /** True when applying it can lose data or break an application that relies on what it removes. */
    boolean destructive();

    /** The operation that undoes this one (as far as structure goes; see {@link #lossNote()}). */
    Operation inverse();

    /**
     * Why {@link #inverse()} cannot bring everything back (the values of a dropped column, say), or
     * null when it can. Revision files carry it as a comment on the downgrade.
     */
    default String lossNote() {
        return null;
    }

    /** This operation with every mention of schema {@code from} (null: unbound) replaced by {@code to}. */
    Operation rebind(String from, String to);

    /** A short human description, e.g. {@code add column child.note}. */
    String describe();
}
