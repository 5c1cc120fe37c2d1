package org.roundtable.conference.infrastructure.setup;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;

/**
 * At start, tells the operator of a fresh install how to make the first administrator. It
 * creates nothing itself: a server that made an account on its own would be open to whoever
 * reached it first.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class FirstRunNotice {

    static final String NOTICE = "Roundtable has no administrator yet. Make the first one from the project's folder, "
            + "against this database: DB_URL=... DB_USER=... DB_PASSWORD=... mvn -q -pl conference-ejb exec:java@add-administrator "
            + "-Dexec.args=\"--name 'Full Name' --email name@example.org\" (README: \"The first administrator\").";

    private static final Logger LOG = Logger.getLogger(FirstRunNotice.class.getName());

    @PersistenceContext
    private EntityManager em;

    @PostConstruct
    void check() {
        long administrators = em.createQuery("select count(s) from StaffMember s where s.administrator = true and s.active = true",
                Long.class).getSingleResult();
        if (administrators == 0 && !Boolean.getBoolean("roundtable.demo")) {
            LOG.warning(NOTICE);
        }
    }
}
