package dev.retort.jpa.apps.billing;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.SequenceGenerator;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A table per class, each subclass's joined to this one's by key. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
@SequenceGenerator(name = "account_seq", sequenceName = "account_numbers", initialValue = 1000, allocationSize = 10)
public class Account {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    private Long id;

    @NotBlank
    @Size(max = 34)
    private String iban;

    @Digits(integer = 15, fraction = 2)
    private BigDecimal balance;

    private LocalDateTime openedAt;
}
