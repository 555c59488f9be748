package dev.retort.compare;

import dev.retort.operations.Operation;

import java.util.List;

/**
 * What {@link Differ} found: the operations that make the database match the model, in an order the
 * database accepts. Every operation is bound to the schema it acts in; {@link #rebind}{@code (tenant, null)}
 * makes them schema-agnostic.
 */
public record Diff(List<Operation> operations) {

    public Diff {
        operations = List.copyOf(operations);
    }

    /** True when the database already matches the model. */
    public boolean isEmpty() {
        return operations.isEmpty();
    }

    public int size() {
        return operations.size();
    }

    /** The operations that can lose data, in order. */
    public List<Operation> destructive() {
        return operations.stream().filter(Operation::destructive).toList();
    }

    public boolean hasDestructive() {
        return operations.stream().anyMatch(Operation::destructive);
    }

    /** Every operation with schema {@code from} replaced by {@code to} (see {@link Operation#rebind}). */
    public Diff rebind(String from, String to) {
        return new Diff(operations.stream().map(op -> op.rebind(from, to)).toList());
    }

    /** One line per operation, destructive ones marked. */
    public List<String> describe() {
        return operations.stream().map(op -> (op.destructive() ? "! " : "  ") + op.describe()).toList();
    }

    @Override
    public String toString() {
        return isEmpty() ? "Diff(empty)" : "Diff(\n" + String.join("\n", describe()) + "\n)";
    }
}
