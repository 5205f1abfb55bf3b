package dev.gatehouse.ports.model;

/** Counts text as pydantic and PostgreSQL count its length: in code points, so that an emoji is one character. */
public final class Characters {

    private Characters() {
    }

    /** The number of characters (code points) of {@code text}. */
    public static int count(String text) {
        return text.codePointCount(0, text.length());
    }
}
