package dev.retort.jpa.apps.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** Categories are keyed by a code, which join tables and children refer to. */
@Entity
public class Category {
    @Id
    @Size(max = 20)
    private String code;

    @NotBlank
    private String label;

    @ManyToOne
    private Category parent;

    @ManyToMany(mappedBy = "categories")
    private Set<Product> products;
}
