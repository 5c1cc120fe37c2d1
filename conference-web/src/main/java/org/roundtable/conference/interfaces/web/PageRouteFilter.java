package org.roundtable.conference.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The browser client's pages all share one HTML shell; js/main.js picks the page from the
 * address. Readable addresses (/families/{id}) are forwarded here to that shell.
 */
@WebFilter(urlPatterns = "/*")
public class PageRouteFilter extends HttpFilter {

    static final Pattern PAGES = Pattern.compile(
            "/|/sign-in|/invite|/code|/confirm-email|/unlock|/set-password|/help|/accessibility|/privacy|/cookies|/conferences|/dashboard|/families|/conferences/[0-9a-f-]{36}(/live)?"
                    + "|/families/[0-9a-f-]{36}(/details|/sharing|/access-log|/contact-map|/contacts/new|/plan/print|/involvements(/[0-9a-f-]{36})?|/(members|advocates)/(new|check))?"
                    + "|/admin|/admin/agencies(/new|/[0-9a-f-]{36}(/change|/staff/new)?)?|/admin/staff/[0-9a-f-]{36}"
                    + "|/admin/advocacy-organisations(/new|/[0-9a-f-]{36})?"
                    // Scheduling, rescheduling, cancelling and closing: question pages and "check your answers".
                    + "|/conferences/new/(kind|when|where|who|agenda|check)"
                    + "|/conferences/[0-9a-f-]{36}/(reschedule/(kind|when|where|check)|cancel|close/(attendance|decisions|check))"
                    // After scheduling: the agenda and the list; the family's name and dates; reminders; signing out everywhere.
                    + "|/conferences/[0-9a-f-]{36}/(agenda|invitees/new)|/families/[0-9a-f-]{36}/change|/admin/reminders|/sign-out-everywhere");

    /** Whether an address (after the context path) is one of the client's pages. */
    public static boolean isPage(String path) {
        return PAGES.matcher(path).matches();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("GET".equals(request.getMethod()) && isPage(path)) {
            request.getRequestDispatcher("/shell.html").forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
