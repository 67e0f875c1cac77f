package com.audiostems.gateway.tracks;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An operator's decision on a track held because its recording matches a reference work. */
public record ReviewBody(
    @Schema(
            description =
                "true: the use is cleared (licensed, or not the work), publish it; false: reject it.")
        @NotNull
        Boolean approve,
    @Schema(
            description =
                "Why, for the record: kept in the track's manifest with the operator's name.",
            example = "Licence L-2291 on file")
        @Size(max = 500)
        String note) {}
