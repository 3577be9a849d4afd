package io.vigil.alerts.email;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The e-mail target's settings ({@code vigil.alerts.email.*}), checked at start-up: none of them without {@code host}
 * (no e-mail then), a sender and at least one recipient with it, addresses parsed strictly, TLS unless the server is on
 * loopback. The password (env {@code VIGIL_ALERTS_EMAIL_PASSWORD}) never shows: not in {@link #toString()}, not in an
 * error, not in {@link #origin()}.
 *
 * @param host     the SMTP server; none: no e-mail
 * @param port     its port; unset: 587, or 465 with {@code security=TLS}
 * @param security STARTTLS (required: no message goes to a server that does not offer it), TLS (implicit, from the
 *                 first byte) or NONE (only to a loopback host)
 * @param username the SMTP user (AUTH PLAIN or LOGIN, only ever inside TLS unless on loopback); none: no login
 * @param password its password
 * @param from     the sender's address
 * @param to       the recipients' addresses (a comma-separated list in one environment variable)
 * @param caFile   a PEM file of the CA certificates (or the server's own certificate) to trust instead of the JVM's;
 *                 the server's name is checked against its certificate either way
 */
@ConfigurationProperties("vigil.alerts.email")
public record EmailConfig(
        @Nullable String host,
        @Nullable Integer port,
        @Bindable(defaultValue = "STARTTLS") Security security,
        @Nullable String username,
        @Nullable String password,
        @Nullable String from,
        @Nullable List<String> to,
        @Nullable Path caFile) {

    /** How the connection to the SMTP server is protected. */
    public enum Security {
        /** Plain connection upgraded by STARTTLS, required: port 587. */
        STARTTLS,
        /** TLS from the first byte: port 465. */
        TLS,
        /** No TLS: only to a server on loopback (a local relay). */
        NONE
    }

    /** The most recipients one target has. */
    public static final int MAX_RECIPIENTS = 50;

    /** A host name, an IPv4 address, or an IPv6 address without brackets. */
    private static final Pattern HOST =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,252}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]{1,44}");

    public EmailConfig {
        host = blankToNull(host);
        username = blankToNull(username);
        password = password == null || password.isEmpty() ? null : password;
        from = blankToNull(from);
        to = to == null
                ? List.of()
                : to.stream().filter(t -> !t.isBlank()).map(String::strip).toList();
        security = security == null ? Security.STARTTLS : security;
        if (host == null) {
            if (username != null || password != null || from != null || !to.isEmpty() || caFile != null) {
                throw new IllegalArgumentException(
                        "vigil.alerts.email.* is set but vigil.alerts.email.host is not: set the SMTP server's host");
            }
        } else {
            check(host, port, security, username, password, caFile);
            parse("from", from);
            if (to.isEmpty() || to.size() > MAX_RECIPIENTS) {
                throw new IllegalArgumentException("vigil.alerts.email.to must name 1 to " + MAX_RECIPIENTS
                        + " recipients (comma-separated): " + to.size());
            }
            for (String address : to) {
                parse("to", address);
            }
        }
    }

    private static void check(
            String host, Integer port, Security security, String username, String password, Path caFile) {
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException(
                    "vigil.alerts.email.host must be a host name or an IP address: '" + host + "'");
        }
        if (port != null && (port < 1 || port > 65_535)) {
            throw new IllegalArgumentException("vigil.alerts.email.port must be between 1 and 65535: " + port);
        }
        if (security == Security.NONE && !loopback(host)) {
            throw new IllegalArgumentException("vigil.alerts.email.security NONE sends in the clear, so only to a "
                    + "server on loopback (localhost, 127.0.0.1, ::1), not " + host + ": use STARTTLS or TLS");
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException(
                    username == null
                            ? "vigil.alerts.email.password is set without vigil.alerts.email.username"
                            : "vigil.alerts.email.username needs vigil.alerts.email.password (env VIGIL_ALERTS_EMAIL_PASSWORD)");
        }
        if (caFile != null && !Files.isReadable(caFile)) {
            throw new IllegalArgumentException("vigil.alerts.email.ca-file cannot be read: " + caFile.toAbsolutePath());
        }
    }

    private static InternetAddress parse(String setting, String address) {
        if (address == null) {
            throw new IllegalArgumentException(
                    "vigil.alerts.email." + setting + " is needed with vigil.alerts.email.host");
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return parsed;
        } catch (AddressException e) {
            throw new IllegalArgumentException(
                    "vigil.alerts.email." + setting + " is not an e-mail address: '" + address + "'");
        }
    }

    /** Whether {@code host} is this machine without asking DNS: {@code localhost}, 127.0.0.0/8, {@code ::1}. */
    static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.matches("127(\\.[0-9]{1,3}){3}") || h.equals("::1");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Whether e-mail is on: a host is set. */
    public boolean configured() {
        return host != null;
    }

    /** The port: as set, else 465 for implicit TLS, else 587. */
    public int effectivePort() {
        return port != null ? port : security == Security.TLS ? 465 : 587;
    }

    /** {@code smtp://host:port}: how the server is shown; no user, no password. */
    public String origin() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "smtp://" + h.toLowerCase(Locale.ROOT) + ":" + effectivePort();
    }

    public InternetAddress fromAddress() {
        return parse("from", from);
    }

    public List<InternetAddress> toAddresses() {
        List<InternetAddress> addresses = new ArrayList<>();
        for (String address : to) {
            addresses.add(parse("to", address));
        }
        return addresses;
    }

    public Optional<Path> trusted() {
        return Optional.ofNullable(caFile);
    }

    @Override
    public String toString() {
        if (host == null) {
            return "EmailConfig[none]";
        }
        return "EmailConfig[" + origin() + ", " + security + (username == null ? ", no login" : ", user " + username)
                + ", from " + from + ", to " + to.size() + " recipient(s)"
                + (caFile == null ? "" : ", trusting " + caFile) + "]";
    }
}
