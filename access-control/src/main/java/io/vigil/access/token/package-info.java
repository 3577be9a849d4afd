/**
 * API tokens: secrets an admin hands to another system (a door controller, an alarm panel) so that it may post events
 * for some cameras, and nothing else. Only their SHA-256 is stored; the secret is shown once, at creation.
 */
package io.vigil.access.token;
