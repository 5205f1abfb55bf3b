package dev.gatehouse.ports.model;

/** When an alert notifies its channels, judged on each evaluation's matches. */
public enum NotifyWhen implements WireEnum {
    /** Every evaluation that finds matches. */
    HAS_MATCHES("has_matches"),
    /** Every evaluation whose having matches differs from the previous one's, in either direction. */
    HAS_MATCHES_CHANGED("has_matches_changed"),
    /** Every evaluation whose matches differ from the previous one's. */
    MATCHES_CHANGED("matches_changed"),
    /** An evaluation that finds matches after one that found none. */
    STARTS_HAVING_MATCHES("starts_having_matches");

    private final String wireName;

    NotifyWhen(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
