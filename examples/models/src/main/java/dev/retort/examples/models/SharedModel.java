package dev.retort.examples.models;

import dev.retort.MetaData;
import dev.retort.ModelProvider;

/** The shared model as a {@link ModelProvider}: schema-agnostic, a fresh copy on every call. */
public final class SharedModel implements ModelProvider {
    @Override
    public MetaData metadata() {
        return Models.metadata();
    }
}
