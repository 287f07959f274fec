/**
 * The citizen's visit as a state machine with no JavaFX in it: {@link org.bianmin.kiosk.visit.VisitMachine}
 * takes inputs (touches, device events, backend answers, timer ticks) on its own thread and publishes an
 * immutable {@link org.bianmin.kiosk.visit.VisitView} after each change; views render those and nothing else.
 */
package org.bianmin.kiosk.visit;
