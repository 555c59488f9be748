package dev.retort.spring.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The revision's {@code test} table, as JPA maps it: Hibernate validates it at startup. */
@Entity
@Table(name = "test")
public class Row {
    @Id
    private Integer id;

    @Column(length = 100, nullable = false)
    private String name;

    protected Row() {
    }

    public Row(Integer id, String name) {
        this.id = id;
        this.name = name;
    }

    public String getName() {
        return name;
    }
}
