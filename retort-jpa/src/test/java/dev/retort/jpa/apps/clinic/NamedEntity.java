package dev.retort.jpa.apps.clinic;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.validation.constraints.NotBlank;

@MappedSuperclass
public class NamedEntity extends BaseEntity {
    @Column(name = "name")
    @NotBlank
    private String name;
}
