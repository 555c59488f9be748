package dev.retort.jpa.apps.clinic;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.groups.Default;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

@Entity
@Table(name = "pets")
public class Pet extends NamedEntity {
    @Column(name = "birth_date")
    @Past
    private LocalDate birthDate;

    // required by validation: the join column is not null though the relationship is optional
    @ManyToOne
    @JoinColumn(name = "type_id")
    @NotNull
    private PetType type;

    @Digits(integer = 3, fraction = 1)
    private BigDecimal weight;

    @Min(0)
    @Max(40)
    private Integer age;

    @PositiveOrZero
    private Long microchip;

    // in the Default group among others: applied
    @NotNull(groups = {Default.class, Owner.Registration.class})
    private String colour;

    // only in another group: not applied
    @NotNull(groups = Owner.Registration.class)
    private LocalDate adoptedOn;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @JoinColumn(name = "pet_id")
    @OrderBy("date ASC")
    private Set<Visit> visits = new LinkedHashSet<>();
}
