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
            arraySchema =
                @Schema(
                    description =
                        "Outputs to produce; absent or empty means every output the source allows."),
            schema =
                @Schema(
                    example = "FLAC",
                    allowableValues = {
                      "PREVIEW_MP3_128",
                      "MP3_320",
                      "AAC_256",
                      "FLAC",
                      "ALAC",
                      "WAV_24",
                      "FLAC_96K"
                    }))
        @Size(max = 16)
        List<String> formats,
    @Schema(
            description =
                "Minimum source tier required (MINIMUM, STANDARD, HIGH, PROFESSIONAL), judged by the quality "
                    + "checks on the source's effective properties: a source below it is rejected with the findings.",
            example = "STANDARD")
        String tier,
    @Schema(
            description =
                "Recorded with the track. Every preview is watermarked whatever this says: an invisible mark "
                    + "naming the track and an audible tag; the manifest records preview.watermarked and the payload id.")
        Boolean watermark,
    @Schema(
            description =
                "The track's title as the composer entered it: with the artist, the job's summary in the Temporal UI.")
        @Size(max = 200)
        String title,
    @Schema(description = "The track's artist or composer.") @Size(max = 200) String artist,
    @Schema(
            description =
                "What happens when the recording is already a published track of the catalogue: REJECT "
                    + "(the track fails with DuplicateTrack, naming it) or LINK_AS_ALTERNATE (published as an alternate "
                    + "version of it; `link` for short). Absent: the gateway's configured policy.",
            example = "REJECT")
        String duplicates) {

  /** "Title — Artist", "Title", or null when no title was given. */
  String summary() {
    if (title == null || title.isBlank()) {
      return null;
    }
    return artist == null || artist.isBlank()
        ? title.strip()
        : title.strip() + " — " + artist.strip();
  }
}
