package io.vigil.access.login;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * The bearer token as an HttpOnly, SameSite=Strict cookie scoped to {@code /api/cameras}, for players that cannot
 * send headers (Safari's and iOS's native HLS). It is read only for GET and HEAD requests without an
 * {@code Authorization} header; the access rule accepts it only on footage routes (playlists, segments, clips),
 * so it cannot be used to change anything, even if a browser sent it cross-site.
 */
@Singleton
public class MediaCookie implements TokenReader<HttpRequest<?>> {

    public static final String NAME = "vigil_media";
    static final String PATH = "/api/cameras";

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        if (request.getHeaders().getAuthorization().isPresent()
                || (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD)
                || !request.getPath().startsWith(PATH + "/")) {
            return Optional.empty();
        }
        return request.getCookies().findCookie(NAME).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    /** Whether this request was authenticated by the cookie, not by a header. */
    public static boolean used(HttpRequest<?> request) {
        return request.getHeaders().getAuthorization().isEmpty()
                && request.getCookies().findCookie(NAME).isPresent();
    }

    static Cookie of(HttpRequest<?> request, String token, Duration ttl) {
        return Cookie.of(NAME, token)
                .httpOnly(true)
                .sameSite(SameSite.Strict)
                .path(PATH)
                .maxAge(ttl)
                .secure(request.isSecure());
    }

    static Cookie cleared(HttpRequest<?> request) {
        return Cookie.of(NAME, "")
                .httpOnly(true)
                .sameSite(SameSite.Strict)
                .path(PATH)
                .maxAge(0)
                .secure(request.isSecure());
    }

    @Override
    public int getOrder() {
        return 100; // after the Authorization header's reader
    }
}
