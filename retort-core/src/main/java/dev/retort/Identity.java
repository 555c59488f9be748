package dev.retort;

/**
 * An identity column ({@code GENERATED ALWAYS|BY DEFAULT AS IDENTITY}). Null start or increment means
 * the database default (1).
 */
public record Identity(boolean always, Long start, Long increment) {
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
        return s;
    }
}
