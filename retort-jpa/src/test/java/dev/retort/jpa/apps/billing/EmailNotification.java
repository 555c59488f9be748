package dev.retort.jpa.apps.billing;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Its required address is not null in its own rows only: the table holds text messages too. */
@Entity
@DiscriminatorValue("EMAIL")
public class EmailNotification extends Notification {
    @NotBlank
    @Email
    @Size(max = 120)
    private String address;
}
