/** The JavaFX kiosk shell: the citizen's visit, maintenance mode, backend client, config apply. */
package org.bianmin.kiosk;
