package io.certana.identity.organization.service;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/** Derives URL slugs (lower-case ASCII words joined by hyphens) from organization names. */
public final class Slugs {

    /** The shape every slug has, also enforced by a CHECK constraint. */
    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";

    /** Longest derived slug before a numeric suffix, in characters. */
    static final int MAX_BASE_LENGTH = 50;

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final Pattern SUFFIX = Pattern.compile("-(\\d{1,9})$");

    private Slugs() {
    }

    /**
     * Returns the slug of a name: accents removed (NFD, then combining marks dropped), lower case,
     * every run of other characters turned into one hyphen. A name with no ASCII letter or digit
     * gives {@code org}.
     */
    public static String fromName(String name) {
        String ascii = COMBINING_MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        String slug = NON_ALPHANUMERIC.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimHyphens(slug);
        if (slug.length() > MAX_BASE_LENGTH) {
            slug = trimHyphens(slug.substring(0, MAX_BASE_LENGTH));
        }
        return slug.isEmpty() ? "org" : slug;
    }

    /**
     * Returns {@code base} if it is not taken, else {@code base-N} with N one above the highest
     * suffix in use (starting at 2).
     *
     * @param taken existing slugs equal to {@code base} or starting with {@code base-}
     */
    public static String firstFree(String base, Collection<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        long highest = 1;
        for (String slug : taken) {
            if (slug.length() > base.length() && slug.startsWith(base + "-")) {
                var matcher = SUFFIX.matcher(slug.substring(base.length()));
                if (matcher.matches()) {
                    highest = Math.max(highest, Long.parseLong(matcher.group(1)));
                }
            }
        }
        return base + "-" + (highest + 1);
    }

    private static String trimHyphens(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) == '-') {
            start++;
        }
        while (end > start && value.charAt(end - 1) == '-') {
            end--;
        }
        return value.substring(start, end);
    }
}
