package io.resetflow.notifier.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Notices are phishing-safe: a template may name only the tenant's own portal hosts. Any other URL,
 * any link whose target is a template value, and any mailto/javascript link is a violation.
 */
public final class LinkPolicy {

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:[a-z][a-z0-9+.-]*://|www\\.)([^\\s/<>\"'{}()?#:]+)");
    private static final Pattern HREF = Pattern.compile("(?i)\\b(?:href|src|action)\\s*=\\s*[\"']?([^\"'\\s>]*)");
    private static final Pattern SCHEME_LINK = Pattern.compile("(?i)\\b(?:mailto|javascript|data):");

    private final Set<String> allowedHosts;

    public LinkPolicy(List<String> portalHosts) {
        this.allowedHosts = Set.copyOf(portalHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
    }

    /** The problems found in a template's text; empty when it is safe. */
    public List<String> violations(String text) {
        List<String> problems = new ArrayList<>();
        Matcher url = URL.matcher(text);
        while (url.find()) {
            String match = url.group();
            String host = match.toLowerCase(Locale.ROOT).startsWith("www.") ? match.toLowerCase(Locale.ROOT)
                    : url.group(1).toLowerCase(Locale.ROOT);
            if (!allowedHosts.contains(host)) {
                problems.add("URL to " + host + " is outside the tenant's portal hosts " + allowedHosts);
            }
        }
        Matcher href = HREF.matcher(text);
        while (href.find()) {
            if (href.group(1).contains("{{")) {
                problems.add("link target is a template value: " + href.group());
            }
        }
        Matcher scheme = SCHEME_LINK.matcher(text);
        while (scheme.find()) {
            problems.add("link scheme not allowed: " + scheme.group());
        }
        return problems;
    }
}
