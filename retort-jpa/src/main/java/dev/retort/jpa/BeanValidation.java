package dev.retort.jpa;

/**
 * Whether Jakarta Bean Validation constraints shape the schema, as Hibernate ORM lets them when a
 * validator (Hibernate Validator) is on its class path.
 */
public enum BeanValidation {
    /**
     * As Hibernate ORM 7 applies them to DDL, Default group only: {@code @NotNull}, {@code @NotEmpty}
     * and {@code @NotBlank} make columns not null, {@code @Size(max)} (and Hibernate Validator's
     * {@code @Length}) gives a string its length, {@code @Digits} a number its precision and scale,
     * {@code @Min} and {@code @Max} add checks.
     */
    HIBERNATE,
    /** Constraints are ignored: Hibernate without a validator, or with {@code jakarta.persistence.validation.mode=none}. */
    NONE
}
