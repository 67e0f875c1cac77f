package com.audiostems.workflows.media;

import java.util.List;

/** The outputs to encode for one source, and those deliberately left out with the reason. */
public record OutputPlan(List<OutputSpec> outputs, List<AbsentOutput> absent) {}
