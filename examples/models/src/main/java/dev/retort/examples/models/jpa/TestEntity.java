package dev.retort.examples.models.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The {@code test} table as a Jakarta Persistence entity. No schema: it binds to every tenant. */
@Entity
@Table(name = "test")
public class TestEntity {
    @Id
    private Integer id;

    @Column(length = 100, nullable = false)
    private String name;

    protected TestEntity() {
    }

    public TestEntity(Integer id, String name) {
        this.id = id;
        this.name = name;
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
