package dev.retort.operations;

import dev.retort.Domain;

/**
 * Domains. A change of base type or collation is a drop and a create (PostgreSQL alters neither in
 * place), both marked {@code replacement}; default, NOT NULL, checks and comment change in place.
 */
public final class DomainOps {
    private DomainOps() {
    }

    /** @param replacement the domain was dropped earlier in the same migration and is made again */
    public record CreateDomain(Domain domain, boolean replacement) implements Operation {
        public String schema() { return domain.schema(); }
        public boolean destructive() { return false; }
        public Operation inverse() { return new DropDomain(domain, replacement); }
        public Operation rebind(String f, String t) { return new CreateDomain(move(domain, f, t), replacement); }
        public String describe() { return "create domain " + domain.name(); }
    }

    /**
     * Carries the definition so that the inverse can create it again.
     *
     * @param replacement the migration creates it again later: no loss
     */
    public record DropDomain(Domain domain, boolean replacement) implements Operation {
        public String schema() { return domain.schema(); }
        public boolean destructive() { return !replacement; }
        public Operation inverse() { return new CreateDomain(domain, replacement); }
        public Operation rebind(String f, String t) { return new DropDomain(move(domain, f, t), replacement); }
        public String describe() { return "drop domain " + domain.name() + (replacement ? " (made again below)" : ""); }
    }

    /** Default, NOT NULL, checks and comment, both sides whole. */
    public record AlterDomain(Change<Domain> domain) implements Operation {
        public String schema() { return domain.to().schema(); }
        public boolean destructive() { return false; }
        public Operation inverse() { return new AlterDomain(domain.reversed()); }
        public Operation rebind(String f, String t) {
            return new AlterDomain(new Change<>(move(domain.from(), f, t), move(domain.to(), f, t)));
        }
        public String describe() { return "alter domain " + domain.to().name(); }
    }

    private static Domain move(Domain d, String from, String to) {
        return java.util.Objects.equals(d.schema(), from) ? d.withSchema(to) : d;
    }
}
