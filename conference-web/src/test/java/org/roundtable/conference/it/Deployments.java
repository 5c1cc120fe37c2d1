package org.roundtable.conference.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build produced, deployed as it is: tests exercise what ships. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive roundtable() {
        String path = System.getProperty("roundtable.war", "target/roundtable.war");
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(path));
    }
}
