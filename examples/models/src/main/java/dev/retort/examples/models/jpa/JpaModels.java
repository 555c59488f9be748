package dev.retort.examples.models.jpa;

import dev.retort.MetaData;
import dev.retort.jpa.JpaModel;

/** The shared model read from the entities of this package: schema-agnostic, bind it with {@code withSchema}. */
public final class JpaModels {
    private JpaModels() {
    }

    public static MetaData metadata() {
        return JpaModel.builder().scanPackage(JpaModels.class.getPackageName(), JpaModels.class.getClassLoader()).build();
    }
}
