package dev.retort.jpa.apps.shop;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

@Entity
public class Product extends Audited {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
    @SequenceGenerator(name = "sequenceGenerator")
    private Long id;

    @NotBlank
    @Size(max = 32)
    @Column(unique = true)
    private String sku;

    @NotBlank
    @Size(max = 200)
    private String name;

    @Lob
    private String description;

    @NotNull
    @Digits(integer = 10, fraction = 2)
    @DecimalMin("0.00")
    private BigDecimal price;

    @Enumerated(EnumType.STRING)
    @NotNull
    private Availability availability;

    @ManyToMany
    @JoinTable(name = "product_category", joinColumns = @JoinColumn(name = "product_id"),
            inverseJoinColumns = @JoinColumn(name = "category_code"))
    private Set<Category> categories;

    // a constraint on the elements, not on the collection: no column length
    @ElementCollection
    private List<@Size(max = 30) String> tags;

    @ElementCollection
    @MapKeyColumn(name = "locale", length = 8)
    @Column(name = "text")
    private Map<String, String> translations;

    public enum Availability {
        IN_STOCK, BACKORDER, DISCONTINUED
    }
}
