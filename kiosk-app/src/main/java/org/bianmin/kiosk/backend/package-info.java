/**
 * What the kiosk asks of the backend (the kiosk API of {@code backend/openapi.yaml}) in the kiosk's
 * words: {@link org.bianmin.kiosk.backend.KioskBackend} and the values it returns. The kiosk and the
 * backend meet only over HTTP.
 */
package org.bianmin.kiosk.backend;
