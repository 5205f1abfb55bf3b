package dev.gatehouse.ports.model;

/** How a webhook channel formats its payload. */
public enum WebhookFormat implements WireEnum {
    AUTO("auto"),
    SLACK_BLOCKKIT("slack-blockkit"),
    SLACK_LEGACY("slack-legacy"),
    RAW_DATA("raw-data");

    private final String wireName;

    WebhookFormat(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
