package dev.retort.jpa;

import dev.retort.MetaData;
import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.junit.jupiter.api.Test;

import static dev.retort.Dsl.asc;
import static dev.retort.Dsl.check;
import static dev.retort.Dsl.column;
import static dev.retort.Dsl.desc;
import static dev.retort.Dsl.index;
import static dev.retort.Dsl.indexOn;
import static dev.retort.Dsl.unique;
import static dev.retort.Types.BIGINT;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.varchar;

class IndexTest {

    @Entity(name = "Team")
    static class Team {
        @Id
        Long id;
    }

    @Entity(name = "Employee")
    @Table(indexes = {
            @Index(columnList = "lastName, firstName DESC"),
            @Index(name = "ix_email", columnList = "email", unique = true),
            @Index(columnList = "team_id asc")},
            uniqueConstraints = {
                    @UniqueConstraint(columnNames = {"team_id", "badge"}),
                    @UniqueConstraint(name = "uq_named", columnNames = "email")},
            check = @CheckConstraint(constraint = "badge > 0"))
    static class Employee {
        @Id
        Long id;
        String firstName;
        String lastName;
        String email;
        @Column(check = @CheckConstraint(name = "badge_range", constraint = "badge < 100000"))
        Integer badge;
        @ManyToOne
        Team team;
    }

    @Test
    void indexesAndConstraintsFromTheTableAnnotation() {
        MetaData expected = new MetaData();
        expected.table("team", column("id", BIGINT).primaryKey());
        expected.table("employee",
                column("id", BIGINT).primaryKey(),
                column("first_name", varchar(255)),
                column("last_name", varchar(255)),
                column("email", varchar(255)),
                column("badge", INTEGER),
                column("team_id", BIGINT).references("team.id"),
                indexOn(asc("last_name"), desc("first_name")),
                index("team_id"),
                unique("team_id", "badge"),
                unique("email").named("uq_named"),
                check("badge > 0").label("check"),
                check("badge < 100000").named("badge_range"));
        MetaData actual = JpaModel.builder().namingStrategy(NamingStrategy.SNAKE_CASE).entities(Employee.class).build();
        Expect.sameModel(actual, expected);
    }
}
