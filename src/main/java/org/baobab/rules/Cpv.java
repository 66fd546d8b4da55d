// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The Common Procurement Vocabulary (CPV 2008), the classification of what is bought that buyers put on notices and
 * suppliers on their profile: 9,454 codes in five levels (division {@code 72000000}, group {@code 72200000}, class,
 * category, sub-category), with the official French and English labels. The list is the Publications Office of the
 * European Union's, taken at build time from its eForms SDK (CC BY 4.0); it has no Arabic labels, so Arabic pages
 * show the French one.
 *
 * <p>A broader code covers the narrower ones under it: its significant digits ({@link Code#stem()}) are their
 * beginning. Search ignores accents, case and a plural's final s or x, and matches words by their beginning, in
 * French and English; a query of digits matches codes by their beginning.
 */
@Component
public class Cpv {

    /** Where the build unpacks the code list (see the pom's {@code cpv-code-list} execution). */
    static final String RESOURCE = "/classification/eforms-sdk/codelists/cpv.gc";

    private static final Pattern CODE = Pattern.compile("(\\d{8})(?:-\\d)?");

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "ou", "par", "pour", "sur",
            "and", "for", "in", "of", "or", "the", "to", "with");

    /** A CPV code. */
    public record Code(String code, @Nullable String parent, String french, String english) {

        /** The label in a page's language: English in English, French otherwise (CPV has no Arabic). */
        public String label(String language) {
            return "en".equals(language) ? english : french;
        }

        /** The significant digits: the code without its trailing zeros, at least the two of the division. */
        public String stem() {
            return Cpv.stem(code);
        }

        /** 1 for a division, 2 for a group, 3 for a class, 4 for a category, 5 for anything finer. */
        public int level() {
            return Math.min(5, Math.max(1, stem().length() - 1));
        }

        /** Whether this code is the other or one of the codes under it. */
        public boolean covers(String other) {
            return other.startsWith(stem());
        }
    }

    private record Entry(Code code, String[] words) {}

    private static volatile @Nullable Map<String, Entry> loaded;

    /** The code, given with or without its check digit ({@code 72000000-5}); empty if CPV has no such code. */
    public Optional<Code> find(@Nullable String code) {
        String canonical = canonical(code);
        if (canonical == null) {
            return Optional.empty();
        }
        Entry e = entries().get(canonical);
        return e == null ? Optional.empty() : Optional.of(e.code());
    }

    /** Whether CPV has this eight-digit code (for checks that are plain functions, like a notice's). */
    public static boolean isCode(String code) {
        return entries().containsKey(code);
    }

    /** The eight digits of a code as typed (spaces and check digit dropped), or null if it is not shaped like one. */
    public static @Nullable String canonical(@Nullable String code) {
        if (code == null) {
            return null;
        }
        var m = CODE.matcher(code.replaceAll("\\s", ""));
        return m.matches() ? m.group(1) : null;
    }

    /** The significant digits of an eight-digit code. */
    public static String stem(String code) {
        int end = code.length();
        while (end > 2 && code.charAt(end - 1) == '0') {
            end--;
        }
        return code.substring(0, end);
    }

    /** The 45 divisions, in code order. */
    public List<Code> divisions() {
        return entries().values().stream()
                .map(Entry::code)
                .filter(c -> c.parent() == null)
                .toList();
    }

    /** The codes directly under one, in code order. */
    public List<Code> children(String code) {
        return entries().values().stream()
                .map(Entry::code)
                .filter(c -> code.equals(c.parent()))
                .toList();
    }

    /** The code and the broader codes above it, broadest first. */
    public List<Code> path(String code) {
        List<Code> path = new ArrayList<>();
        Entry e = entries().get(code);
        while (e != null) {
            path.add(0, e.code());
            e = e.code().parent() == null ? null : entries().get(e.code().parent());
        }
        return path;
    }

    /**
     * The codes whose label (French or English) has every word of the text, or whose code begins with its digits;
     * broader codes first, at most {@code limit}.
     */
    public List<Code> search(String text, int limit) {
        List<String> words = new ArrayList<>();
        List<String> digits = new ArrayList<>();
        for (String w : words(text)) {
            if (w.chars().allMatch(Character::isDigit)) {
                digits.add(w);
            } else if (!STOP_WORDS.contains(w)) {
                words.add(w);
            }
        }
        if (words.isEmpty() && digits.isEmpty()) {
            return List.of();
        }
        return entries().values().stream()
                .filter(e -> digits.stream().allMatch(d -> e.code().code().startsWith(d)))
                .filter(e -> words.stream().allMatch(w -> has(e.words(), w)))
                .map(Entry::code)
                .sorted(Comparator.comparingInt(Code::level).thenComparing(Code::code))
                .limit(limit)
                .toList();
    }

    /** Whether any of the codes covers the other code. */
    public static boolean anyCovers(Collection<String> codes, String other) {
        return codes.stream().anyMatch(c -> other.startsWith(stem(c)));
    }

    private static boolean has(String[] labelWords, String word) {
        for (String l : labelWords) {
            if (l.startsWith(word) || (word.length() > 3 && l.equals(singular(word)))) {
                return true;
            }
        }
        return false;
    }

    private static String singular(String word) {
        char last = word.charAt(word.length() - 1);
        return last == 's' || last == 'x' ? word.substring(0, word.length() - 1) : word;
    }

    /** Lower case, without accents, split into words of letters or digits. */
    static List<String> words(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(plain.split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    private static Map<String, Entry> entries() {
        Map<String, Entry> entries = loaded;
        if (entries == null) {
            synchronized (Cpv.class) {
                entries = loaded;
                if (entries == null) {
                    entries = read();
                    loaded = entries;
                }
            }
        }
        return entries;
    }

    /** Reads the code list once per JVM (about half a second): only the code, parent and French and English labels. */
    private static Map<String, Entry> read() {
        try (InputStream in = Cpv.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The CPV code list " + RESOURCE
                        + " is not on the class path: build with Maven, which unpacks it from the eForms SDK");
            }
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader xml = factory.createXMLStreamReader(in, "UTF-8");
            Map<String, Entry> entries = new LinkedHashMap<>();
            Map<String, String> row = new LinkedHashMap<>();
            String column = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamReader.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "Row" -> row.clear();
                        case "Value" -> column = xml.getAttributeValue(null, "ColumnRef");
                        case "SimpleValue" -> {
                            if (column != null) {
                                row.put(column, xml.getElementText().strip());
                            }
                        }
                        default -> {}
                    }
                } else if (event == XMLStreamReader.END_ELEMENT && "Row".equals(xml.getLocalName())) {
                    Code code = new Code(
                            row.get("code"), row.get("parentCode"), row.get("fra_label"), row.get("eng_label"));
                    Set<String> words = new LinkedHashSet<>(words(code.french()));
                    words.addAll(words(code.english()));
                    entries.put(code.code(), new Entry(code, words.toArray(String[]::new)));
                }
            }
            xml.close();
            return Collections.unmodifiableMap(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The CPV code list " + RESOURCE + " cannot be read", e);
        }
    }
}
