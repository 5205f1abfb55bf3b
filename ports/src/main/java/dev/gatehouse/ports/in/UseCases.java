package dev.gatehouse.ports.in;

/** Every inbound port of one Gatehouse instance, as the HTTP adapter and the launcher consume them. */
public interface UseCases {

    Projects projects();

    Credentials credentials();

    Verifier verifier();

    Organizations organizations();

    Bootstrap bootstrap();

    AuditLog auditLog();
}
