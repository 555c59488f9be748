package dev.retort.jpa.apps.clinic;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "owners")
public class Owner extends Person {
    // the constraint sits on the getter, the mapping on the field: Bean Validation reads both
    @Column(name = "address")
    private String address;

    @Column(name = "city")
    @NotBlank
    @Size(max = 80)
    private String city;

    // @Digits on a string: a number's precision, which a varchar does not have
    @Column(name = "telephone")
    @NotEmpty
    @Digits(fraction = 0, integer = 10)
    private String telephone;

    @Email
    @Size(min = 3, max = 120)
    private String email;

    // a list's size is no column length
    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @JoinColumn(name = "owner_id")
    @OrderBy("name")
    @NotEmpty(groups = Registration.class)
    @Size(max = 20)
    private List<Pet> pets = new ArrayList<>();

    @NotBlank
    public String getAddress() {
        return address;
    }

    /** A validation group of its own: Hibernate's DDL applies the Default group only. */
    public interface Registration {
    }
}
