/** The kiosk configuration: defaults, schema, fleet/group/kiosk layering, signing and verification. */
package org.bianmin.config;
