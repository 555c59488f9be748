package dev.retort.jpa.apps.billing;

import jakarta.persistence.Entity;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

@Entity
public class CheckingAccount extends Account {
    @NotNull
    @Min(0)
    private Long overdraftLimit;
}
