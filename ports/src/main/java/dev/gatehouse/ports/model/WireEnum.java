package dev.gatehouse.ports.model;

/** An enumeration whose constants have a lowercase wire spelling distinct from their Java names. */
public interface WireEnum {

    /** The constant as the wire format spells it. */
    String wireName();
}
