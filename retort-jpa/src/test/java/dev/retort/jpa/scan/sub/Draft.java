package dev.retort.jpa.scan.sub;

import dev.retort.jpa.scan.Writer;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Draft {
    @Id
    Long id;
    @ManyToOne
    Writer writer;
}
