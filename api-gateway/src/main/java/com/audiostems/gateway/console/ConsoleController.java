package com.audiostems.gateway.console;

import com.audiostems.gateway.security.ApiClient;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator console's two server-side needs: its address without the file name, and a way to
 * check a key at sign-in. The console itself is static (src/main/resources/static/console/) and
 * calls the API with the key it is given, as any client does.
 */
@RestController
@Tag(name = "console", description = "The operator console in the browser, at /console/")
public class ConsoleController {

  @GetMapping({"/console", "/console/"})
  public ResponseEntity<Void> console() {
    return ResponseEntity.status(HttpStatus.FOUND)
        .header("Location", "/console/index.html")
        .build();
  }

  @Operation(
      summary = "Who this key is",
      description = "The key's client name and role: the console signs in with it.")
  @GetMapping("/v1/session")
  public Session session(@AuthenticationPrincipal ApiClient client) {
    return new Session(client.name(), client.role().name(), client.licensee());
  }

  /**
   * @param licensee the licensee a licensee key is bound to; null otherwise
   */
  public record Session(String name, String role, String licensee) {}
}
