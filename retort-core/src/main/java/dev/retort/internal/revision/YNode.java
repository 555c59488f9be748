package dev.retort.internal.revision;

import java.util.ArrayList;
import java.util.List;

/**
 * The tree a revision is written as: what {@link YamlEmitter} prints and what the checksum is computed
 * over. Style hints (block or flow, comments) affect the text only, never the checksum.
 */
sealed interface YNode {

    /** A string, quoted in the text as YAML requires. */
    record Str(String text) implements YNode {
    }

    /** A number, boolean or timestamp, written as is. */
    record Raw(String text) implements YNode {
    }

    /** An explicit null ({@code down_revision: null}, a {@code from: null} change). */
    record Null() implements YNode {
    }

    /** @param block always written in block style, even when it would fit on one line */
    record Map(List<Entry> entries, boolean block) implements YNode {
    }

    /** @param block always written one item per line */
    record Seq(List<Item> items, boolean block) implements YNode {
    }

    record Entry(String key, YNode value) {
    }

    /** A list item, with comment lines written above it. */
    record Item(List<String> comments, YNode value) {
    }

    YNode NULL = new Null();

    static YNode str(String s) {
        return s == null ? NULL : new Str(s);
    }

    static YNode raw(Object o) {
        return o == null ? NULL : new Raw(o.toString());
    }

    static Seq strings(List<String> values) {
        List<Item> items = new ArrayList<>();
        for (String v : values) items.add(new Item(List.of(), str(v)));
        return new Seq(items, false);
    }

    static Seq seq(List<? extends YNode> values, boolean block) {
        List<Item> items = new ArrayList<>();
        for (YNode v : values) items.add(new Item(List.of(), v));
        return new Seq(items, block);
    }

    /** Builds a mapping in insertion order; the {@code opt} methods leave absent values out. */
    final class MapBuilder {
        private final List<Entry> entries = new ArrayList<>();
        private final boolean block;

        MapBuilder(boolean block) {
            this.block = block;
        }

        MapBuilder put(String key, YNode value) {
            entries.add(new Entry(key, value));
            return this;
        }

        MapBuilder put(String key, String value) {
            return put(key, str(value));
        }

        MapBuilder opt(String key, YNode value) {
            return value == null || value instanceof Null ? this : put(key, value);
        }

        MapBuilder opt(String key, String value) {
            return value == null ? this : put(key, new Str(value));
        }

        MapBuilder opt(String key, Long value) {
            return value == null ? this : put(key, new Raw(value.toString()));
        }

        /** Only when true: false is the default of every flag. */
        MapBuilder flag(String key, boolean value) {
            return value ? put(key, new Raw("true")) : this;
        }

        MapBuilder optList(String key, List<? extends YNode> values, boolean block) {
            return values.isEmpty() ? this : put(key, seq(values, block));
        }

        Map build() {
            return new Map(List.copyOf(entries), block);
        }
    }

    static MapBuilder map() {
        return new MapBuilder(false);
    }

    static MapBuilder blockMap() {
        return new MapBuilder(true);
    }
}
