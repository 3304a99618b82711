package org.heard.contracts;

/**
 * The NHS number's Modulus 11 check digit (NHS Data Dictionary): what counts as an NHS number, for
 * triage finding personal data in a mention ({@link PersonalData}) and the desk checking a draft reply.
 */
public final class NhsNumber {

    private NhsNumber() {}

    /** True when {@code digits} is ten digits whose tenth is the Modulus 11 check of the first nine. */
    public static boolean isValid(String digits) {
        if (digits == null || digits.length() != 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        // A check value of 10 means no valid NHS number has these first nine digits.
        return check != 10 && check == digits.charAt(9) - '0';
    }
}
