package io.vigil.media.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestAuthTest {

    /** RFC 7616 §3.9.1: the same request answered with MD5 and with SHA-256 ("Circle of Life"). */
    @ParameterizedTest(name = "RFC 7616 §3.9.1, {0}")
    @CsvSource({
        "MD5,     8ca523f5e9506fed4657c9700eebdbec",
        "SHA-256, 753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"
    })
    void rfc7616Examples(String algorithm, String response) {
        AuthChallenge challenge = AuthChallenge.parse("Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", "
                + "algorithm=" + algorithm + ", nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", "
                + "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");
        String header = DigestAuth.of(challenge)
                .authorization(
                        new Credentials("Mufasa", "Circle of Life"),
                        "GET",
                        "/dir/index.html",
                        "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
                        1);
        assertEquals(
                "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", "
                        + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", uri=\"/dir/index.html\", "
                        + "response=\"" + response + "\", algorithm=" + algorithm + ", "
                        + "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\", qop=auth, nc=00000001, "
                        + "cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\"",
                header);
    }

    /** RFC 2617 §3.5: qop=auth, MD5 by default ("Circle Of Life"). */
    @Test
    void rfc2617Example() {
        AuthChallenge challenge = AuthChallenge.parse("Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");
        String header = DigestAuth.of(challenge)
                .authorization(new Credentials("Mufasa", "Circle Of Life"), "GET", "/dir/index.html", "0a4f113b", 1);
        assertEquals(
                "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", "
                        + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", "
                        + "response=\"6629fae49393a05397450978507c4ef1\", algorithm=MD5, "
                        + "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\", qop=auth, nc=00000001, cnonce=\"0a4f113b\"",
                header);
    }

    /** RFC 2069 §2.4, the form without qop most cameras send: response = MD5(HA1:nonce:HA2), no nc or cnonce. */
    @Test
    void rfc2069ExampleWithoutQop() {
        AuthChallenge challenge = AuthChallenge.parse(
                "Digest realm=\"testrealm@host.com\", " + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\"");
        String header = DigestAuth.of(challenge)
                .authorization(new Credentials("Mufasa", "CircleOfLife"), "GET", "/dir/index.html", "unused", 1);
        assertEquals(
                "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", "
                        + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", "
                        + "response=\"1949323746fe6a43ef61f9606e7febea\"",
                header);
    }

    @Test
    void aQuoteInTheUserNameIsEscaped() {
        String header = new DigestAuth("r", "n", "MD5", false, null)
                .authorization(new Credentials("a\"b", "p"), "OPTIONS", "*", "c", 2);
        assertEquals(true, header.startsWith("Digest username=\"a\\\"b\", realm=\"r\""), header);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "AUTH_UNSUPPORTED | Digest realm=\"r\", nonce=\"n\", qop=\"auth-int\"",
                "AUTH_UNSUPPORTED | Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256",
                "AUTH_UNSUPPORTED | Basic realm=\"r\"",
                "MALFORMED_HEADER | Digest realm=\"r\"",
                "MALFORMED_HEADER | Digest realm=\"r, nonce=\"n",
                "MALFORMED_HEADER | Digest realm"
            })
    void aChallengeThatCannotBeAnsweredIsRefusedByName(MediaError error, String value) {
        MediaException refused = assertThrows(MediaException.class, () -> DigestAuth.of(AuthChallenge.parse(value)));
        assertEquals(error, refused.error());
    }

    @Test
    void challengeParametersAreUnquotedAndNamedInLowerCase() {
        AuthChallenge challenge =
                AuthChallenge.parse("Digest Realm=\"IP Camera(C1234)\",nonce=\"a\\\"b\", stale=FALSE");
        assertEquals(
                new AuthChallenge("digest", Map.of("realm", "IP Camera(C1234)", "nonce", "a\"b", "stale", "FALSE")),
                challenge);
    }

    /** RFC 7617 §2's example. */
    @Test
    void basic() {
        assertEquals(
                "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
                BasicAuth.authorization(new Credentials("Aladdin", "open sesame")));
        assertEquals(
                "Credentials[username=Aladdin, password=***]", new Credentials("Aladdin", "open sesame").toString());
    }
}
