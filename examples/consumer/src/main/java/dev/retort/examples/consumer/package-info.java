/**
 * A consumer of the shared models, like the seed's {@code packages/consumer}: it binds the models to
 * its tenant schema ({@link dev.retort.examples.consumer.TenantModel}). Its directory is where the
 * consumer's Retort configuration and revisions live.
 */
package dev.retort.examples.consumer;
