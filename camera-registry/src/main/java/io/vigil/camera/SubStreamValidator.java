package io.vigil.camera;

import java.util.Map;
import java.util.Optional;

/**
 * Checks a request's {@code streams.sub} against the camera's main stream and what is stored (part of
 * {@link CameraValidator}). Pure. A sub stream is another path on the same camera: at the main URL's origin (its
 * credentials and pinned certificate are the camera's), never with credentials of its own in the URL, never the main
 * URL itself. Errors are keyed {@code streams.sub.url}, {@code streams.sub.retentionDays}, {@code streams.sub.maxBytes},
 * {@code streams.sub.quota}.
 */
final class SubStreamValidator {

    static final String URL = "streams.sub.url";
    static final String RETENTION_DAYS = "streams.sub.retentionDays";
    static final String MAX_BYTES = "streams.sub.maxBytes";
    static final String QUOTA = "streams.sub.quota";

    private SubStreamValidator() {}

    /**
     * @param request       {@code streams.sub} of the request, or null (keep the stored sub stream)
     * @param stored        the stored camera's sub stream, if any
     * @param mainUrl       the camera's main URL after this request, or null when it is invalid (then the origin is
     *                      not checked)
     * @param retentionDays the main stream's days after this request (a new sub stream's default)
     * @param errors        where problems go, by field
     * @return the sub stream after this request, or null for none
     */
    static SubStream validate(
            StreamRequest request,
            Optional<SubStream> stored,
            RtspUrl mainUrl,
            int retentionDays,
            Map<String, String> errors) {
        if (request != null && request.url() != null && request.url().isBlank()) {
            return null;
        }
        RtspUrl url = stored.map(SubStream::url).orElse(null);
        if (request != null && request.url() != null) {
            try {
                RtspUrl.Parsed parsed = RtspUrl.parse(request.url());
                if (parsed.username().isPresent() || parsed.password().isPresent()) {
                    errors.put(URL, "must not carry credentials: the camera's username and password are used");
                    return null;
                }
                url = parsed.url();
            } catch (IllegalArgumentException e) {
                errors.put(URL, e.getMessage());
                return null;
            }
        }
        if (url == null) {
            if (request != null) {
                errors.put(URL, "is required for a sub stream");
            }
            return null;
        }
        if (mainUrl != null && !url.origin().equals(mainUrl.origin())) {
            errors.put(
                    URL,
                    request == null || request.url() == null
                            ? "is at another origin than the new url: give the sub stream's url too, or \"\" to remove it"
                            : "must be at the url's scheme, host and port: a sub stream is another path on the same camera");
            return null;
        }
        if (mainUrl != null && url.value().equals(mainUrl.value())) {
            errors.put(URL, "must differ from the main stream's url");
            return null;
        }
        int days = request != null && request.retentionDays() != null
                ? request.retentionDays()
                : stored.map(SubStream::retentionDays).orElse(retentionDays);
        if (days < 1 || days > Camera.MAX_RETENTION_DAYS) {
            errors.put(RETENTION_DAYS, "must be between 1 and " + Camera.MAX_RETENTION_DAYS);
            return null;
        }
        Long requested =
                request == null ? null : QuotaField.requested(request.quota(), request.maxBytes(), QUOTA, errors);
        if (errors.containsKey(QUOTA)) {
            return null;
        }
        Long maxBytes = requested != null
                ? (requested == 0 ? null : requested)
                : stored.map(SubStream::maxBytes).orElse(null);
        if (maxBytes != null && maxBytes < 0) {
            errors.put(MAX_BYTES, "must be a positive number of bytes, or 0 for no quota");
            return null;
        }
        return new SubStream(url, days, maxBytes);
    }
}
