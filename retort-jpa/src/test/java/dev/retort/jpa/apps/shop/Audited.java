package dev.retort.jpa.apps.shop;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.OffsetDateTime;

/** What every shop table records about its rows: who made them and when, and an optimistic lock. */
@MappedSuperclass
public abstract class Audited {
    @Version
    private Long version;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @Size(max = 50)
    @Column(updatable = false)
    private String createdBy;

    private OffsetDateTime updatedAt;

    @Size(max = 50)
    private String updatedBy;
}
