package io.vigil.camera;

import io.vigil.error.VigilException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@link CameraRequest} into a {@link Camera}, collecting every problem by field so the
 * installer can fix them all at once. Pure: no I/O.
 */
public final class CameraValidator {

    private final int defaultRetentionDays;

    public CameraValidator(int defaultRetentionDays) {
        this.defaultRetentionDays = defaultRetentionDays;
    }

    /**
     * @param request  what the installer sent
     * @param existing the stored camera when updating (its password and quota are kept if the request has none; its
     *                 user name, password and pinned certificate only while the URL keeps its origin)
     * @param source   who manages the camera
     * @throws VigilException VALIDATION_FAILED with field errors
     */
    public Camera validate(CameraRequest request, Optional<Camera> existing, Camera.Source source) {
        Map<String, String> errors = new LinkedHashMap<>();
        String id = request.id() == null
                ? existing.map(Camera::id).orElse(null)
                : request.id().trim();
        if (id == null || id.isEmpty()) {
            errors.put("id", "is required");
        } else if (!io.vigil.kernel.CameraId.isValid(id)) {
            errors.put("id", io.vigil.kernel.CameraId.RULE);
        } else if (existing.isPresent() && !existing.get().id().equals(id)) {
            errors.put("id", "cannot be changed");
        }

        String name = request.name() == null
                ? existing.map(Camera::name).orElse(id)
                : request.name().trim();
        if (name == null || name.isEmpty()) {
            errors.put("name", "must not be blank");
        } else if (name.length() > 200) {
            errors.put("name", "must be at most 200 characters");
        }

        StreamRequest main =
                request.streams() == null ? null : request.streams().main();
        String requestUrl = request.url();
        if (main != null && main.url() != null) {
            if (requestUrl != null && !requestUrl.equals(main.url())) {
                errors.put("streams.main.url", "differs from url: give one of them");
            }
            requestUrl = main.url();
        }
        RtspUrl url = null;
        String urlUsername = null;
        String urlPassword = null;
        if (requestUrl == null && existing.isPresent()) {
            url = existing.get().url();
        } else {
            try {
                RtspUrl.Parsed parsed = RtspUrl.parse(requestUrl);
                url = parsed.url();
                urlUsername = parsed.username().orElse(null);
                urlPassword = parsed.password().orElse(null);
            } catch (IllegalArgumentException e) {
                errors.put("url", e.getMessage());
            }
        }
        // Stored credentials and the pinned certificate belong to the camera's origin: sent to another scheme, host
        // or port they would hand the camera's password to whoever listens there.
        RtspUrl newUrl = url;
        Optional<Camera> sameOrigin =
                existing.filter(c -> newUrl != null && c.url().origin().equals(newUrl.origin()));
        String username = request.username() != null
                ? emptyToNull(request.username())
                : sameOrigin.map(Camera::username).orElse(null);
        String password = request.password() != null
                ? emptyToNull(request.password())
                : sameOrigin.map(Camera::password).orElse(null);
        if (urlUsername != null) {
            if (request.username() != null && !request.username().equals(urlUsername)) {
                errors.put("username", "differs from the user name in the url");
            }
            username = urlUsername;
        }
        if (urlPassword != null) {
            password = urlPassword;
        }
        TlsFingerprint tlsFingerprint = sameOrigin.map(Camera::tlsFingerprint).orElse(null);
        if (request.tlsFingerprint() != null) {
            try {
                tlsFingerprint =
                        request.tlsFingerprint().isBlank() ? null : TlsFingerprint.parse(request.tlsFingerprint());
            } catch (IllegalArgumentException e) {
                errors.put("tlsFingerprint", e.getMessage());
            }
        }
        if (tlsFingerprint != null && url != null && !url.origin().tls()) {
            errors.put("tlsFingerprint", "only an rtsps:// camera has a certificate to pin");
        }
        if (username != null && username.length() > 255) {
            errors.put("username", "must be at most 255 characters");
        }
        if (password != null && password.length() > 255) {
            errors.put("password", "must be at most 255 characters");
        }
        if (password != null && username == null) {
            errors.put("username", "is required when a password is set");
        }

        Camera.Transport transport = existing.map(Camera::transport).orElse(Camera.Transport.TCP);
        if (request.transport() != null) {
            try {
                transport = Camera.Transport.valueOf(request.transport().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.put("transport", "must be tcp or udp");
            }
        }

        Camera.Engine engine = existing.map(Camera::engine).orElse(Camera.Engine.NATIVE);
        if (request.engine() != null) {
            try {
                engine = Camera.Engine.valueOf(request.engine().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.put("engine", "must be native or ffmpeg");
            }
        }

        Integer requestDays =
                request.retentionDays() != null || main == null ? request.retentionDays() : main.retentionDays();
        int retentionDays = requestDays != null
                ? requestDays
                : existing.map(Camera::retentionDays).orElse(defaultRetentionDays);
        if (retentionDays < 1 || retentionDays > Camera.MAX_RETENTION_DAYS) {
            errors.put("retentionDays", "must be between 1 and " + Camera.MAX_RETENTION_DAYS);
        }
        boolean ownQuota = request.maxBytes() != null || request.quota() != null || main == null;
        Long requestBytes = ownQuota
                ? QuotaField.requested(request.quota(), request.maxBytes(), "quota", errors)
                : QuotaField.requested(main.quota(), main.maxBytes(), "streams.main.quota", errors);
        Long maxBytes = requestBytes != null
                ? zeroToNull(requestBytes)
                : existing.map(Camera::maxBytes).orElse(null);
        if (maxBytes != null && maxBytes < 0) {
            errors.put("maxBytes", "must be a positive number of bytes, or 0 for no quota");
        }
        SubStream sub = SubStreamValidator.validate(
                request.streams() == null ? null : request.streams().sub(),
                existing.map(Camera::sub),
                url,
                retentionDays,
                errors);
        boolean enabled = request.enabled() != null
                ? request.enabled()
                : existing.map(Camera::enabled).orElse(true);

        if (!errors.isEmpty()) {
            throw VigilException.invalid(errors);
        }
        return new Camera(
                id,
                name,
                url,
                username,
                password,
                transport,
                enabled,
                retentionDays,
                maxBytes,
                source,
                tlsFingerprint,
                engine,
                sub);
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static Long zeroToNull(long bytes) {
        return bytes == 0 ? null : bytes;
    }
}
