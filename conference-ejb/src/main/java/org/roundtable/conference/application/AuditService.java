package org.roundtable.conference.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.infrastructure.audit.AuditChainVerifier;

/** The administrator's check that no one has changed the history behind the application's back. */
@ApplicationScoped
public class AuditService {

    @Resource(lookup = "java:jboss/datasources/RoundtableDS")
    private DataSource dataSource;

    @Inject
    private AccessPolicy policy;

    public AuditChainVerifier.Verification verify(Caller caller) {
        policy.requireAdministrator(caller);
        try (var connection = dataSource.getConnection()) {
            return AuditChainVerifier.verify(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("The audit log could not be read", e);
        }
    }
}
