/** JPA entities as a model source: {@code JpaModel} reads their annotations; no persistence provider runs. */
module dev.retort.jpa {
    requires transitive dev.retort.core;
    requires transitive jakarta.persistence;

    exports dev.retort.jpa;
}
