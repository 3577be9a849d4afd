/**
 * Retention: scheduled deletion of expired segments with Quartz, holds and quotas. Empty until the
 * retention issue; the module exists so the dependency direction (retention → segment-archive) is fixed.
 */
package io.vigil.retention;
