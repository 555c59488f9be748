package dev.retort.loader;

import dev.retort.jpa.BeanValidation;
import dev.retort.jpa.NamingStrategy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the model comes from, as {@code model:} says: a class of the project that gives it
 * ({@code model: com.acme.Model}, or {@code model: {class: com.acme.Model}}), or a package of JPA
 * entities that retort-jpa reads ({@code model: {jpa: com.acme.entities, naming: snake_case, validation: none}}).
 * Either way the model is schema-agnostic as far as Retort is concerned: the command binds it to the
 * schema it works on ({@code withSchema}).
 */
public sealed interface ModelSource {

    /** A Java name: identifiers separated by dots (a class, or a package). */
    Pattern JAVA_NAME = Pattern.compile(
            "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

    /** A class that implements ModelProvider, or has a static metadata() method or METADATA field. */
    record ModelClass(String name) implements ModelSource {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The JPA entities of a package and its subpackages, read with a naming strategy and a reading of Bean Validation. */
    record JpaPackage(String packageName, Naming naming, Validation validation) implements ModelSource {
        /** With Bean Validation read as Hibernate ORM applies it, the default. */
        public JpaPackage(String packageName, Naming naming) {
            this(packageName, naming, Validation.HIBERNATE);
        }

        @Override
        public String toString() {
            return "JPA entities in " + packageName + " (" + settings() + ")";
        }

        /** {@code naming jpa}, and the validation when it is not the default: {@code naming jpa, validation none}. */
        public String settings() {
            return "naming " + naming.yamlName() + (validation == Validation.HIBERNATE ? "" : ", validation " + validation.yamlName());
        }
    }

    /** The values of {@code naming:}, as written in retort.yaml. */
    enum Naming {
        /** The names the Jakarta Persistence specification implies (Hibernate's default). */
        JPA("jpa", NamingStrategy.JPA_DEFAULT),
        /** Spring Boot's default: snake_case tables and columns. */
        SNAKE_CASE("snake_case", NamingStrategy.SNAKE_CASE);

        private final String yamlName;
        private final NamingStrategy strategy;

        Naming(String yamlName, NamingStrategy strategy) {
            this.yamlName = yamlName;
            this.strategy = strategy;
        }

        public String yamlName() {
            return yamlName;
        }

        public NamingStrategy strategy() {
            return strategy;
        }

        public static Optional<Naming> byYamlName(String name) {
            return Arrays.stream(values()).filter(n -> n.yamlName.equals(name)).findFirst();
        }

        public static List<String> yamlNames() {
            return Arrays.stream(values()).map(Naming::yamlName).toList();
        }
    }

    /** The values of {@code validation:}, as written in retort.yaml. */
    enum Validation {
        /** Bean Validation constraints shape columns as Hibernate ORM applies them with Hibernate Validator present. */
        HIBERNATE("hibernate", BeanValidation.HIBERNATE),
        /** They shape nothing: the application runs without a validator. */
        NONE("none", BeanValidation.NONE);

        private final String yamlName;
        private final BeanValidation mode;

        Validation(String yamlName, BeanValidation mode) {
            this.yamlName = yamlName;
            this.mode = mode;
        }

        public String yamlName() {
            return yamlName;
        }

        public BeanValidation mode() {
            return mode;
        }

        public static Optional<Validation> byYamlName(String name) {
            return Arrays.stream(values()).filter(v -> v.yamlName.equals(name)).findFirst();
        }

        public static List<String> yamlNames() {
            return Arrays.stream(values()).map(Validation::yamlName).toList();
        }
    }
}
