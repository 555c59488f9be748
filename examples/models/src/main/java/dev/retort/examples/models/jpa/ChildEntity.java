package dev.retort.examples.models.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The {@code child} table: each row belongs to a {@link TestEntity} and goes when it goes. */
@Entity
@Table(name = "child", indexes = @Index(columnList = "test_id"))
public class ChildEntity {
    @Id
    private Integer id;

    // Jakarta Persistence has no ON DELETE; Retort reads it from the key's definition
    @ManyToOne(optional = false)
    @JoinColumn(name = "test_id", foreignKey = @ForeignKey(
            foreignKeyDefinition = "foreign key (test_id) references test (id) on delete cascade"))
    private TestEntity test;

    protected ChildEntity() {
    }

    public ChildEntity(Integer id, TestEntity test) {
        this.id = id;
        this.test = test;
    }

    public Integer getId() {
        return id;
    }

    public TestEntity getTest() {
        return test;
    }
}
