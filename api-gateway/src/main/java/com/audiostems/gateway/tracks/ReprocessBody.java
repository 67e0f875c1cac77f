package com.audiostems.gateway.tracks;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Re-encode some outputs of a published track as its next version. */
public record ReprocessBody(
    @Schema(description = "The outputs to redo, e.g. [\"FLAC\"]; the others keep their files.")
        @Size(max = 16)
        List<String> formats,
    @Schema(
            description = "Why, in words; kept in the track's history.",
            example = "encoder upgrade")
        @Size(max = 500)
        String reason) {}
