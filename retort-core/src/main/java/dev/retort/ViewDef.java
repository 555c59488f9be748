package dev.retort;

import java.util.ArrayList;
import java.util.List;

/** A view under definition ({@link Dsl#view}, {@link Dsl#materializedView}); {@link MetaData#view} builds it. */
public final class ViewDef {
    private final String name;
    private final String query;
    private final boolean materialized;
    private final List<String> options = new ArrayList<>();
    private final List<Dsl.IndexDef> indexes = new ArrayList<>();
    private String comment;

    ViewDef(String name, String query, boolean materialized) {
        this.name = name;
        this.query = query;
        this.materialized = materialized;
    }

    /** An option as {@code name=value}: {@code security_barrier=true}, or a materialized view's {@code fillfactor=70}. */
    public ViewDef option(String nameEqualsValue) {
        options.add(nameEqualsValue);
        return this;
    }

    /** {@code security_barrier}: conditions of the view are applied before any the user adds. */
    public ViewDef securityBarrier() {
        return option("security_barrier=true");
    }

    /** {@code security_invoker}: the view checks the caller's privileges on its tables, not its owner's. */
    public ViewDef securityInvoker() {
        return option("security_invoker=true");
    }

    /** {@code WITH LOCAL CHECK OPTION}: rows written through the view must satisfy its condition. */
    public ViewDef localCheckOption() {
        return option("check_option=local");
    }

    /** {@code WITH CASCADED CHECK OPTION}: the conditions of the views under it too. */
    public ViewDef cascadedCheckOption() {
        return option("check_option=cascaded");
    }

    /** An index of a materialized view. */
    public ViewDef index(Dsl.IndexDef index) {
        indexes.add(index);
        return this;
    }

    public ViewDef comment(String text) {
        this.comment = text;
        return this;
    }

    View build(NamingConvention naming, String schema) {
        List<Index> built = new ArrayList<>();
        for (Dsl.IndexDef ix : indexes) built.add(Dsl.index(naming, name, ix));
        return new View(schema, name, query, materialized, options, built, comment);
    }
}
