package org.roundtable.conference.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.roundtable.conference.application.PersonLanguages;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.family.Language;

/**
 * The names a family member's or advocate's downloads land under, in their language, so a Welsh
 * reader's downloads folder is in Welsh too. ASCII only (no mutated letters are needed), so a
 * plain {@code filename} serves every browser.
 */
@ApplicationScoped
public class DownloadNames {

    @Inject
    private PersonLanguages languages;

    String json(Caller caller) {
        return welsh(caller) ? "data-fy-nheulu.json" : "my-family-data.json";
    }

    String pdf(Caller caller) {
        return welsh(caller) ? "data-fy-nheulu.pdf" : "my-family-data.pdf";
    }

    String zip(Caller caller) {
        return welsh(caller) ? "popeth-sydd-gennym-am-eich-teulu.zip" : "everything-we-hold-about-your-family.zip";
    }

    String minutes(Caller caller, UUID conferenceId) {
        return (welsh(caller) ? "cofnodion-" : "minutes-") + conferenceId + ".pdf";
    }

    /** The header value for a download saved under this name. */
    static String attachment(String fileName) {
        return "attachment; filename=\"" + fileName + "\"";
    }

    private boolean welsh(Caller caller) {
        return languages.of(caller.kind(), caller.id()) == Language.WELSH;
    }
}
