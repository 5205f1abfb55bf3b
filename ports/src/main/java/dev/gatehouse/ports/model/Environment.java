package dev.gatehouse.ports.model;

/** The deployment stage a project collects data from. */
public enum Environment implements WireEnum {
    PRODUCTION("production"),
    STAGING("staging"),
    DEVELOPMENT("development");

    private final String wireName;

    Environment(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
