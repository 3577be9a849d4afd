package io.vigil.alerts.plan;

/**
 * When alerts about several cameras go out as one digest.
 *
 * @param minCameras   this many conditions or more falling due (or clearing) in one alert check make one digest, at
 *                     least 2
 * @param windowMillis a due condition waits while a camera that began failing within this many milliseconds of it is
 *                     not due yet, so cameras a dead switch took down together arrive together; at least 0
 */
public record DigestPolicy(int minCameras, long windowMillis) {

    public DigestPolicy {
        if (minCameras < 2) {
            throw new IllegalArgumentException("a digest is about at least 2 cameras: " + minCameras);
        }
        if (windowMillis < 0) {
            throw new IllegalArgumentException("a digest window is at least 0 ms: " + windowMillis);
        }
    }
}
