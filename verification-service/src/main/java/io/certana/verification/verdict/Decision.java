package io.certana.verification.verdict;

import java.util.List;
import java.util.Optional;

/**
 * A verdict with what decided it.
 *
 * @param verdict the verdict
 * @param rule the rule that decided
 * @param confidence 0..1, composed as docs/verification.md describes for each rule; 0 for unknown
 * @param candidate the registered asset the verdict is about, empty when nothing matched
 * @param localEdits tamper regions large enough to count as local edits, largest first
 * @param explanation one sentence for the client that says why
 */
public record Decision(Verdict verdict, Rule rule, double confidence, Optional<Candidate> candidate,
        List<SuspectFacts.Region> localEdits, String explanation) {

    public Decision {
        localEdits = List.copyOf(localEdits);
    }
}
