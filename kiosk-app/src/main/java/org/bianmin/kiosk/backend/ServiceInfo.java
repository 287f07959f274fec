package org.bianmin.kiosk.backend;

/** One service of the home screen: its code, its name, the department that answers for it, its 办事指南. */
public record ServiceInfo(String code, String name, String department, Guide guide) {}
