package org.heard.contracts;

/** A span of personal data in a text ([start, end) in UTF-16 chars), found so a public reply does not repeat it. */
public record PersonalData(Type type, int start, int end) {

    public PersonalData {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Bad span [" + start + ", " + end + ")");
        }
    }

    public enum Type implements WireEnum {
        NHS_NUMBER,
        PHONE,
        EMAIL,
        POSTCODE,
        DATE_OF_BIRTH,
        PERSON;

        public static Type fromWire(String value) {
            return WireEnum.parse(Type.class, value);
        }
    }
}
