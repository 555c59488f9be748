package org.hibernate.annotations;

/** Test stand-in with the constants of Hibernate's enum (see {@link ColumnDefault}). */
public enum OnDeleteAction {
    NO_ACTION, CASCADE, RESTRICT, SET_NULL, SET_DEFAULT
}
