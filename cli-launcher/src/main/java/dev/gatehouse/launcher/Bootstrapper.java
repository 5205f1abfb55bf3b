package dev.gatehouse.launcher;

import dev.gatehouse.ports.in.UseCases;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.GatehouseException;
import dev.gatehouse.ports.model.IssuedCredential;
import java.io.PrintWriter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up an empty installation and shows its admin key once, on standard output: the one place a raw token is
 * ever printed. Log lines name the key by id and display prefix only.
 */
final class Bootstrapper {

    private static final Logger LOG = LoggerFactory.getLogger(Bootstrapper.class);

    static final String BANNER_TITLE = "Gatehouse: new installation";

    private static final String RULE = "=".repeat(78);

    private Bootstrapper() {
    }

    /** Bootstraps {@code organizationName} if the store holds no organization yet, printing its admin key to {@code out}. */
    static void bootstrapIfEmpty(UseCases useCases, String organizationName, PrintWriter out) {
        Optional<IssuedCredential> issued = useCases.bootstrap().bootstrapIfEmpty(organizationName);
        if (issued.isEmpty()) {
            LOG.info("The installation is already set up ({} organization(s)); no key is printed "
                    + "('gatehouse admin create-key' issues more)", useCases.organizations().all().size());
            return;
        }
        Credential admin = issued.get().credential();
        out.println(banner(organizationName, issued.get().token()));
        out.flush();
        if (out.checkError()) {
            throw new GatehouseException("the admin API key of the new organization '" + organizationName + "' ("
                    + admin.id() + ") could not be written to standard output and is lost; issue another with "
                    + "'gatehouse admin create-key --org " + organizationName + "' and revoke this one");
        }
        LOG.info("Set up organization '{}' with admin API key {} ({}...), printed once on standard output",
                organizationName, admin.id(), admin.tokenPrefix());
    }

    static String banner(String organizationName, String token) {
        return String.join(System.lineSeparator(),
                "",
                RULE,
                "  " + BANNER_TITLE,
                "",
                "  Organization '" + organizationName + "' was created with this admin API key, which holds",
                "  every scope. It is shown this once and never again: store it now.",
                "",
                "    " + token,
                "",
                "  Send it as:  Authorization: Bearer <key>",
                RULE,
                "");
    }
}
