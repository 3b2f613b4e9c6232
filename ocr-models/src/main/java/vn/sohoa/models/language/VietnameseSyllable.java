package vn.sohoa.models.language;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Vietnamese syllable phonotactics (initial consonant, rhyme, one tone; stops take only sắc or nặng), so that
 * OCR alternatives that no Vietnamese could write are ruled out before any counting.
 */
public final class VietnameseSyllable {

    /** Longest first, so that "ngh" is tried before "ng" and "n"; every match is tried in turn. */
    private static final List<String> INITIALS = List.of("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu",
            "th", "tr", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "");

    /** Every rhyme (medial, nucleus, final) Vietnamese spelling allows, toneless. */
    private static final Set<String> RHYMES = new HashSet<>(Arrays.asList((
            "a ai ao au ay ac ach am an ang anh ap at "
            + "ăc ăm ăn ăng ăp ăt "
            + "âu ây âc âm ân âng âp ât "
            + "e eo ec em en eng ep et "
            + "ê êu êch êm ên ênh êp êt "
            + "i ia iu ich im in inh ip it "
            + "iêu iêc iêm iên iêng iêp iêt "
            + "yêu yêm yên yêng yêt "
            + "o oi oc om on ong op ot ooc oong "
            + "ô ôi ôc ôm ôn ông ôp ôt "
            + "ơ ơi ơm ơn ơp ơt "
            + "u ua ui uc um un ung up ut "
            + "uôi uôc uôm uôn uông uôt "
            + "ư ưa ưi ưu ưc ưm ưn ưng ưt "
            + "ươi ươu ươc ươm ươn ương ươp ươt "
            + "y "
            + "oa oai oao oay oac oach oam oan oang oanh oap oat "
            + "oăc oăm oăn oăng oăt "
            + "oe oeo oen oet "
            + "uâ uây uân uâng uât "
            + "uê uêch uênh "
            + "uơ "
            + "uy uya uyu uych uynh uyn uyp uyt "
            + "uyên uyêt").split(" ")));

    private static final Set<String> STOP_FINALS = Set.of("c", "ch", "p", "t");
    private static final String VOWELS = "aăâeêioôơuưy";
    private static final String MARKED_VOWELS = "ăâêôơư";

    private VietnameseSyllable() {
    }

    /** A letter split into its base (vowel marks kept: ă â ê ô ơ ư đ) and its tone. */
    public record ToneLetter(char base, Tone tone) {
    }

    /** Whether a token (lower-cased, NFC) is a Vietnamese syllable; the tone may sit on any of its vowels. */
    public static boolean isValid(String token) {
        String word = Normalizer.normalize(token.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        Tone tone = tone(word);
        if (tone == null) {
            return false;
        }
        String[] parts = parse(stripTone(word));
        if (parts == null) {
            return false;
        }
        return !endsInStop(parts[1]) || tone == Tone.SAC || tone == Tone.NANG;
    }

    /** The token without its tone mark, vowel marks and đ kept ("quyển" → "quyên"). */
    public static String stripTone(String token) {
        String decomposed = Normalizer.normalize(token, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Tone.ofMark(c) == null) {
                out.append(c);
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /** The token's tone; null when it carries more than one tone mark or a mark on a non-vowel. */
    public static Tone tone(String token) {
        String decomposed = Normalizer.normalize(token, Normalizer.Form.NFD);
        Tone found = Tone.NONE;
        for (int i = 0; i < decomposed.length(); i++) {
            Tone tone = Tone.ofMark(decomposed.charAt(i));
            if (tone == null) {
                continue;
            }
            if (found != Tone.NONE || !carriesVowel(decomposed, i)) {
                return null;
            }
            found = tone;
        }
        return found;
    }

    /** Splits one letter into base and tone ("ấ" → 'â', SAC). */
    public static ToneLetter split(char letter) {
        String base = stripTone(String.valueOf(letter));
        Tone tone = tone(String.valueOf(letter));
        return new ToneLetter(base.charAt(0), tone == null ? Tone.NONE : tone);
    }

    /** The letter of a base and a tone ('â', SAC → 'ấ'). */
    public static char compose(char base, Tone tone) {
        if (tone == Tone.NONE) {
            return base;
        }
        return Normalizer.normalize(String.valueOf(base) + tone.mark(), Normalizer.Form.NFC).charAt(0);
    }

    /**
     * The toneless syllable with a tone on its canonical vowel (the marked vowel, else the last vowel before a
     * final consonant, else the first of two or the middle of three: "hòa", "thủy", "toán"), or null when the
     * toneless form is no syllable.
     */
    public static String withTone(String toneless, Tone tone) {
        String[] parts = parse(toneless);
        if (parts == null) {
            return null;
        }
        if (tone == Tone.NONE) {
            return toneless;
        }
        int offset = toneless.length() - parts[1].length();
        int position = offset + tonePosition(parts[1]);
        if (position < 0) {
            position = 0;
        }
        char[] letters = toneless.toCharArray();
        letters[position] = compose(letters[position], tone);
        return new String(letters);
    }

    /** The token with its tone moved to the canonical vowel (so "hoà" and "hòa" are one key); unchanged if invalid. */
    public static String canonical(String token) {
        Tone tone = tone(token);
        if (tone == null) {
            return token;
        }
        String placed = withTone(stripTone(token), tone);
        return placed == null ? token : placed;
    }

    /** The valid syllables that differ from the token only by tone, canonical placement, toneless first. */
    public static List<String> toneVariants(String token) {
        String toneless = stripTone(Normalizer.normalize(token.toLowerCase(Locale.ROOT), Normalizer.Form.NFC));
        List<String> variants = new ArrayList<>();
        for (Tone tone : Tone.values()) {
            String variant = withTone(toneless, tone);
            if (variant != null && isValid(variant)) {
                variants.add(variant);
            }
        }
        return variants;
    }

    /** Initial and rhyme of a toneless word, or null; "gi" may lend its i to the rhyme ("gìn", "giếng"). */
    static String[] parse(String toneless) {
        for (String initial : INITIALS) {
            if (!toneless.startsWith(initial)) {
                continue;
            }
            String rest = toneless.substring(initial.length());
            if (fits(initial, rest)) {
                return new String[] {initial, rest};
            }
            if (initial.equals("gi") && fits(initial, "i" + rest)) {
                return new String[] {initial, "i" + rest};
            }
        }
        return null;
    }

    private static boolean fits(String initial, String rhyme) {
        if (!RHYMES.contains(rhyme)) {
            return false;
        }
        char first = rhyme.charAt(0);
        boolean front = first == 'i' || first == 'e' || first == 'ê' || first == 'y';
        boolean medial = rhyme.length() > 1 && (rhyme.startsWith("o") && "aăe".indexOf(rhyme.charAt(1)) >= 0
                || rhyme.startsWith("u") && "âêyơ".indexOf(rhyme.charAt(1)) >= 0);
        switch (initial) {
            case "k", "gh", "ngh":
                return front;
            case "c", "g", "ng":
                return !front && !(initial.equals("c") && medial);
            case "qu":
                return first != 'o' && first != 'u' && first != 'ư' && !rhyme.startsWith("iê");
            case "":
                return !rhyme.startsWith("iê");
            default:
                return !rhyme.startsWith("yê");
        }
    }

    private static boolean endsInStop(String rhyme) {
        return STOP_FINALS.contains(rhyme.substring(rhyme.length() - 1))
                || rhyme.endsWith("ch");
    }

    private static int tonePosition(String rhyme) {
        int vowels = 0;
        while (vowels < rhyme.length() && VOWELS.indexOf(rhyme.charAt(vowels)) >= 0) {
            vowels++;
        }
        for (int i = vowels - 1; i >= 0; i--) {
            if (MARKED_VOWELS.indexOf(rhyme.charAt(i)) >= 0) {
                return i;
            }
        }
        if (vowels < rhyme.length()) {
            return vowels - 1;
        }
        return vowels == 3 ? 1 : 0;
    }

    private static boolean carriesVowel(String decomposed, int markIndex) {
        for (int i = markIndex - 1; i >= 0; i--) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                return VOWELS.indexOf(c) >= 0 || "aeiouy".indexOf(c) >= 0;
            }
        }
        return false;
    }
}
