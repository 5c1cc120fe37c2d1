package org.roundtable.conference.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PageRouteFilterTest {

    @Test
    void readable_page_addresses_are_served_by_the_shell() {
        for (String page : new String[] {"/", "/sign-in", "/invite", "/code", "/confirm-email", "/unlock", "/conferences", "/families",
                "/families/0b7f3c2e-5a4d-4c1e-9f00-6f2a1b3c4d5e", "/conferences/0b7f3c2e-5a4d-4c1e-9f00-6f2a1b3c4d5e",
                "/set-password", "/help", "/accessibility", "/privacy", "/cookies", "/admin", "/admin/agencies", "/admin/agencies/new", "/admin/agencies/0b7f3c2e-5a4d-4c1e-9f00-6f2a1b3c4d5e",
                "/admin/agencies/0b7f3c2e-5a4d-4c1e-9f00-6f2a1b3c4d5e/change", "/admin/agencies/0b7f3c2e-5a4d-4c1e-9f00-6f2a1b3c4d5e/staff/new",
                "/admin/staff/0b7f3c2e-5a4d-4c1e-9f00-6f2a1b3c4d5e", "/admin/advocacy-organisations", "/admin/advocacy-organisations/new",
                "/families/0b7f3c2e-5a4d-4c1e-9f00-6f2a1b3c4d5e/involvements",
                "/families/0b7f3c2e-5a4d-4c1e-9f00-6f2a1b3c4d5e/involvements/0b7f3c2e-5a4d-4c1e-9f00-6f2a1b3c4d5e",
                "/families/0b7f3c2e-5a4d-4c1e-9f00-6f2a1b3c4d5e/members/new", "/families/0b7f3c2e-5a4d-4c1e-9f00-6f2a1b3c4d5e/contacts/new", "/families/0b7f3c2e-5a4d-4c1e-9f00-6f2a1b3c4d5e/plan/print", "/families/0b7f3c2e-5a4d-4c1e-9f00-6f2a1b3c4d5e/advocates/check",
                "/conferences/0b7f3c2e-5a4d-4c1e-9f00-6f2a1b3c4d5e/agenda", "/conferences/0b7f3c2e-5a4d-4c1e-9f00-6f2a1b3c4d5e/invitees/new",
                "/families/0b7f3c2e-5a4d-4c1e-9f00-6f2a1b3c4d5e/change", "/admin/reminders", "/sign-out-everywhere"}) {
            assertTrue(PageRouteFilter.PAGES.matcher(page).matches(), page);
        }
    }

    @Test
    void the_api_and_static_files_are_not() {
        for (String path : new String[] {"/api/families", "/js/main.js", "/govuk/govuk-frontend.min.css", "/families/x/../../etc", "/admin/secrets", "/admin/staff"}) {
            assertFalse(PageRouteFilter.PAGES.matcher(path).matches(), path);
        }
    }
}
