package nl.leerroute.suggestions;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalises Dutch and English text for matching: folds case and diacritics, splits on hyphens and
 * punctuation, drops stop words, reduces plural and verb forms to a light stem and splits compounds
 * into parts that a vocabulary knows. Plain Java, no state.
 */
final class TextAnalysis {

    /** A word of the text as written (folded) and its stem. */
    record Word(String folded, String stem) {
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2019`\u00b4]");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");
    private static final int MIN_STEM = 3;
    private static final int MIN_PART = 3;

    static final Set<String> DUTCH_STOPWORDS = Set.of("de", "het", "een", "en", "van", "in", "op", "te", "ik", "je",
            "mijn", "we", "wij", "ons", "onze", "aan", "met", "voor", "door", "bij", "naar", "als", "dat", "die", "dit",
            "deze", "om", "ook", "of", "er", "is", "was", "ben", "heb", "heeft", "hebben", "zijn", "wordt", "worden",
            "werd", "kan", "kunnen", "niet", "wel", "al", "nog", "zo", "dan", "maar", "uit", "over", "tot", "sinds",
            "tijdens", "jaar", "jaren", "daarnaast", "waar", "wat", "hoe", "welke", "hier", "daar", "nu", "elke",
            "alle", "alles", "veel", "meer", "zelf", "samen", "eigen", "mee", "af", "toe", "hun", "zij", "hij", "haar",
            "hem", "ze", "u", "uw", "men", "iets", "geen", "waarbij", "waarmee", "daarmee", "dus", "want", "omdat",
            "zodat", "hierbij", "hierover", "via", "tussen", "onder", "per", "na", "lang", "vanuit", "voordat", "volgens",
            "zoals");
    static final Set<String> ENGLISH_STOPWORDS = Set.of("the", "a", "an", "and", "or", "of", "in", "on", "at", "to",
            "i", "my", "we", "our", "me", "us", "with", "for", "by", "from", "as", "that", "this", "these", "those",
            "is", "was", "am", "are", "be", "been", "have", "has", "had", "do", "did", "it", "its", "also", "not",
            "but", "so", "into", "over", "up", "out", "about", "than", "then", "there", "their", "they", "he", "she",
            "his", "her", "you", "your", "which", "who", "what", "when", "where", "how", "all", "any", "each", "more",
            "most", "other", "some", "such", "only", "own", "same", "very", "can", "will", "just", "during", "while",
            "year", "years", "after", "before", "new", "one", "two", "them");

    private TextAnalysis() {
    }

    /** Lower case without diacritics or apostrophes: "Programma's" and "programmas" are one word. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return APOSTROPHES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** Folded tokens; hyphens and punctuation separate ("PLC-programmeren" is "plc", "programmeren"). */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String token : SEPARATORS.split(fold(text))) {
            if (token.length() >= 2 || (!token.isEmpty() && Character.isDigit(token.charAt(0)))) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    static boolean isStopword(String token) {
        return DUTCH_STOPWORDS.contains(token) || ENGLISH_STOPWORDS.contains(token);
    }

    /** The content words of a text, in order. */
    static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        for (String token : tokens(text)) {
            if (!isStopword(token)) {
                words.add(new Word(token, stem(token)));
            }
        }
        return words;
    }

    /** Which language a text is in, by its stop words; Dutch when undecided. */
    static boolean looksEnglish(String text) {
        int dutch = 0;
        int english = 0;
        for (String token : tokens(text)) {
            if (DUTCH_STOPWORDS.contains(token)) {
                dutch++;
            }
            if (ENGLISH_STOPWORDS.contains(token)) {
                english++;
            }
        }
        return english > dutch;
    }

    /**
     * A light stem shared by Dutch and English forms: plural and verb endings go ("plannen",
     * "planning" and "plans" are all "plan"; "programmeren", "programmering" are "programmer"),
     * a doubled final consonant is undoubled and a final v or z becomes f or s ("preventieve" is
     * "preventief"). Words with digits are kept as they are.
     */
    static String stem(String word) {
        if (word.length() <= MIN_STEM || word.chars().anyMatch(Character::isDigit)) {
            return word;
        }
        String s = word;
        if (s.endsWith("ies") && s.length() - 3 >= MIN_STEM) {
            s = s.substring(0, s.length() - 3) + "y";
        } else if (s.endsWith("ingen") && s.length() - 5 >= MIN_STEM) {
            s = s.substring(0, s.length() - 5);
        } else if (s.endsWith("ing") && s.length() - 3 >= MIN_STEM) {
            s = s.substring(0, s.length() - 3);
        } else if (s.endsWith("en") && s.length() - 2 >= MIN_STEM) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("ed") && s.length() - 2 >= MIN_STEM) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("es") && s.length() - 2 >= MIN_STEM + 1) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("s") && !s.endsWith("ss") && s.length() - 1 >= MIN_STEM) {
            s = s.substring(0, s.length() - 1);
        } else if (s.endsWith("e") && s.length() - 1 >= MIN_STEM) {
            s = s.substring(0, s.length() - 1);
        }
        int n = s.length();
        if (n > MIN_STEM && s.charAt(n - 1) == s.charAt(n - 2) && isConsonant(s.charAt(n - 1))) {
            s = s.substring(0, n - 1);
        }
        if (s.endsWith("v")) {
            s = s.substring(0, s.length() - 1) + "f";
        } else if (s.endsWith("z")) {
            s = s.substring(0, s.length() - 1) + "s";
        }
        return s;
    }

    private static boolean isConsonant(char c) {
        return c >= 'a' && c <= 'z' && "aeiouy".indexOf(c) < 0;
    }

    /**
     * The parts of a compound whose stems the vocabulary knows, as folded words
     * ("onderhoudsplanning": "onderhoud", "planning"), allowing a linking s or e between parts;
     * empty when the word is no such compound. Parts may be compounds themselves.
     */
    static List<String> compoundParts(String folded, Set<String> vocabulary) {
        if (folded.length() < 2 * MIN_PART + 1 || folded.chars().anyMatch(Character::isDigit)) {
            return List.of();
        }
        List<String> best = List.of();
        int bestShortest = 0;
        for (int i = MIN_PART; i <= folded.length() - MIN_PART; i++) {
            String left = known(folded.substring(0, i), vocabulary);
            if (left == null) {
                continue;
            }
            String right = folded.substring(i);
            List<String> parts = new ArrayList<>();
            parts.add(left);
            if (vocabulary.contains(stem(right))) {
                parts.add(right);
            } else {
                List<String> rest = compoundParts(right, vocabulary);
                if (rest.isEmpty()) {
                    continue;
                }
                parts.addAll(rest);
            }
            int shortest = parts.stream().mapToInt(String::length).min().orElse(0);
            if (shortest > bestShortest) {
                best = parts;
                bestShortest = shortest;
            }
        }
        return best;
    }

    /** The left part of a compound, without a linking s, e or en, when the vocabulary knows it. */
    private static String known(String left, Set<String> vocabulary) {
        for (String suffix : List.of("s", "en", "e", "")) {
            if (left.endsWith(suffix) && left.length() - suffix.length() >= MIN_PART) {
                String part = left.substring(0, left.length() - suffix.length());
                if (vocabulary.contains(stem(part))) {
                    return part;
                }
            }
        }
        return null;
    }

    /**
     * Escapes every character that Lucene's query syntax treats specially, so that user text is
     * searched for and never parsed as a query.
     */
    static String escapeLucene(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("+-&|!(){}[]^\"~*?:\\/".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
