package dev.retort.spring;

import dev.retort.RetortException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A startup stopped by Retort is reported as its one line, not as a stack of bean-creation errors. */
class RetortFailureAnalyzer extends AbstractFailureAnalyzer<RetortException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RetortException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct the retort.* property the message names, or the tenants it lists (retort.on-failure=continue starts"
                        + " the application anyway and reports them in the health indicator).", cause);
    }
}
