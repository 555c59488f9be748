package dev.retort.jpa.apps.shop;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.Set;

@Entity
public class Customer extends Audited {
    // the generator every shop entity declares alike, so that they share one sequence
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
    @SequenceGenerator(name = "sequenceGenerator")
    private Long id;

    @NotBlank
    @Email
    @Size(max = 100)
    @Column(unique = true)
    private String email;

    // required and validated in depth: its required parts are not null, its sizes are lengths
    @Embedded
    @NotNull
    @Valid
    private Address billing;

    // validated in depth but optional: its sizes are lengths, nothing is not null
    @Embedded
    @Valid
    @AttributeOverrides({
            @AttributeOverride(name = "street", column = @Column(name = "ship_street")),
            @AttributeOverride(name = "zip", column = @Column(name = "ship_zip")),
            @AttributeOverride(name = "city", column = @Column(name = "ship_city")),
            @AttributeOverride(name = "country", column = @Column(name = "ship_country"))})
    private Address shipping;

    // not validated in depth: its constraints shape nothing
    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "street", column = @Column(name = "old_street")),
            @AttributeOverride(name = "zip", column = @Column(name = "old_zip")),
            @AttributeOverride(name = "city", column = @Column(name = "old_city")),
            @AttributeOverride(name = "country", column = @Column(name = "old_country"))})
    private Address previous;

    private Tier tier;

    private LocalDate birthday;

    @ElementCollection
    @CollectionTable(name = "customer_phone")
    @Size(max = 5)
    private Set<String> phones;
}
