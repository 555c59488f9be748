package dev.retort;

/**
 * An identity column ({@code GENERATED ALWAYS|BY DEFAULT AS IDENTITY}) and the options of the sequence
 * behind it. A null option means the database default: increment 1; an ascending sequence runs from 1
 * to the column type's maximum and a descending one from -1 down to the type's minimum, starting at the
 * end it moves away from; cache 1; no cycle.
 *
 * @param cycle the sequence starts again from the other end once it reaches a bound ({@code CYCLE})
 *              instead of failing
 */
public record Identity(boolean always, Long start, Long increment, Long minValue, Long maxValue, Long cache, boolean cycle) {

    /** An identity with the default bounds and cache. */
    public Identity(boolean always, Long start, Long increment) {
        this(always, start, increment, null, null, null, false);
    }

    /** An identity that does not cycle. */
    public Identity(boolean always, Long start, Long increment, Long minValue, Long maxValue, Long cache) {
        this(always, start, increment, minValue, maxValue, cache, false);
    }

    public Identity {
        if (increment != null && increment == 0) throw new IllegalArgumentException("identity increments by 0");
    }

    public static Identity byDefault() {
        return new Identity(false, null, null);
    }

    public static Identity generatedAlways() {
        return new Identity(true, null, null);
    }

    @Override
    public String toString() {
        String s = always ? "identity always" : "identity by default";
        if (start != null) s += " start " + start;
        if (increment != null) s += " increment " + increment;
        if (minValue != null) s += " minvalue " + minValue;
        if (maxValue != null) s += " maxvalue " + maxValue;
        if (cache != null) s += " cache " + cache;
        if (cycle) s += " cycle";
        return s;
    }
}
