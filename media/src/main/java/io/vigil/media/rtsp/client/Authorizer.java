package io.vigil.media.rtsp.client;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import io.vigil.media.auth.AuthChallenge;
import io.vigil.media.auth.BasicAuth;
import io.vigil.media.auth.Credentials;
import io.vigil.media.auth.DigestAuth;
import io.vigil.media.rtsp.RtspRequest;
import java.util.List;
import java.util.function.Supplier;

/**
 * The answer to a camera's 401 challenges, added to every request after it: Digest when offered (MD5 or another
 * algorithm {@link DigestAuth} knows, with or without {@code qop=auth}, the nonce count going up per request), else
 * Basic. Holds the credentials; never shows them.
 */
final class Authorizer {

    private final Credentials credentials;
    private final DigestAuth digest;
    private final Supplier<String> clientNonces;
    private int nonceCount;

    private Authorizer(Credentials credentials, DigestAuth digest, Supplier<String> clientNonces) {
        this.credentials = credentials;
        this.digest = digest;
        this.clientNonces = clientNonces;
    }

    /** The answer to {@code challenges}; none Vigil can answer is refused ({@link MediaError#AUTH_UNSUPPORTED}). */
    static Authorizer answering(
            List<AuthChallenge> challenges, Credentials credentials, Supplier<String> clientNonces) {
        MediaException refused = null;
        for (AuthChallenge challenge : challenges) {
            if (challenge.scheme().equals("digest")) {
                try {
                    return new Authorizer(credentials, DigestAuth.of(challenge), clientNonces);
                } catch (MediaException e) {
                    refused = e;
                }
            }
        }
        if (challenges.stream().anyMatch(c -> c.scheme().equals("basic"))) {
            return new Authorizer(credentials, null, clientNonces);
        }
        throw refused != null
                ? refused
                : new MediaException(
                        MediaError.AUTH_UNSUPPORTED,
                        "no Basic or Digest challenge among "
                                + challenges.stream().map(AuthChallenge::scheme).toList());
    }

    /** {@code request} with its Authorization header. */
    RtspRequest authorize(RtspRequest request) {
        if (digest == null) {
            try {
                return request.with("Authorization", BasicAuth.authorization(credentials));
            } catch (IllegalArgumentException e) {
                throw new MediaException(MediaError.UNAUTHORIZED, "a user name with ':' cannot be sent with Basic");
            }
        }
        nonceCount++;
        return request.with(
                "Authorization",
                digest.authorization(
                        credentials, request.method().name(), request.url(), clientNonces.get(), nonceCount));
    }

    @Override
    public String toString() {
        return digest == null ? "Basic" : "Digest";
    }
}
