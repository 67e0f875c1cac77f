package com.audiostems.workflows.media;

/** A requested or default output that was deliberately not produced, and why. */
public record AbsentOutput(OutputFormat format, String reason) {}
