package io.vigil.kernel.hook;

import java.util.OptionalLong;

/**
 * The global quota (glossary: global quota): the most bytes every camera's footage together may take, which retention
 * keeps to ({@code vigil.retention.max-bytes}). The camera registry asks it for the storage forecast; retention
 * answers it, and without retention there is none ({@link NoGlobalQuota}).
 */
public interface GlobalQuota {

    /** The quota in bytes, or empty when there is none. */
    OptionalLong maxBytes();
}
