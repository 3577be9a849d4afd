/**
 * Retention: scheduled deletion of expired segments with Quartz, holds and quotas. It uses the kernel, the archive
 * and the camera registry (retention → archive → kernel), never another feature.
 */
package io.vigil.retention;
