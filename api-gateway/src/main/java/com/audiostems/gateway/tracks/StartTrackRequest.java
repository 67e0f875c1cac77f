package com.audiostems.gateway.tracks;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Start processing an uploaded file. */
public record StartTrackRequest(
    @Schema(description = "The uploadId from POST /v1/uploads; its content must have been sent.")
        @NotBlank
        String uploadId,
    @ArraySchema(
            arraySchema = @Schema(description = "Outputs to produce; absent or empty means every output the source allows."),
            schema = @Schema(example = "FLAC", allowableValues = {"PREVIEW_MP3_128", "MP3_320", "AAC_256", "FLAC", "ALAC", "WAV_24", "FLAC_96K"}))
        @Size(max = 16)
        List<String> formats,
    @Schema(
            description = "Minimum source tier required (MINIMUM, STANDARD, HIGH, PROFESSIONAL). Recorded with the track "
                + "and reported by GET /v1/tracks/{id}; the pipeline itself enforces only MINIMUM for now.",
            example = "STANDARD")
        String tier,
    @Schema(
            description = "Ask for a watermarked preview. Accepted and recorded with the track, but the watermark stage "
                + "does not exist yet: no output is watermarked, and the manifest says so (preview.watermarked = false).")
        Boolean watermark) {}
