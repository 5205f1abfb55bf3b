package dev.gatehouse.ports.model;

/** Who may see a project's data: members only, or anyone with the link. */
public enum Visibility implements WireEnum {
    PRIVATE("private"),
    PUBLIC("public");

    private final String wireName;

    Visibility(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
