package io.vigil.access.token;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What {@code POST /api/tokens} answers, the one time the secret is shown: the token and its secret, to send as
 * {@code Authorization: Bearer vgt_...}.
 */
@Serdeable
public record CreatedToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "CreatedToken[" + token + ", secret=(not shown)]";
    }
}
