-- One-way fingerprints (HMAC-SHA256 of a fixed text) of the secrets the installation was first started with, its
-- pepper and master secret, so that a start with other secrets is refused instead of failing every token or channel.

CREATE TABLE installation_fingerprints (
    name        VARCHAR(64) NOT NULL,
    fingerprint VARCHAR(64) NOT NULL,
    CONSTRAINT pk_installation_fingerprints PRIMARY KEY (name)
);
