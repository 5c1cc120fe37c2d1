package org.roundtable.conference.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** Settings an administrator changes at run time (table app_setting), as opposed to deployment configuration. */
@ApplicationScoped
@Transactional
public class Settings {

    @PersistenceContext
    private EntityManager em;

    public int integer(String name, int fallback) {
        List<?> rows = em.createNativeQuery("select setting_value from app_setting where name = ?1").setParameter(1, name).getResultList();
        return rows.isEmpty() ? fallback : Integer.parseInt((String) rows.get(0));
    }

    public void put(String name, String value) {
        int updated = em.createNativeQuery("update app_setting set setting_value = ?1 where name = ?2")
                .setParameter(1, value).setParameter(2, name).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into app_setting (name, setting_value) values (?1, ?2)")
                    .setParameter(1, name).setParameter(2, value).executeUpdate();
        }
    }
}
