package dev.retort.jpa.apps.shop;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Embeddable
public class Address {
    @NotBlank
    @Size(max = 100)
    private String street;

    @Size(max = 10)
    private String zip;

    @NotNull
    private String city;

    @Size(min = 2, max = 2)
    private String country;
}
