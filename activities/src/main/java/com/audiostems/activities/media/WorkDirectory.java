package com.audiostems.activities.media;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A scratch directory of its own under the configured work dir, removed with its content on close.
 */
public final class WorkDirectory implements AutoCloseable {
  private static final int DELETE_ATTEMPTS = 5;
  private static final long DELETE_RETRY_MILLIS = 100;

  private final Path path;

  private WorkDirectory(Path path) {
    this.path = path;
  }

  /**
   * @param prefix start of the directory's name, to tell activities apart when looking at the disk
   */
  public static WorkDirectory create(Path parent, String prefix) throws IOException {
    Files.createDirectories(parent);
    return new WorkDirectory(Files.createTempDirectory(parent, prefix).toAbsolutePath());
  }

  public Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    // A killed ffmpeg may still be finishing a write when we get here (the runner kills it without
    // waiting), so a directory that is not empty yet gets a few more tries.
    for (int attempt = 1; ; attempt++) {
      try {
        deleteTree();
        return;
      } catch (DirectoryNotEmptyException e) {
        if (attempt == DELETE_ATTEMPTS) {
          throw e;
        }
        try {
          Thread.sleep(DELETE_RETRY_MILLIS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private void deleteTree() throws IOException {
    List<Path> entries;
    try (Stream<Path> walk = Files.walk(path)) {
      entries = walk.sorted(Comparator.reverseOrder()).toList();
    } catch (NoSuchFileException e) {
      return;
    }
    for (Path entry : entries) {
      Files.deleteIfExists(entry);
    }
  }
}
