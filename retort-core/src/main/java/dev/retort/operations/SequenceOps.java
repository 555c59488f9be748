package dev.retort.operations;

import dev.retort.Sequence;

public final class SequenceOps {
    private SequenceOps() {
    }

    public record CreateSequence(Sequence sequence) implements Operation {
        public String schema() { return sequence.schema(); }
        public boolean destructive() { return false; }
        public Operation inverse() { return new DropSequence(sequence); }
        public Operation rebind(String f, String t) { return new CreateSequence(sequence.withSchema(Binding.schema(sequence.schema(), f, t))); }
        public String describe() { return "create sequence " + sequence.name(); }
    }

    public record DropSequence(Sequence sequence) implements Operation {
        public String schema() { return sequence.schema(); }
        public boolean destructive() { return true; }
        public Operation inverse() { return new CreateSequence(sequence); }
        public String lossNote() { return "the current value of sequence " + sequence.name() + " is not restored"; }
        public Operation rebind(String f, String t) { return new DropSequence(sequence.withSchema(Binding.schema(sequence.schema(), f, t))); }
        public String describe() { return "drop sequence " + sequence.name(); }
    }

    public record AlterSequence(Change<Sequence> sequence) implements Operation {
        public String schema() { return sequence.to().schema(); }
        public boolean destructive() { return false; }
        public Operation inverse() { return new AlterSequence(sequence.reversed()); }
        public Operation rebind(String f, String t) {
            return new AlterSequence(new Change<>(sequence.from().withSchema(Binding.schema(sequence.from().schema(), f, t)),
                    sequence.to().withSchema(Binding.schema(sequence.to().schema(), f, t))));
        }
        public String describe() { return "alter sequence " + sequence.to().name(); }
    }

    /**
     * The column a sequence belongs to ({@code OWNED BY}) set, moved or removed. A move is a removal
     * followed, once the new column exists, by a setting.
     */
    public record SetSequenceOwner(String schema, String sequence, Change<Sequence.Owner> owner) implements Operation {
        public boolean destructive() { return false; }
        public Operation inverse() { return new SetSequenceOwner(schema, sequence, owner.reversed()); }
        public Operation rebind(String f, String t) { return new SetSequenceOwner(Binding.schema(schema, f, t), sequence, owner); }
        public String describe() {
            return owner.to() == null ? "release sequence " + sequence + " from " + owner.from()
                    : "set sequence " + sequence + " owned by " + owner.to();
        }
    }
}
