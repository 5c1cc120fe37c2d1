package org.roundtable.conference.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/** The JSON API under /api. Its OpenAPI document is served by the server at /openapi. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(
        title = "Roundtable API",
        version = "1",
        description = "Families, agencies, conferences and the shared action plan. Errors are "
                + "application/problem+json (RFC 9457). Changes need the X-CSRF-Token header from the RT_CSRF cookie.",
        license = @License(name = "Apache-2.0")))
public class RestApplication extends Application {
}
