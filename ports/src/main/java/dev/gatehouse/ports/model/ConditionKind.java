package dev.gatehouse.ports.model;

/** What a targeting condition of a variable override tests, spelled on the wire as the Logfire SDK spells it. */
public enum ConditionKind implements WireEnum {
    VALUE_EQUALS("value-equals", Operand.VALUE),
    VALUE_DOES_NOT_EQUAL("value-does-not-equal", Operand.VALUE),
    VALUE_IS_IN("value-is-in", Operand.VALUES),
    VALUE_IS_NOT_IN("value-is-not-in", Operand.VALUES),
    VALUE_MATCHES_REGEX("value-matches-regex", Operand.PATTERN),
    VALUE_DOES_NOT_MATCH_REGEX("value-does-not-match-regex", Operand.PATTERN),
    KEY_IS_PRESENT("key-is-present", Operand.NONE),
    KEY_IS_NOT_PRESENT("key-is-not-present", Operand.NONE);

    private final String wireName;
    private final Operand operand;

    ConditionKind(String wireName, Operand operand) {
        this.wireName = wireName;
        this.operand = operand;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** The field, besides {@code attribute}, that a condition of this kind needs. */
    public Operand operand() {
        return operand;
    }

    /** The field a condition compares its attribute with. */
    public enum Operand {
        /** One JSON value, {@code value}. */
        VALUE,
        /** A list of JSON values, {@code values}. */
        VALUES,
        /** A regular expression, {@code pattern}. */
        PATTERN,
        /** Nothing: the condition tests whether the attribute is present. */
        NONE
    }
}
