package dev.retort.operations;

import dev.retort.View;

/**
 * Views and materialized views. A view whose query changes, or that stands on something the migration
 * changes (a column whose type changes, a view or function made again), is dropped and created again:
 * both operations then say {@code replacement}, and only a drop that is not a replacement is destructive.
 */
public final class ViewOps {
    private ViewOps() {
    }

    /** @param replacement the view was dropped earlier in the same migration and is made again */
    public record CreateView(View view, boolean replacement) implements Operation {
        public String schema() { return view.schema(); }
        public boolean destructive() { return false; }
        public Operation inverse() { return new DropView(view, replacement); }
        public Operation rebind(String f, String t) { return new CreateView(view.withSchema(Binding.schema(view.schema(), f, t)), replacement); }
        public String describe() { return "create " + view.kind() + " " + view.name(); }
    }

    /**
     * Carries the view's definition so that the inverse can create it again.
     *
     * @param replacement the migration creates it again later (it only makes way): no loss
     */
    public record DropView(View view, boolean replacement) implements Operation {
        public String schema() { return view.schema(); }
        /** Applications that query the view break; a materialized view's rows go too. */
        public boolean destructive() { return !replacement; }
        public Operation inverse() { return new CreateView(view, replacement); }
        public Operation rebind(String f, String t) { return new DropView(view.withSchema(Binding.schema(view.schema(), f, t)), replacement); }
        public String describe() { return "drop " + view.kind() + " " + view.name() + (replacement ? " (made again below)" : ""); }
    }

    /** What changes in place: options and comment (a changed query is a drop and a create). */
    public record AlterView(Change<View> view) implements Operation {
        public String schema() { return view.to().schema(); }
        public boolean destructive() { return false; }
        public Operation inverse() { return new AlterView(view.reversed()); }
        public Operation rebind(String f, String t) {
            return new AlterView(new Change<>(view.from().withSchema(Binding.schema(view.from().schema(), f, t)),
                    view.to().withSchema(Binding.schema(view.to().schema(), f, t))));
        }
        public String describe() { return "alter " + view.to().kind() + " " + view.to().name(); }
    }
}
