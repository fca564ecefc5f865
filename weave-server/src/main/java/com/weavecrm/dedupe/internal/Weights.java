package com.weavecrm.dedupe.internal;

/** The weight of each kind of name agreement. */
final class Weights {

    private Weights() {}

    /**
     * {@code identified}: a personal identifier (mobile, personal e-mail, WeChat id, identity number)
     * already matched, so a name that only partly agrees is more likely a typo or another form of it.
     */
    static double name(NameAgreement agreement, boolean identified) {
        return switch (agreement) {
            case EXACT -> 4;
            case SOUND -> 3.5;
            case CLOSE -> 1.5;
            case PARTIAL -> 1;
            case SURNAME_ONLY -> identified ? -1 : -3;
            case DIFFERENT -> identified ? -4 : -6;
        };
    }

    /** The same person's name at the same company says more than either alone. */
    static double nameAtCompany(NameAgreement agreement) {
        return switch (agreement) {
            case EXACT, SOUND -> 1.5;
            case CLOSE -> 1.5;
            case PARTIAL -> 0.5;
            default -> 0;
        };
    }
}
