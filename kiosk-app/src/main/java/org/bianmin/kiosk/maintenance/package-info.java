/**
 * The technician's maintenance mode, with no JavaFX: entry by gesture and PIN or by a technician code, the PIN
 * lockout that survives a restart, the console's navigation and its device tests, the audit log, the diagnostic
 * bundle and the {@code ./kiosk pin-hash} command. The screens in {@code ui} render its views.
 */
package org.bianmin.kiosk.maintenance;
