package dev.retort.loader;

import dev.retort.examples.models.Models;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The model from an application's own class loader, as the Spring Boot starter asks for it. */
class InApplicationTest {
    private final ClassLoader application = InApplicationTest.class.getClassLoader();

    @Test
    void aClassIsTakenFromTheApplicationsLoaderItself() {
        LoadedModel model = ModelLoader.inApplication(new ModelSource.ModelClass(Models.class.getName()), application);
        assertThat(model.via()).isEqualTo("metadata()");
        assertThat(model.metadata().tables().keySet()).containsExactlyInAnyOrder("test", "child");
    }

    @Test
    void aPackageIsScannedThroughTheLoader() {
        LoadedModel model = ModelLoader.inApplication(new ModelSource.JpaPackage("dev.retort.examples.models.jpa",
                ModelSource.Naming.SNAKE_CASE), application);
        assertThat(model.via()).isEqualTo("JPA entities, naming snake_case");
        assertThat(model.metadata().tables().keySet()).containsExactlyInAnyOrder("test", "child");
    }

    @Test
    void whatIsMissingIsNamed() {
        assertThatThrownBy(() -> ModelLoader.inApplication(new ModelSource.ModelClass("com.example.Missing"), application))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("model class com.example.Missing not found by the application's class loader");
        assertThatThrownBy(() -> ModelLoader.inApplication(new ModelSource.JpaPackage("com.example.nothing", ModelSource.Naming.JPA), application))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("model package com.example.nothing has no JPA entities the application's class loader can see");
        assertThatThrownBy(() -> ModelLoader.inApplication(new ModelSource.ModelClass(String.class.getName()), application))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("provides no model");
    }
}
