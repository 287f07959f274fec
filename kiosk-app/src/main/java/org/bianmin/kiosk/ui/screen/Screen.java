package org.bianmin.kiosk.ui.screen;

import javafx.scene.Node;
import org.bianmin.kiosk.visit.VisitView;

/** One step's screen: builds its content from a view; keeps nothing from it beyond the next view. */
public interface Screen {

    /** The content for {@code view}; called on the FX thread whenever what the screen shows has changed. */
    Node build(VisitView view, ScreenContext context);

    /** Sees every view, shown or not, so that a screen can drop what the newest view no longer holds. */
    default void observe(VisitView view) {}
}
