/**
 * Signed desired configuration: canonical bytes of a configuration tree (RFC 8785), Ed25519 admin keys, the signed
 * envelope an admin pushes, and the checks a kiosk makes before it applies one.
 */
package org.bianmin.config.signing;
