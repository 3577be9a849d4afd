package io.vigil.archive.store;

import io.minio.Signer;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A PUT of bytes whose SHA-256 the caller already knows (every segment's is in its index row), signed with the MinIO
 * SDK's own AWS Signature V4 {@link Signer} and sent on the SDK's HTTP client: the payload is signed, so the store
 * still checks every byte, yet it is hashed once, not again, and written from the caller's array. The SDK's
 * {@code putObject} copies a stream into buffers that double as they fill and hashes it again: 2.6 ms of CPU per
 * 1 MB segment measured (issue 17, docs/BENCHMARKS.md), more than the rest of recording it. Path-style URLs, as the
 * SDK uses for an endpoint it is given. An error answer keeps S3's code and message, never the request's signature.
 */
final class SignedPut {

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern CODE = Pattern.compile("<Code>([^<]{1,100})</Code>");
    private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]{1,300})</Message>");
    private static final int MAX_ERROR_BODY_BYTES = 8 * 1024;

    private final OkHttpClient http;
    private final HttpUrl bucketUrl;
    private final String region;
    private final String accessKey;
    private final String secretKey;
    private final Clock clock;

    SignedPut(
            OkHttpClient http,
            String endpoint,
            String bucket,
            String region,
            String accessKey,
            String secretKey,
            Clock clock) {
        HttpUrl base = HttpUrl.parse(endpoint);
        if (base == null) {
            throw new IllegalArgumentException("not an http(s) URL: the object store's endpoint");
        }
        this.http = http;
        this.bucketUrl = base.newBuilder().addPathSegment(bucket).build();
        this.region = region;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.clock = clock;
    }

    /** Stores {@code bytes}, whose SHA-256 is {@code sha256Hex}; returns once the store acknowledged them. */
    void put(String key, byte[] bytes, String sha256Hex, String contentType, Map<String, String> metadata) {
        if (!SHA256_HEX.matcher(sha256Hex).matches()) {
            throw new IllegalArgumentException("a SHA-256 is 64 lower-case hex digits");
        }
        HttpUrl url = bucketUrl.newBuilder().addPathSegments(key).build();
        Request.Builder request = new Request.Builder()
                .url(url)
                .put(RequestBody.create(bytes, MediaType.parse(contentType)))
                .header("Host", host(url))
                .header("x-amz-date", AMZ_DATE.format(clock.instant()))
                .header("x-amz-content-sha256", sha256Hex);
        metadata.forEach((name, value) -> request.header("x-amz-meta-" + name.toLowerCase(Locale.ROOT), value));
        Request signed;
        try {
            signed = Signer.signV4S3(request.build(), region, accessKey, secretKey, sha256Hex);
        } catch (GeneralSecurityException e) {
            throw new VigilException(ErrorCode.STORAGE_UNAVAILABLE, "cannot sign the request storing " + key, e);
        }
        try (Response response = http.newCall(signed).execute()) {
            if (!response.isSuccessful()) {
                throw new VigilException(
                        ErrorCode.STORAGE_UNAVAILABLE,
                        "cannot store " + key + ": HTTP " + response.code() + reason(response.body()));
            }
        } catch (IOException e) {
            throw StoreErrors.unavailable("cannot store " + key, e);
        }
    }

    /** The Host header as signed: the port only when it is not the scheme's own. */
    private static String host(HttpUrl url) {
        return url.port() == HttpUrl.defaultPort(url.scheme()) ? url.host() : url.host() + ":" + url.port();
    }

    /** S3's error code and message from an error answer's first bytes, if it has them. */
    private static String reason(ResponseBody body) throws IOException {
        if (body == null) {
            return "";
        }
        String text = new String(body.byteStream().readNBytes(MAX_ERROR_BODY_BYTES), StandardCharsets.UTF_8);
        Matcher code = CODE.matcher(text);
        Matcher message = MESSAGE.matcher(text);
        return (code.find() ? " " + code.group(1) : "") + (message.find() ? ": " + message.group(1) : "");
    }
}
