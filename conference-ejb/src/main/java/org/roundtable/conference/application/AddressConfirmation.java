package org.roundtable.conference.application;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.roundtable.conference.domain.model.family.Language;
import org.roundtable.conference.infrastructure.text.Texts;

/**
 * The email asking someone to confirm their address. It goes before they can choose a language,
 * so it is written in both (as Welsh public bodies write when they do not know which a person
 * reads): first in the language of whoever gave the address, then in the other. Each half's link
 * opens the confirmation page in its own language (decision record 13).
 */
public record AddressConfirmation(String subject, String body) {

    public static AddressConfirmation to(String name, String token, long days, Language first) {
        Language second = first == Language.WELSH ? Language.ENGLISH : Language.WELSH;
        var one = MailTexts.in(first);
        var two = MailTexts.in(second);
        return new AddressConfirmation(one.get("confirm.subject") + " / " + two.get("confirm.subject"),
                one.get("confirm.otherLanguage") + "\n\n" + half(one, name, token, days) + "\n----------\n\n" + half(two, name, token, days));
    }

    private static String half(MailTexts words, String name, String token, long days) {
        String link = PublicAddress.base() + "/confirm-email?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + (words.language() == Language.WELSH ? "&lang=cy" : "");
        return words.fill("confirm.body", Texts.values("name", name, "link", link, "days", days));
    }
}
