/** Where the device layer meets the visit: device events become the machine's inputs, and the lights follow the screens. */
package org.bianmin.kiosk.devices;
