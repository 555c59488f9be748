package dev.retort.jpa.scan;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Writer {
    @Id
    Long id;
    Money fee;
}
