package vn.sohoa.models.language;

/**
 * The six Vietnamese tones with the combining mark that writes each, so that a tone can be told apart from
 * the vowel marks (ă â ê ô ơ ư) that make other letters.
 */
public enum Tone {
    NONE('\0'),
    SAC('\u0301'),
    HUYEN('\u0300'),
    HOI('\u0309'),
    NGA('\u0303'),
    NANG('\u0323');

    private final char mark;

    Tone(char mark) {
        this.mark = mark;
    }

    /** The combining character (NFD) of the tone; {@code '\0'} for {@link #NONE}. */
    public char mark() {
        return mark;
    }

    /** The tone a combining character writes, or null when it is no tone mark. */
    public static Tone ofMark(char c) {
        for (Tone tone : values()) {
            if (tone != NONE && tone.mark == c) {
                return tone;
            }
        }
        return null;
    }
}
