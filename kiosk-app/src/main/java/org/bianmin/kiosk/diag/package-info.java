/**
 * {@code ./kiosk diag selftest --config FILE}: every device a kiosk config names, checked on its real port
 * without the UI, one line per device with a cause and a remedy when it fails.
 */
package org.bianmin.kiosk.diag;
