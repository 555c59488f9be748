package dev.retort.jpa;

import dev.retort.CheckConstraint;
import dev.retort.MetaData;
import dev.retort.Types;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.ConstraintComposition;
import org.hibernate.validator.constraints.Length;
import org.hibernate.validator.constraints.Range;

import org.junit.jupiter.api.Test;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bean Validation constraints as Hibernate ORM applies them to DDL with Hibernate Validator present;
 * {@code HibernateParityTest} checks these entities against the schema Hibernate makes of them.
 */
class BeanValidationTest {

    /** A constraint of the application's own, made of others. */
    @NotNull
    @Size(max = 20)
    @Constraint(validatedBy = {})
    @Target({FIELD, METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @interface Code {
        String message() default "not a code";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** A constraint that passes when either part does: not null only when every part is. */
    @ConstraintComposition(org.hibernate.validator.constraints.CompositionType.OR)
    @NotNull
    @Size(max = 10)
    @Constraint(validatedBy = {})
    @Target({FIELD, METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @interface EmptyOrAbsent {
        String message() default "neither empty nor absent";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** Overrides the composing constraint's attribute. */
    @Size
    @Constraint(validatedBy = {})
    @Target({FIELD, METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @interface Short {
        String message() default "too long";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
        @OverridesAttribute(constraint = Size.class, name = "max")
        int limit();
    }

    interface Strict {
    }

    @Embeddable
    static class Inner {
        @NotNull
        @Size(max = 7)
        String code;
        @Min(2)
        Integer level;
    }

    @Embeddable
    static class Outer {
        @NotNull
        @Size(max = 9)
        String label;
        @NotNull
        @Valid
        @Embedded
        Inner inner;
        @ManyToOne
        @NotNull
        Tag tag;
    }

    @Entity(name = "Tag")
    static class Tag {
        @Id
        @Size(max = 12)
        String name;
        @Min(1)
        @Max(99)
        Integer weight;
    }

    @Embeddable
    static class Pair {
        @Size(max = 5)
        String a;
        @Size(max = 6)
        String b;
    }

    @Entity(name = "Paired")
    static class Paired {
        @EmbeddedId
        @Valid
        Pair id;
    }

    @Entity(name = "Sample")
    @Table(name = "sample")
    static class Sample {
        @Id
        @Min(1)
        Long id;
        @Digits(integer = 5, fraction = 0)
        Double doubleDigits;
        @Digits(integer = 10, fraction = 0)
        Float floatDigits;
        @Digits(integer = 9, fraction = 0)
        BigInteger bigIntegerDigits;
        @Digits(integer = 9, fraction = 3)
        Long longDigits;
        @Digits(integer = 7, fraction = 2)
        BigInteger bigIntegerFraction;
        @Column(precision = 10, scale = 3)
        BigInteger bigIntegerScaled;
        @Column(precision = 5)
        Double doublePrecision;
        @Column(precision = 20, scale = 5)
        @Digits(integer = 4, fraction = 1)
        BigDecimal overridesColumn;
        @Size(max = 20_000_000)
        String huge;
        @Column(length = 30)
        @Size(max = 12)
        String overridesLength;
        @Size(min = 4)
        String minOnly;
        @Lob
        @Size(max = 40)
        String lob;
        @Column(columnDefinition = "varchar(64)")
        @Size(max = 10)
        String defined;
        @Size(max = 3)
        char[] letters;
        @Length(max = 15)
        String length;
        @Range(min = 3, max = 8)
        Integer ranged;
        @Min(-5)
        @Max(5)
        BigDecimal signed;
        @Max(10)
        Double tenAtMost;
        @Code
        String coded;
        @EmptyOrAbsent
        String emptyOrAbsent;
        @Short(limit = 6)
        String shortened;
        @Size.List({@Size(max = 11), @Size(max = 3, groups = Strict.class)})
        String repeated;
        @NotNull(groups = Strict.class)
        @NotBlank
        String blankInDefault;
        @NotEmpty(groups = Strict.class)
        String onlyStrict;
        @NotNull
        @Embedded
        @AttributeOverride(name = "code", column = @Column(name = "plain_code"))
        @AttributeOverride(name = "level", column = @Column(name = "plain_level"))
        Inner notValidated;
        @Valid
        @Embedded
        Outer optionalOuter;
        @NotNull
        @ElementCollection
        @CollectionTable(name = "sample_tags")
        Set<String> tags;
        @ElementCollection
        @CollectionTable(name = "sample_inners")
        @Valid
        List<Inner> inners;
        @OneToOne
        @NotNull
        Tag favourite;
        // a getter's constraint, with field access
        String viaGetter;
        boolean flag;
        Boolean boxedFlag;
        Integer count;

        @NotNull
        @Size(max = 33)
        public String getViaGetter() {
            return viaGetter;
        }

        @NotNull
        public boolean isFlag() {
            return flag;
        }

        @NotNull
        public Boolean isBoxedFlag() {
            return boxedFlag;
        }

        @Max(4)
        public Integer hasCount() {
            return count;
        }
    }

    @Entity(name = "Refused")
    static class MinOnText {
        @Id
        Long id;
        @Min(0)
        String amount;
    }

    @Entity(name = "Refused")
    static class DecimalPlacesOnDouble {
        @Id
        Long id;
        @Digits(integer = 5, fraction = 2)
        Double ratio;
    }

    @Entity(name = "Refused")
    static class TooPreciseDouble {
        @Id
        Long id;
        @Digits(integer = 20, fraction = 0)
        Double ratio;
    }

    private static dev.retort.Column column(MetaData md, String table, String column) {
        return md.get(table).column(column).orElseThrow();
    }

    private static List<String> checks(MetaData md, String table) {
        return md.get(table).checks().stream().map(CheckConstraint::expression).toList();
    }

    @Test
    void notNullNotEmptyAndNotBlankInTheDefaultGroupMakeColumnsNotNull() {
        MetaData md = JpaModel.of(Sample.class, Tag.class);
        assertThat(column(md, "sample", "blankindefault").nullable()).as("@NotBlank, its @NotNull in another group").isFalse();
        assertThat(column(md, "sample", "onlystrict").nullable()).as("@NotEmpty in another group only").isTrue();
        assertThat(column(md, "sample", "coded").nullable()).as("a constraint composed with @NotNull").isFalse();
        assertThat(column(md, "sample", "emptyorabsent").nullable()).as("composed with OR, one part nullable").isTrue();
        assertThat(column(md, "sample", "viagetter").nullable()).as("on the getter, with field access").isFalse();
        assertThat(column(md, "sample", "boxedflag").nullable()).as("isX() returning Boolean is no getter").isTrue();
        assertThat(column(md, "sample", "favourite_name").nullable()).as("a @NotNull relationship").isFalse();
    }

    @Test
    void sizeLengthAndDigitsSetLengthPrecisionAndScale() {
        MetaData md = JpaModel.of(Sample.class, Tag.class);
        assertThat(column(md, "sample", "viagetter").type()).isEqualTo(Types.varchar(33));
        assertThat(column(md, "sample", "overrideslength").type()).as("@Size wins over @Column(length)").isEqualTo(Types.varchar(12));
        assertThat(column(md, "sample", "length").type()).as("Hibernate Validator's @Length").isEqualTo(Types.varchar(15));
        assertThat(column(md, "sample", "shortened").type()).as("@OverridesAttribute").isEqualTo(Types.varchar(6));
        assertThat(column(md, "sample", "repeated").type()).as("@Size.List, Default group only").isEqualTo(Types.varchar(11));
        assertThat(column(md, "sample", "minonly").type()).isEqualTo(Types.varchar(255));
        assertThat(column(md, "sample", "huge").type()).as("beyond varchar's longest").isEqualTo(Types.TEXT);
        assertThat(column(md, "sample", "defined").type()).as("columnDefinition wins").isEqualTo(Types.varchar(64));
        assertThat(column(md, "sample", "letters").type()).as("@Size of a char[] is no length").isEqualTo(Types.varchar(255));
        assertThat(column(md, "sample", "overridescolumn").type()).isEqualTo(Types.numeric(5, 1));
        assertThat(column(md, "sample", "bigintegerfraction").type()).isEqualTo(Types.numeric(9, 2));
        assertThat(column(md, "sample", "longdigits").type()).isEqualTo(Types.BIGINT);
        assertThat(column(md, "sample", "doubledigits").type()).as("5 digits fit in 24 bits").isEqualTo(Types.REAL);
        assertThat(column(md, "sample", "floatdigits").type()).as("10 digits need 34 bits").isEqualTo(Types.DOUBLE);
    }

    @Test
    void minAndMaxMakeOneCheckPerColumnLowerBoundFirst() {
        MetaData md = JpaModel.of(Sample.class, Tag.class);
        assertThat(checks(md, "sample")).contains("id >= 1", "(ranged >= 3) and (ranged <= 8)", "(signed >= -5) and (signed <= 5)",
                "tenatmost <= 10", "level >= 2");
        assertThat(checks(md, "tag")).containsExactly("(weight >= 1) and (weight <= 99)");
    }

    @Test
    void embeddablesOnlyThroughValidAndNotNullOnlyThroughRequiredValid() {
        MetaData md = JpaModel.of(Sample.class, Tag.class, Paired.class);
        assertThat(column(md, "sample", "plain_code").type()).as("not @Valid").isEqualTo(Types.varchar(255));
        assertThat(column(md, "sample", "plain_code").nullable()).isTrue();
        assertThat(column(md, "sample", "code").type()).as("@Valid all the way").isEqualTo(Types.varchar(7));
        assertThat(column(md, "sample", "code").nullable()).as("the outer embeddable is optional").isTrue();
        assertThat(column(md, "sample", "tag_name").nullable()).isTrue();
        assertThat(column(md, "paired", "a").type()).as("a @Valid @EmbeddedId").isEqualTo(Types.varchar(5));
        assertThat(column(md, "sample_tags", "tags").nullable()).as("not in collection elements").isTrue();
        assertThat(column(md, "sample_inners", "code").type()).isEqualTo(Types.varchar(255));
    }

    @Test
    void columnsReferringToAKeyKeepTheTypeTheAnnotationsGive() {
        MetaData md = JpaModel.of(Sample.class, Tag.class);
        assertThat(column(md, "tag", "name").type()).isEqualTo(Types.varchar(12));
        // Hibernate copies a referenced column's length while binding, before constraints apply
        assertThat(column(md, "sample", "favourite_name").type()).isEqualTo(Types.varchar(255));
    }

    @Test
    void groupsAndNoneChooseWhatCounts() {
        MetaData strict = JpaModel.builder().entities(Sample.class, Tag.class).validationGroups(Strict.class).build();
        assertThat(column(strict, "sample", "onlystrict").nullable()).isFalse();
        assertThat(column(strict, "sample", "repeated").type()).isEqualTo(Types.varchar(3));
        assertThat(column(strict, "sample", "viagetter").type()).as("in Default only").isEqualTo(Types.varchar(255));
        MetaData none = JpaModel.builder().entities(Sample.class, Tag.class).beanValidation(BeanValidation.NONE).build();
        assertThat(column(none, "sample", "blankindefault").nullable()).isTrue();
        assertThat(column(none, "sample", "coded").type()).isEqualTo(Types.varchar(255));
        assertThat(checks(none, "tag")).isEmpty();
        assertThat(column(none, "sample", "favourite_name").nullable()).isTrue();
    }

    @Test
    void refusesWhatHibernateOrPostgreSqlRefuses() {
        assertThatThrownBy(() -> JpaModel.of(MinOnText.class)).isInstanceOf(JpaMappingException.class)
                .hasMessage(HERE + "MinOnText.amount: @Min on a column of type varchar(255): Hibernate ORM checks it with amount>=0, "
                        + "which PostgreSQL rejects; remove the constraint or map a number");
        assertThatThrownBy(() -> JpaModel.of(DecimalPlacesOnDouble.class)).isInstanceOf(JpaMappingException.class)
                .hasMessage(HERE + "DecimalPlacesOnDouble.ratio: a scale (2) on a floating-point attribute: Hibernate ORM refuses it; "
                        + "map a BigDecimal for decimal places");
        assertThatThrownBy(() -> JpaModel.of(TooPreciseDouble.class)).isInstanceOf(JpaMappingException.class)
                .hasMessage(HERE + "TooPreciseDouble.ratio: a precision of 20 digits on a floating-point attribute needs 67 bits, "
                        + "more than PostgreSQL's double precision has (53); map a BigDecimal");
    }

    private static final String HERE = BeanValidationTest.class.getName() + "$";
}
