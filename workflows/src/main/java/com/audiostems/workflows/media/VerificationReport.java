package com.audiostems.workflows.media;

import java.util.List;

/** Every output's verification; the activity fails the job when any check fails. */
public record VerificationReport(List<OutputCheck> checks) {}
