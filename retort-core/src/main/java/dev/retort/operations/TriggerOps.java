package dev.retort.operations;

import dev.retort.Trigger;

/** Triggers. A changed trigger is dropped and created again (both marked {@code replacement}); a comment changes in place. */
public final class TriggerOps {
    private TriggerOps() {
    }

    public record CreateTrigger(Trigger trigger, boolean replacement) implements Operation {
        public String schema() { return trigger.schema(); }
        public boolean destructive() { return false; }
        public Operation inverse() { return new DropTrigger(trigger, replacement); }
        public Operation rebind(String f, String t) { return new CreateTrigger(Binding.trigger(trigger, f, t), replacement); }
        public String describe() { return "create trigger " + trigger.name() + " on " + trigger.table(); }
    }

    public record DropTrigger(Trigger trigger, boolean replacement) implements Operation {
        public String schema() { return trigger.schema(); }
        /** What the trigger did on each write stops. */
        public boolean destructive() { return !replacement; }
        public Operation inverse() { return new CreateTrigger(trigger, replacement); }
        public Operation rebind(String f, String t) { return new DropTrigger(Binding.trigger(trigger, f, t), replacement); }
        public String describe() {
            return "drop trigger " + trigger.name() + " on " + trigger.table() + (replacement ? " (made again below)" : "");
        }
    }

    /** The comment, the one thing that changes in place. */
    public record AlterTrigger(Change<Trigger> trigger) implements Operation {
        public String schema() { return trigger.to().schema(); }
        public boolean destructive() { return false; }
        public Operation inverse() { return new AlterTrigger(trigger.reversed()); }
        public Operation rebind(String f, String t) {
            return new AlterTrigger(new Change<>(Binding.trigger(trigger.from(), f, t), Binding.trigger(trigger.to(), f, t)));
        }
        public String describe() { return "comment on trigger " + trigger.to().name() + " on " + trigger.to().table(); }
    }
}
