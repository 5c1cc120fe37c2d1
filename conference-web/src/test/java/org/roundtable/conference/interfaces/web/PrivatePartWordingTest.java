package org.roundtable.conference.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.roundtable.conference.domain.model.room.PrivatePart;

/**
 * The live room recognises the server's default "what the family is told" by its English words
 * (it is written for those kept out, so a family member who stays in is not shown it). The chair's
 * form pre-fills the same words. If the server's default changed alone, a family member inside
 * would read "the professionals talked without you" while sitting in the meeting.
 */
class PrivatePartWordingTest {

    @Test
    void the_room_knows_the_servers_default_wording_for_the_family() throws IOException {
        String english = Files.readString(Path.of("src/main/webapp/js/texts/en.js"));
        String line = "'staff.live.familyTextExample': \"" + PrivatePart.DEFAULT_FAMILY_TEXT + "\",";
        assertTrue(english.contains(line), "en.js has the server's default wording as staff.live.familyTextExample: " + line);
    }
}
