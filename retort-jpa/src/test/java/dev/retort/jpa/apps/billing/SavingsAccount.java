package dev.retort.jpa.apps.billing;

import jakarta.persistence.Entity;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

@Entity
public class SavingsAccount extends Account {
    @NotNull
    @Digits(integer = 3, fraction = 4)
    private BigDecimal rate;
}
