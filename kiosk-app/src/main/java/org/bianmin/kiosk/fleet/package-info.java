/**
 * The kiosk's side of the fleet: a desired configuration pushed by an admin is verified, checked against the schema,
 * stored atomically, applied live, health-checked, then committed or reverted to the last known good one, and every
 * outcome becomes a {@link org.bianmin.kiosk.fleet.ReportedConfig} for the backend. {@link
 * org.bianmin.kiosk.fleet.ConfigStore} keeps the state on disk so that a kiosk killed at any instant starts with the old
 * or the new configuration, never a broken one.
 */
package org.bianmin.kiosk.fleet;
