package org.bianmin.kiosk.maintenance;

import java.util.List;

/** The removable volumes mounted now (a kiosk has no keyboard: the technician picks one from a list). */
public interface Volumes {
    List<Volume> mounted();
}
