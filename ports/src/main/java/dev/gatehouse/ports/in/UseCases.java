package dev.gatehouse.ports.in;

/** Every inbound port of one Gatehouse instance, as the HTTP adapter and the launcher consume them. */
public interface UseCases {

    Projects projects();

    Credentials credentials();

    Verifier verifier();

    Organizations organizations();

    Bootstrap bootstrap();

    AuditLog auditLog();

    /** The notification channels of the caller's organization, with their secrets masked. */
    Channels channels();

    /** The alerts of the projects the caller can see. */
    Alerts alerts();

    /** The dashboards of the projects the caller can see. */
    Dashboards dashboards();

    /** The managed variables of the projects the caller can see. */
    Variables variables();
}
