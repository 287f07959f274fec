package org.bianmin.backend.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The services with their guides, and which kiosk offers which, in the order its home screen shows them. */
public final class ServiceCatalog {
    private final Jdbi jdbi;

    public ServiceCatalog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Adds a service or replaces its name, department and guide. */
    public void save(Service service) {
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE services SET name = ?, department = ? WHERE code = ?")
                    .bind(0, service.name()).bind(1, service.department()).bind(2, service.code()).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO services (code, name, department) VALUES (?, ?, ?)")
                        .bind(0, service.code()).bind(1, service.name()).bind(2, service.department()).execute();
            }
            h.createUpdate("DELETE FROM service_guide_items WHERE service_code = ?").bind(0, service.code()).execute();
            h.createUpdate("DELETE FROM service_guides WHERE service_code = ?").bind(0, service.code()).execute();
            Guide g = service.guide();
            h.createUpdate("INSERT INTO service_guides (service_code, acceptance_conditions, time_limit, result_text) "
                            + "VALUES (?, ?, ?, ?)")
                    .bind(0, service.code()).bind(1, g.acceptanceConditions()).bind(2, g.timeLimit()).bind(3, g.result())
                    .execute();
            insertItems(h, service.code(), "material", g.materials());
            insertItems(h, service.code(), "step", g.steps());
        });
    }

    private static void insertItems(Handle h, String code, String section, List<String> items) {
        for (int i = 0; i < items.size(); i++) {
            h.createUpdate("INSERT INTO service_guide_items (service_code, section, ordinal, item_text) VALUES (?, ?, ?, ?)")
                    .bind(0, code).bind(1, section).bind(2, i).bind(3, items.get(i)).execute();
        }
    }

    /**
     * Makes {@code serviceCodes} the services {@code kioskId} offers, in this order.
     *
     * @throws InvalidInputException if the kiosk or one of the services is unknown
     */
    public void offer(String kioskId, List<String> serviceCodes) {
        jdbi.useTransaction(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM kiosks WHERE id = ?").bind(0, kioskId).mapTo(Integer.class).one() == 0) {
                throw new InvalidInputException("kioskId", "no kiosk " + kioskId + " is registered");
            }
            h.createUpdate("DELETE FROM kiosk_services WHERE kiosk_id = ?").bind(0, kioskId).execute();
            for (int i = 0; i < serviceCodes.size(); i++) {
                String code = serviceCodes.get(i);
                if (h.createQuery("SELECT COUNT(*) FROM services WHERE code = ?").bind(0, code).mapTo(Integer.class).one() == 0) {
                    throw new InvalidInputException("serviceCodes", "no service " + code + " exists");
                }
                h.createUpdate("INSERT INTO kiosk_services (kiosk_id, service_code, ordinal) VALUES (?, ?, ?)")
                        .bind(0, kioskId).bind(1, code).bind(2, i).execute();
            }
        });
    }

    /** The code of every service in the catalog, by code. */
    public List<String> codes() {
        return jdbi.withHandle(h -> h.createQuery("SELECT code FROM services ORDER BY code").mapTo(String.class).list());
    }

    /** The codes of the services {@code kioskId} offers, in the kiosk's order; empty for an unknown kiosk. */
    public List<String> codesOfferedAt(String kioskId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT service_code FROM kiosk_services WHERE kiosk_id = ? ORDER BY ordinal")
                .bind(0, kioskId).mapTo(String.class).list());
    }

    /** The codes of the services each kiosk offers, in its order, by kiosk id; a kiosk that offers none is not in it. */
    public Map<String, List<String>> codesOffered() {
        return jdbi.withHandle(h -> {
            Map<String, List<String>> offered = new LinkedHashMap<>();
            h.createQuery("SELECT kiosk_id, service_code FROM kiosk_services ORDER BY kiosk_id, ordinal")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> offered.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            return offered;
        });
    }

    /** The services {@code kioskId} offers with their guides, in the kiosk's order; empty for an unknown kiosk. */
    public List<Service> offeredAt(String kioskId) {
        return jdbi.withHandle(h -> {
            record Row(String code, String name, String department, String conditions, String timeLimit, String result) {
            }
            List<Row> rows = h.createQuery("""
                    SELECT s.code, s.name, s.department, g.acceptance_conditions, g.time_limit, g.result_text
                    FROM kiosk_services k
                    JOIN services s ON s.code = k.service_code
                    JOIN service_guides g ON g.service_code = s.code
                    WHERE k.kiosk_id = ?
                    ORDER BY k.ordinal""")
                    .bind(0, kioskId)
                    .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)))
                    .list();
            Map<String, Map<String, List<String>>> items = new LinkedHashMap<>();
            h.createQuery("""
                    SELECT i.service_code, i.section, i.item_text
                    FROM service_guide_items i
                    JOIN kiosk_services k ON k.service_code = i.service_code
                    WHERE k.kiosk_id = ?
                    ORDER BY i.service_code, i.section, i.ordinal""")
                    .bind(0, kioskId)
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .forEach(r -> items.computeIfAbsent(r[0], c -> new LinkedHashMap<>())
                            .computeIfAbsent(r[1], s -> new ArrayList<>()).add(r[2]));
            List<Service> services = new ArrayList<>(rows.size());
            for (Row r : rows) {
                Map<String, List<String>> sections = items.getOrDefault(r.code(), Map.of());
                Guide guide = new Guide(r.conditions(), sections.getOrDefault("material", List.of()),
                        sections.getOrDefault("step", List.of()), r.timeLimit(), r.result());
                services.add(new Service(r.code(), r.name(), r.department(), guide));
            }
            return services;
        });
    }
}
