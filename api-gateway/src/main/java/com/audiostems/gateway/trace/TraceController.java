package com.audiostems.gateway.trace;

import com.audiostems.gateway.config.UploadProperties;
import com.audiostems.gateway.problems.Problems;
import com.audiostems.gateway.security.ApiClient;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Leak tracing: which track a found file is, where, and whose copy it was. */
@RestController
@Tag(
    name = "trace",
    description =
        "Trace a file found in the wild to its track and to the licence it was delivered under")
public class TraceController {
  private final Traces traces;
  private final Path spoolDir;

  public TraceController(Traces traces, UploadProperties uploads) {
    this.traces = traces;
    this.spoolDir = uploads.tempDir();
  }

  @Operation(
      summary = "Trace a found file",
      description =
          "A multipart/form-data upload with the file in the part `file` (curl -F file=@clip.mp3). The fingerprint "
              + "says which track and where (in the track and in the file); the watermark says whose copy it was: "
              + "`kind` licence (with the licence id and its licensee) or preview, and which stretches of the file "
              + "carry the mark. A 15 s excerpt is enough. Answers 200 within `audiostems.gateway.identify.answer-within`, "
              + "else 202 with a Location to GET. The file is deleted once traced. 400 `file-missing` or "
              + "`empty-file`, 413 `upload-too-large` (over `uploads.max-size`), 415 for a body that is not "
              + "multipart, 422 `trace-rejected` for a file that is not audio.")
  @ApiResponse(
      responseCode = "200",
      description = "Traced: the fingerprint's matches and the mark",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "202",
      description = "Still running: GET the Location until `state` is done")
  @PostMapping(path = "/v1/trace", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<TraceResponse> trace(
      @RequestParam(name = "file", required = false) MultipartFile file,
      @AuthenticationPrincipal ApiClient client)
      throws IOException {
    if (file == null) {
      throw Problems.badRequest(
          "file-missing",
          "Send the found file as the multipart/form-data part named 'file' (curl -F file=@clip.mp3).");
    }
    if (file.isEmpty()) {
      throw Problems.badRequest(
          "empty-file", "The file '" + file.getOriginalFilename() + "' is empty: 0 bytes.");
    }
    String fileName = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
    Files.createDirectories(spoolDir);
    Path spool = Files.createTempFile(spoolDir, "trace-", ".part");
    try {
      try (InputStream in = file.getInputStream()) {
        Files.copy(in, spool, StandardCopyOption.REPLACE_EXISTING);
      }
      return answer(traces.start(client, spool, fileName));
    } finally {
      Files.deleteIfExists(spool);
    }
  }

  @Operation(summary = "A trace's answer", description = "200 once answered, 202 while running.")
  @GetMapping("/v1/trace/{queryId}")
  public ResponseEntity<TraceResponse> result(@PathVariable String queryId) {
    return answer(traces.result(queryId));
  }

  private static ResponseEntity<TraceResponse> answer(TraceResponse response) {
    if ("done".equals(response.state())) {
      return ResponseEntity.ok(response);
    }
    URI location =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path(response.links().self())
            .build()
            .toUri();
    return ResponseEntity.accepted().location(location).body(response);
  }
}
