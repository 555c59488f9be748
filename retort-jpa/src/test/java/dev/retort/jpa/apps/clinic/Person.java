package dev.retort.jpa.apps.clinic;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@MappedSuperclass
public class Person extends BaseEntity {
    @Column(name = "first_name")
    @NotBlank
    @Size(max = 30)
    private String firstName;

    @Column(name = "last_name")
    @NotBlank
    @Size(max = 30)
    private String lastName;
}
