package dev.retort.reliability;

/**
 * The sizes of the reliability harness: small enough for every build by default, the published
 * figures with {@code -Dretort.reliability.scale=full} (what {@code retort-it/reliability} sets).
 * A single size can be given on its own, e.g. {@code -Dretort.reliability.fuzz.files=50000}.
 */
final class Scale {
    private Scale() {
    }

    static boolean full() {
        return "full".equals(System.getProperty("retort.reliability.scale"));
    }

    /** {@code retort.reliability.NAME} when set, else the CI or the full size. */
    static int of(String name, int ci, int full) {
        String given = System.getProperty("retort.reliability." + name);
        if (given != null && !given.isBlank()) return Integer.parseInt(given.strip());
        return full() ? full : ci;
    }

    static long seed() {
        String given = System.getProperty("retort.reliability.seed");
        return given == null || given.isBlank() ? 20261202L : Long.parseLong(given.strip());
    }
}
