package dev.retort.loader;

import dev.retort.ModelProvider;
import dev.retort.examples.models.jpa.TestEntity;
import dev.retort.jpa.JpaModel;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The model's class loader: the project's classes, with Retort's API shared. */
class ModelClassLoaderTest {
    /** Where the example models' classes are: their target/classes, or their jar in a packaging build. */
    static final Path EXAMPLE_MODELS = codeSource(TestEntity.class);
    /** The jakarta.persistence API jar, which a Maven project's runtime classpath holds too. */
    static final Path PERSISTENCE_API = codeSource(Entity.class);

    @Test
    void theModelsLoaderSharesThePersistenceApiAndRetortJpaWithRetort() throws Exception {
        List<Path> classpath = List.of(EXAMPLE_MODELS, PERSISTENCE_API);
        try (ModelClassLoader shared = new ModelClassLoader(classpath, ModelLoader.class.getClassLoader())) {
            assertThat(shared.loadClass(Entity.class.getName())).isSameAs(Entity.class);
            assertThat(shared.loadClass(JpaModel.class.getName())).isSameAs(JpaModel.class);
            Class<?> entity = shared.loadClass(TestEntity.class.getName());
            assertThat(entity).isNotSameAs(TestEntity.class);
            assertThat(entity.isAnnotationPresent(Entity.class)).isTrue();
        }
        // What the sharing prevents: with retort-core alone shared, the project's @Entity is another
        // class than the Entity.class retort-jpa asks for, and no entity would be found.
        try (ModelClassLoader coreOnly = new ModelClassLoader(classpath, ModelLoader.class.getClassLoader(),
                List.of(ModelProvider.class))) {
            assertThat(coreOnly.loadClass(Entity.class.getName())).isNotSameAs(Entity.class);
            assertThat(coreOnly.loadClass(TestEntity.class.getName()).isAnnotationPresent(Entity.class)).isFalse();
        }
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
