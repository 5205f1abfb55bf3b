package dev.gatehouse.ports.model;

/** The PagerDuty service region a routing key belongs to. */
public enum PagerDutyRegion implements WireEnum {
    US("us"),
    EU("eu");

    private final String wireName;

    PagerDutyRegion(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
