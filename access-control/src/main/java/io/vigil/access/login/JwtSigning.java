package io.vigil.access.login;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Factory;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Bearer tokens are HS256 JWTs signed with a key derived from {@link TokenKeys}, never one from configuration.
 * The one signature bean both signs (as the generator) and checks tokens; a token that is unsigned
 * ({@code alg: none}) or signed otherwise is refused.
 */
@Factory
public class JwtSigning {

    @Singleton
    @Named("generator")
    public SignatureGeneratorConfiguration generator(TokenKeys keys) {
        SecretSignatureConfiguration c = new SecretSignatureConfiguration("generator");
        c.setJwsAlgorithm(JWSAlgorithm.HS256);
        c.setSecret(keys.jwtSecret());
        return new SecretSignature(c);
    }
}
