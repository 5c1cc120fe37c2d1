package org.roundtable.conference.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.roundtable.conference.application.ClockProducer;

/**
 * Added only to the test deployments of tests about dates (never to the WAR that ships): moves
 * the server's clock, which the server allows only when started with roundtable.clock.movable.
 */
@WebServlet("/test-clock")
public class ClockServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        ClockProducer.moveTo(Duration.parse(request.getParameter("offset")));
        response.setStatus(204);
    }
}
