/** The signed PDF on the kiosk: its signature checked against the configured trust anchors, its pages rendered for the preview. */
package org.bianmin.kiosk.document;
