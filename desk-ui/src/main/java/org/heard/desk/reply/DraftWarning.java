package org.heard.desk.reply;

import java.util.List;

/** Something about a draft a responder should look at before sending. None of them blocks a send. */
public sealed interface DraftWarning {

    /** One line for a person, naming what was found. */
    String message();

    /** A short stable name, recorded with the reply. */
    String kind();

    /** Personal data in a reply everyone can read. */
    record PersonalDataInPublic(List<String> found) implements DraftWarning {
        public PersonalDataInPublic {
            found = List.copyOf(found);
        }

        @Override
        public String message() {
            return "This reply is public and contains personal data: " + String.join(", ", found)
                    + ". Remove it, or reply privately.";
        }

        @Override
        public String kind() {
            return "personal-data";
        }
    }

    /** Near-identical to replies the organisation sent recently. */
    record CopyPaste(int similarityPercent, int times) implements DraftWarning {
        @Override
        public String message() {
            return "This reply is " + similarityPercent + "% similar to " + times
                    + (times == 1 ? " recent reply" : " recent replies")
                    + ". Patients notice a template: say something about what they told you.";
        }

        @Override
        public String kind() {
            return "copy-paste";
        }
    }

    /** Sends the patient elsewhere instead of answering. */
    record Deflection(String phrase, String privateFollowUp) implements DraftWarning {
        @Override
        public String message() {
            return "\"" + phrase
                    + "\" sends the patient elsewhere. Answer them personally here; if you need details, offer a "
                    + privateFollowUp + " on the same channel.";
        }

        @Override
        public String kind() {
            return "deflection";
        }
    }
}
