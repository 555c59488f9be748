package dev.retort.jpa;

import dev.retort.MetaData;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.junit.jupiter.api.Test;

import static dev.retort.Dsl.column;
import static dev.retort.Types.BIGINT;
import static dev.retort.Types.BOOLEAN;
import static dev.retort.Types.varchar;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PropertyAccessTest {

    /** {@code @Id} on a getter: the getters are the attributes, whatever the fields are called. */
    @Entity(name = "Gadget")
    static class Gadget {
        private Long key;
        private String label;
        private boolean enabled;

        @Id
        public Long getId() {
            return key;
        }

        public void setId(Long id) {
            this.key = id;
        }

        @Column(length = 30)
        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        @Transient
        public String getDisplay() {
            return label + (enabled ? "" : " (off)");
        }
    }

    @Test
    void gettersUnderPropertyAccess() {
        MetaData expected = new MetaData();
        expected.table("gadget",
                column("id", BIGINT).primaryKey(),
                column("label", varchar(30)),
                column("enabled", BOOLEAN).notNull());
        Expect.sameModel(JpaModel.of(Gadget.class), expected);
    }

    @Entity(name = "Root")
    static class Root {
        @Id
        Long id;
    }

    @Entity(name = "Leaf")
    @Table(name = "elsewhere")
    static class Leaf extends Root {
        String extra;
    }

    @Test
    void aSingleTableSubclassCannotNameAnotherTable() {
        assertThatThrownBy(() -> JpaModel.of(Root.class, Leaf.class))
                .isInstanceOf(JpaMappingException.class)
                .hasMessage(Leaf.class.getName() + ": a SINGLE_TABLE subclass is stored in its root's table root, not in @Table(name = \"elsewhere\")");
    }
}
