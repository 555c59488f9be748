package dev.retort.operations;

import dev.retort.Policy;
import dev.retort.RowSecurity;

/**
 * Row-level security: policies and the per-table switch. Roles, {@code USING}, {@code WITH CHECK} and the
 * comment change in place ({@code ALTER POLICY}); a changed command or permissiveness is a drop and a
 * create, both marked {@code replacement}.
 */
public final class PolicyOps {
    private PolicyOps() {
    }

    public record CreatePolicy(Policy policy, boolean replacement) implements Operation {
        public String schema() { return policy.schema(); }
        public boolean destructive() { return false; }
        public Operation inverse() { return new DropPolicy(policy, replacement); }
        public Operation rebind(String f, String t) { return new CreatePolicy(policy.withSchema(Binding.schema(policy.schema(), f, t)), replacement); }
        public String describe() { return "create policy " + policy.name() + " on " + policy.table(); }
    }

    public record DropPolicy(Policy policy, boolean replacement) implements Operation {
        public String schema() { return policy.schema(); }
        /** Who sees which rows changes. */
        public boolean destructive() { return !replacement; }
        public Operation inverse() { return new CreatePolicy(policy, replacement); }
        public Operation rebind(String f, String t) { return new DropPolicy(policy.withSchema(Binding.schema(policy.schema(), f, t)), replacement); }
        public String describe() {
            return "drop policy " + policy.name() + " on " + policy.table() + (replacement ? " (made again below)" : "");
        }
    }

    public record AlterPolicy(Change<Policy> policy) implements Operation {
        public String schema() { return policy.to().schema(); }
        public boolean destructive() { return false; }
        public Operation inverse() { return new AlterPolicy(policy.reversed()); }
        public Operation rebind(String f, String t) {
            return new AlterPolicy(new Change<>(policy.from().withSchema(Binding.schema(policy.from().schema(), f, t)),
                    policy.to().withSchema(Binding.schema(policy.to().schema(), f, t))));
        }
        public String describe() { return "alter policy " + policy.to().name() + " on " + policy.to().table(); }
    }

    /** Enables, disables, forces or unforces row-level security on a table. */
    public record SetRowSecurity(Change<RowSecurity> rowSecurity) implements Operation {
        public String schema() { return rowSecurity.to().schema(); }
        /** Disabling it, or no longer forcing it on the owner, lets rows through that the policies kept out. */
        public boolean destructive() {
            return rowSecurity.from().enabled() && !rowSecurity.to().enabled()
                    || rowSecurity.from().forced() && !rowSecurity.to().forced();
        }
        public Operation inverse() { return new SetRowSecurity(rowSecurity.reversed()); }
        public Operation rebind(String f, String t) {
            return new SetRowSecurity(new Change<>(rowSecurity.from().withSchema(Binding.schema(rowSecurity.from().schema(), f, t)),
                    rowSecurity.to().withSchema(Binding.schema(rowSecurity.to().schema(), f, t))));
        }
        public String describe() {
            RowSecurity to = rowSecurity.to();
            RowSecurity from = rowSecurity.from();
            String what = to.enabled() == from.enabled() ? "" : to.enabled() ? "enable" : "disable";
            if (to.forced() != from.forced()) what += (what.isEmpty() ? "" : ", ") + (to.forced() ? "force" : "no force");
            return what + " row-level security on " + to.table();
        }
    }
}
