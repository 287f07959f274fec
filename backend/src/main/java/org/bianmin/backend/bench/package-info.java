/** Benchmarks of the backend's own work, run from the command line ({@code ./kiosk bench documents}, {@code ./kiosk bench fleet}). */
package org.bianmin.backend.bench;
