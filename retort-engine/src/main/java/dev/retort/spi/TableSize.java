package dev.retort.spi;

/**
 * How big one table is, as the database's statistics say: what {@code retort lint --tenants} weighs its
 * findings with.
 *
 * @param rows  the estimated number of rows (0 when the table was never analysed)
 * @param bytes its size on disk, indexes and out-of-line values included
 */
public record TableSize(long rows, long bytes) {
}
