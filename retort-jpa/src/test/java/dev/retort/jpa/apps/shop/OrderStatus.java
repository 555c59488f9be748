package dev.retort.jpa.apps.shop;

public enum OrderStatus {
    NEW, PAID, SHIPPED, CANCELLED
}
