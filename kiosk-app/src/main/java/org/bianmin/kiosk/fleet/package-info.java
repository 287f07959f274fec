/**
 * The kiosk's side of the fleet: the signed layers the fleet service names for this kiosk (fleet, its groups, its own)
 * are verified one by one, laid over the provisioned configuration, checked against the schema, stored atomically as
 * one set, applied live, health-checked, then committed or reverted to the last known good set, and every outcome
 * becomes a {@link org.bianmin.kiosk.fleet.ReportedConfig} per layer for the backend. {@link
 * org.bianmin.kiosk.fleet.ConfigStore} keeps the state on disk so that a kiosk killed at any instant starts with the old
 * or the new configuration, never a broken one or a mix.
 */
package org.bianmin.kiosk.fleet;
