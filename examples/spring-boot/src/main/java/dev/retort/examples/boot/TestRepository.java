package dev.retort.examples.boot;

import dev.retort.examples.models.jpa.TestEntity;
import org.springframework.data.jpa.repository.JpaRepository;

/** The current tenant's {@code test} rows. */
public interface TestRepository extends JpaRepository<TestEntity, Integer> {
}
