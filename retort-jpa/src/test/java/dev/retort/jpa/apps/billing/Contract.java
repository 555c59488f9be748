package dev.retort.jpa.apps.billing;

import jakarta.persistence.Entity;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

@Entity
public class Contract extends Document {
    @NotNull
    @Future
    private LocalDate validUntil;
}
