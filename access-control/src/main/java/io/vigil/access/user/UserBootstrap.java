package io.vigil.access.user;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import io.vigil.access.Role;
import io.vigil.kernel.database.Database;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure someone can sign in. At start-up: the {@code admin} user gets the password in
 * {@code VIGIL_ADMIN_PASSWORD}, or else the first line of the file named by {@code VIGIL_ADMIN_PASSWORD_FILE}
 * (a service manager's or orchestrator's secret file), if either is set; with neither and no {@code admin} yet, a
 * random password is generated and printed once to the console (never to the log). Then the users of
 * {@code vigil.security.users} are created or brought in line with the configuration.
 */
@Singleton
public class UserBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(UserBootstrap.class);
    public static final String ADMIN = "admin";

    private final Users users;
    private final PasswordHasher hasher;
    private final Database db;
    private final List<ConfiguredUser> configured;
    private final String adminPassword;
    private PrintStream console = System.out;

    public UserBootstrap(
            Users users,
            PasswordHasher hasher,
            Database db,
            List<ConfiguredUser> configured,
            @Nullable @Value("${vigil.admin-password:}") String adminPassword,
            @Nullable @Value("${vigil.admin-password-file:}") String adminPasswordFile) {
        this.users = users;
        this.hasher = hasher;
        this.db = db;
        this.configured = configured;
        String given = adminPassword == null || adminPassword.isEmpty()
                ? System.getenv("VIGIL_ADMIN_PASSWORD")
                : adminPassword;
        if (given == null || given.isEmpty()) {
            given = readPasswordFile(
                    adminPasswordFile == null || adminPasswordFile.isEmpty()
                            ? System.getenv("VIGIL_ADMIN_PASSWORD_FILE")
                            : adminPasswordFile);
        }
        this.adminPassword = given;
    }

    /** The file's first line (a trailing newline is not part of the password); null without a file name. */
    static String readPasswordFile(String file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            String text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        } catch (IOException e) {
            // the file's name is not a secret, its content is never in the message
            throw new IllegalStateException("VIGIL_ADMIN_PASSWORD_FILE " + file + " cannot be read: "
                    + e.getClass().getSimpleName());
        }
    }

    void console(PrintStream console) {
        this.console = console;
    }

    @EventListener
    @Order(-100)
    public void onStartup(StartupEvent event) {
        bootstrapAdmin();
        configured.forEach(this::apply);
    }

    void bootstrapAdmin() {
        Optional<User> admin = users.find(ADMIN);
        if (adminPassword != null && !adminPassword.isEmpty()) {
            PasswordHasher.problem(adminPassword).ifPresent(p -> {
                throw new IllegalStateException("VIGIL_ADMIN_PASSWORD (or the file VIGIL_ADMIN_PASSWORD_FILE) " + p);
            });
            if (admin.isEmpty()) {
                users.create(new UserRequest(ADMIN, adminPassword, Role.ADMIN.id(), null), "env");
                LOG.info("created user admin with the password from VIGIL_ADMIN_PASSWORD");
            } else if (!hasher.matches(adminPassword, admin.get().passwordHash())
                    || admin.get().role() != Role.ADMIN) {
                users.update(
                        ADMIN,
                        UserChange.replacing(new UserRequest(null, adminPassword, Role.ADMIN.id(), null)),
                        "env");
                LOG.info("user admin: password and role set from VIGIL_ADMIN_PASSWORD");
            }
            return;
        }
        if (admin.isEmpty() && users.list().stream().noneMatch(u -> u.role() == Role.ADMIN)) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            users.create(new UserRequest(ADMIN, password, Role.ADMIN.id(), null), "api");
            LOG.warn(
                    "created user admin with a generated password, printed once on the console; change it on the "
                            + "console's Users page (Change my password), with PUT /api/users/admin, or set VIGIL_ADMIN_PASSWORD");
            console.println();
            console.println("==> Vigil: first start. Sign in as user 'admin' with password: " + password);
            console.println(
                    "==> It is shown only this once, and standard output may be a log: change it at once on the");
            console.println("==> console's Users page (Change my password), or set VIGIL_ADMIN_PASSWORD or");
            console.println("==> VIGIL_ADMIN_PASSWORD_FILE (a 0600 file) to choose it yourself.");
            console.println();
            console.flush();
        }
    }

    private void apply(ConfiguredUser c) {
        String role = c.role();
        if (role == null || role.isBlank()) {
            throw new IllegalStateException("vigil.security.users." + c.name() + ".role is required");
        }
        if (c.passwordHash() != null && !c.passwordHash().isBlank()) {
            if (!c.passwordHash().startsWith("$2")) {
                throw new IllegalStateException(
                        "vigil.security.users." + c.name() + ".password-hash must be a bcrypt hash ($2b$...)");
            }
            db.inTransaction(() -> {
                if (users.find(c.name()).isEmpty()) {
                    // a random throw-away password, replaced by the configured hash in the same transaction
                    byte[] random = new byte[24];
                    new SecureRandom().nextBytes(random);
                    users.create(
                            new UserRequest(c.name(), Base64.getEncoder().encodeToString(random), role, c.cameras()),
                            "config");
                } else {
                    users.update(
                            c.name(), UserChange.replacing(new UserRequest(null, null, role, c.cameras())), "config");
                }
                users.setPasswordHash(c.name(), c.passwordHash());
                return null;
            });
        } else if (c.password() != null && !c.password().isEmpty()) {
            Optional<User> existing = users.find(c.name());
            if (existing.isEmpty()) {
                users.create(new UserRequest(c.name(), c.password(), role, c.cameras()), "config");
            } else {
                boolean same = hasher.matches(c.password(), existing.get().passwordHash());
                users.update(
                        c.name(),
                        UserChange.replacing(new UserRequest(null, same ? null : c.password(), role, c.cameras())),
                        "config");
            }
        } else {
            throw new IllegalStateException("vigil.security.users." + c.name() + " needs password or password-hash");
        }
        LOG.info("user {} ({}) applied from configuration", c.name(), role);
    }
}
