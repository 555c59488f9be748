package dev.retort.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Contradictory or unsupported mappings are refused with the class and attribute named. */
class MappingErrorTest {

    private static final String HERE = MappingErrorTest.class.getName() + "$";

    @Entity(name = "NoId")
    static class NoId {
        String name;
    }

    @Test
    void anEntityWithoutIdentifier() {
        assertThatThrownBy(() -> JpaModel.of(NoId.class))
                .isInstanceOf(JpaMappingException.class)
                .hasMessage(HERE + "NoId: has no @Id or @EmbeddedId attribute");
    }

    @Entity(name = "Target")
    static class Target {
        @Id
        Long id;
        String code;
    }

    @Entity(name = "BadReference")
    static class BadReference {
        @Id
        Long id;
        @ManyToOne
        @JoinColumn(referencedColumnName = "cod")
        Target target;
    }

    @Test
    void aJoinColumnToAColumnThatDoesNotExist() {
        assertThatThrownBy(() -> JpaModel.of(BadReference.class))
                .isInstanceOf(JpaMappingException.class)
                .hasMessage(HERE + "BadReference.target: @JoinColumn(referencedColumnName = \"cod\") names no column of table target (it has [id, code])");
    }

    @Entity(name = "SharedA")
    @Table(name = "shared")
    static class SharedA {
        @Id
        Long id;
        @Column(length = 10)
        String label;
    }

    @Entity(name = "SharedB")
    @Table(name = "shared")
    static class SharedB {
        @Id
        Long id;
        @Column(length = 20)
        String label;
    }

    @Test
    void twoEntitiesOnOneTableWithConflictingColumns() {
        assertThatThrownBy(() -> JpaModel.of(SharedA.class, SharedB.class))
                .isInstanceOf(JpaMappingException.class)
                .hasMessage(HERE + "SharedB.label: column shared.label is defined as 'label varchar(20)' but "
                        + HERE + "SharedA.label defines it as 'label varchar(10)'");
    }

    @Entity(name = "SharedC")
    @Table(name = "shared")
    static class SharedC {
        @Id
        Long id;
        @Column(length = 10)
        String label;
        Integer extra;
    }

    @Test
    void twoEntitiesOnOneTableThatAgreeShareIt() {
        org.assertj.core.api.Assertions.assertThat(JpaModel.of(SharedA.class, SharedC.class).get("shared").columns())
                .extracting(c -> c.name()).containsExactly("id", "label", "extra");
    }

    @Entity(name = "Twice")
    static class Twice {
        @Id
        Long id;
        @Column(name = "ref")
        Long targetId;
        @ManyToOne
        @JoinColumn(name = "ref")
        Target target;
    }

    @Entity(name = "ReadOnlyCopy")
    static class ReadOnlyCopy {
        @Id
        Long id;
        @Column(name = "ref", insertable = false, updatable = false)
        Long targetId;
        @ManyToOne(optional = false)
        @JoinColumn(name = "ref")
        Target target;
    }

    @Test
    void oneColumnMappedTwiceUnlessOneMappingIsReadOnly() {
        assertThatThrownBy(() -> JpaModel.of(Twice.class))
                .isInstanceOf(JpaMappingException.class)
                .hasMessageStartingWith(HERE + "Twice.target: column ref of table twice is also mapped by " + HERE + "Twice.targetId");
        org.assertj.core.api.Assertions.assertThat(JpaModel.of(ReadOnlyCopy.class).get("readonlycopy").column("ref").orElseThrow().nullable())
                .isFalse();
    }

    @Entity(name = "Unmappable")
    static class Unmappable {
        @Id
        Long id;
        Object anything;
    }

    @Test
    void aTypeWithoutColumnType() {
        assertThatThrownBy(() -> JpaModel.of(Unmappable.class))
                .isInstanceOf(JpaMappingException.class)
                .hasMessageStartingWith(HERE + "Unmappable.anything: Java type java.lang.Object has no column type");
    }

    @Entity(name = "BareCollection")
    static class BareCollection {
        @Id
        Long id;
        List<String> names;
    }

    @Test
    void aCollectionWithoutMapping() {
        assertThatThrownBy(() -> JpaModel.of(BareCollection.class))
                .isInstanceOf(JpaMappingException.class)
                .hasMessageStartingWith(HERE + "BareCollection.names: a collection needs @ElementCollection");
    }

    @Entity(name = "BadIndex")
    @Table(indexes = @Index(columnList = "nmae"))
    static class BadIndex {
        @Id
        Long id;
        String name;
    }

    @Test
    void anIndexOnAMissingColumn() {
        assertThatThrownBy(() -> JpaModel.of(BadIndex.class))
                .isInstanceOf(JpaMappingException.class)
                .hasMessage(HERE + "BadIndex: @Index names column nmae, which table badindex does not have (it has [id, name])");
    }

    @Entity(name = "BadMappedBy")
    static class BadMappedBy {
        @Id
        Long id;
        @OneToMany(mappedBy = "owner")
        List<Target> targets;
    }

    @Test
    void mappedByAnAttributeThatDoesNotExist() {
        assertThatThrownBy(() -> JpaModel.of(BadMappedBy.class))
                .isInstanceOf(JpaMappingException.class)
                .hasMessage(HERE + "BadMappedBy.targets: mappedBy = \"owner\" names no attribute of " + HERE + "Target");
    }

    static class NotAnEntity {
    }

    @Entity(name = "ToNothing")
    static class ToNothing {
        @Id
        Long id;
        @ManyToOne
        NotAnEntity other;
    }

    @Test
    void aRelationshipToAClassThatIsNoEntity() {
        assertThatThrownBy(() -> JpaModel.of(ToNothing.class))
                .isInstanceOf(JpaMappingException.class)
                .hasMessage(HERE + "ToNothing.other: refers to " + HERE + "NotAnEntity, which is not an entity (annotate it @Entity)");
    }

    @Entity(name = "TextIdentity")
    static class TextIdentity {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        String id;
    }

    @Test
    void identityOnText() {
        assertThatThrownBy(() -> JpaModel.of(TextIdentity.class))
                .isInstanceOf(JpaMappingException.class)
                .hasMessage(HERE + "TextIdentity.id: IDENTITY generation needs an integral type, not String");
    }

    @Entity(name = "BadMap")
    static class BadMap {
        @Id
        Long id;
        @jakarta.persistence.ElementCollection
        Map<Target, String> byTarget;
    }

    @Test
    void mapsKeyedByEntities() {
        assertThatThrownBy(() -> JpaModel.of(BadMap.class))
                .isInstanceOf(JpaMappingException.class)
                .hasMessageStartingWith(HERE + "BadMap.byTarget: map keys of type");
    }

    @Test
    void noEntitiesAtAll() {
        assertThatThrownBy(() -> JpaModel.of(NotAnEntity.class))
                .isInstanceOf(JpaMappingException.class)
                .hasMessage("the model: holds no @Entity class");
    }

    @jakarta.persistence.Embeddable
    static class RelationKey implements java.io.Serializable {
        @ManyToOne
        Target target;
        Integer number;
    }

    @Entity(name = "KeyedByRelation")
    static class KeyedByRelation {
        @jakarta.persistence.EmbeddedId
        RelationKey key;
    }

    @Test
    void aRelationshipInsideAnEmbeddedId() {
        assertThatThrownBy(() -> JpaModel.of(KeyedByRelation.class, Target.class))
                .isInstanceOf(JpaMappingException.class)
                .hasMessage(HERE + "RelationKey.target: a relationship inside an @EmbeddedId is not supported; use @MapsId");
    }
}
