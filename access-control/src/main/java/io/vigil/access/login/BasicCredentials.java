package io.vigil.access.login;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import io.vigil.access.ClientAddress;
import io.vigil.access.Denial;
import io.vigil.access.SecurityConfig;
import io.vigil.access.user.User;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/** HTTP Basic: Micronaut Security hands the header's username and password here, on a blocking thread (bcrypt is slow). */
@Singleton
public class BasicCredentials<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    /** Attribute of an authentication made from a password on this request (not from a bearer token). */
    public static final String VIA = "via";

    private final SignIn signIn;
    private final boolean trustForwardedFor;

    public BasicCredentials(SignIn signIn, SecurityConfig config) {
        this.signIn = signIn;
        this.trustForwardedFor = config.trustForwardedFor();
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> auth) {
        try {
            User user = signIn.check(
                    auth.getIdentity(), auth.getSecret(), ClientAddress.of(request, trustForwardedFor), "basic");
            return AuthenticationResponse.success(
                    user.username(), List.of(user.role().id()), Map.of(VIA, "basic"));
        } catch (VigilException e) {
            if (request != null) {
                long retry = e.code() == ErrorCode.TOO_MANY_ATTEMPTS
                        ? Long.parseLong(e.fieldErrors().getOrDefault("retryAfterSeconds", "60"))
                        : 0;
                new Denial(e.code(), e.getMessage(), retry).attachTo(request);
            }
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
    }
}
