package dev.retort.jpa.apps.billing;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Entity
@DiscriminatorValue("TEXT")
public class TextNotification extends Notification {
    @NotNull
    @Size(max = 20)
    private String phone;

    @Min(1)
    @Max(10)
    private Integer parts;
}
