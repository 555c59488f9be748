package dev.retort.jpa.apps.billing;

import jakarta.persistence.Entity;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

@Entity
public class Invoice extends Document {
    @NotNull
    @Digits(integer = 10, fraction = 2)
    private BigDecimal amount;

    private Priority priority;

    public enum Priority {
        LOW, NORMAL, HIGH
    }
}
