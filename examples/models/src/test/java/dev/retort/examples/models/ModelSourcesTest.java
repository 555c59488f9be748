package dev.retort.examples.models;

import dev.retort.MetaData;
import dev.retort.compare.Differ;
import dev.retort.examples.models.jpa.JpaModels;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The two ways this package defines the shared model, the DSL and JPA entities, give one model. */
class ModelSourcesTest {

    @Test
    void theEntitiesAndTheDslDefineEqualModels() {
        MetaData dsl = Models.metadata();
        MetaData jpa = JpaModels.metadata();
        assertThat(jpa.tables()).isEqualTo(dsl.tables());
        assertThat(jpa.sequences()).isEqualTo(dsl.sequences());
        assertThat(jpa.enums()).isEqualTo(dsl.enums());
    }

    @Test
    void boundToATenantTheDifferFindsNothingBetweenThem() {
        MetaData dsl = Models.metadata().withSchema("tenant_a");
        MetaData jpa = JpaModels.metadata().withSchema("tenant_a");
        assertThat(Differ.compare(jpa, dsl).operations()).isEmpty();
        assertThat(Differ.compare(dsl, jpa).operations()).isEmpty();
    }
}
