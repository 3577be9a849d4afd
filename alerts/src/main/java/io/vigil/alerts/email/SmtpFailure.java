package io.vigil.alerts.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Why an attempt to mail failed, in a few words of our own: never the server's reply text, the user's name, the
 * password or a stack, only the server's origin and which step failed (connect, TLS, login, the message).
 */
final class SmtpFailure {

    private SmtpFailure() {}

    static String describe(MessagingException e, String origin, Duration connectTimeout, Duration answerTimeout) {
        List<Throwable> chain = chain(e);
        if (e instanceof AuthenticationFailedException) {
            return "the server " + origin + " refused the login (user name or password)";
        }
        if (e.getMessage() != null && e.getMessage().startsWith("STARTTLS is required")) {
            return "the server " + origin + " does not offer STARTTLS, which security STARTTLS requires: nothing sent";
        }
        if (has(chain, CertPathBuilderException.class) || has(chain, CertPathValidatorException.class)) {
            return "TLS failed: the certificate of " + origin + " is not trusted (see vigil.alerts.email.ca-file)";
        }
        if (has(chain, CertificateException.class) || mentions(chain, "identity of server")) {
            return "TLS failed: the certificate of " + origin + " does not name its host";
        }
        if (has(chain, SSLException.class)) {
            return "TLS failed with " + origin + ": "
                    + first(chain, SSLException.class).getClass().getSimpleName();
        }
        if (e instanceof MailConnectException || has(chain, ConnectException.class)) {
            return "cannot connect to " + origin
                    + (has(chain, SocketTimeoutException.class) ? " within " + connectTimeout.toMillis() + " ms" : "");
        }
        if (has(chain, UnknownHostException.class)) {
            return "cannot connect to " + origin + ": unknown host";
        }
        if (has(chain, SocketTimeoutException.class)) {
            return "no answer from " + origin + " within " + answerTimeout.toMillis() + " ms";
        }
        if (e instanceof SendFailedException) {
            return "the server " + origin + " refused the message or its recipients";
        }
        return "failed: " + e.getClass().getSimpleName();
    }

    /** The exception and its causes (a {@link MessagingException}'s next exception included), at most 10. */
    private static List<Throwable> chain(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && chain.size() < 10 && !chain.contains(t); ) {
            chain.add(t);
            t = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause();
        }
        return chain;
    }

    private static boolean has(List<Throwable> chain, Class<? extends Throwable> type) {
        return first(chain, type) != null;
    }

    private static Throwable first(List<Throwable> chain, Class<? extends Throwable> type) {
        return chain.stream().filter(type::isInstance).findFirst().orElse(null);
    }

    private static boolean mentions(List<Throwable> chain, String words) {
        return chain.stream()
                .anyMatch(t -> t.getMessage() != null && t.getMessage().contains(words));
    }
}
