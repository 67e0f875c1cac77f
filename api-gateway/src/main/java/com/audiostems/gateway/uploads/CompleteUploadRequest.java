package com.audiostems.gateway.uploads;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The parts of an upload in parts, as the client sent them: every part, by part number. */
public record CompleteUploadRequest(
    @Schema(description = "Every part of the upload, ordered by part number from 1.")
        @NotEmpty
        @Size(max = 10_000)
        List<@Valid @NotNull Part> parts) {

  public record Part(
      @Schema(example = "1") @NotNull @Min(1) @Max(10_000) Integer partNumber,
      @Schema(
              description =
                  "The ETag header of the part's PUT response, as S3 sent it (quotes included).",
              example = "\"5d41402abc4b2a76b9719d911017c592\"")
          @JsonProperty("eTag")
          @NotBlank
          @Size(max = 256)
          String eTag) {}
}
