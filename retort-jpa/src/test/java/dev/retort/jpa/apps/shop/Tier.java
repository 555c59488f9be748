package dev.retort.jpa.apps.shop;

public enum Tier {
    BRONZE, SILVER, GOLD
}
