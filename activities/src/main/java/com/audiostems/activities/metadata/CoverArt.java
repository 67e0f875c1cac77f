package com.audiostems.activities.metadata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.jaudiotagger.tag.images.Artwork;
import org.jaudiotagger.tag.images.ArtworkFactory;
import org.jaudiotagger.tag.reference.PictureTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a stored artwork file into a jaudiotagger front-cover picture for one output format. */
final class CoverArt {
  private static final Logger log = LoggerFactory.getLogger(CoverArt.class);

  private CoverArt() {}

  /**
   * The picture to embed, or empty (with a warning) when the file is not an image the format can
   * carry: MP4's covr atom has type codes for JPEG, PNG, GIF and BMP only.
   */
  static Optional<Artwork> load(Path image, String jaudiotaggerFormat) throws IOException {
    if (Files.size(image) > SourceTagReader.MAX_ARTWORK_BYTES) {
      log.warn(
          "{}: artwork over {} bytes is not embedded", image, SourceTagReader.MAX_ARTWORK_BYTES);
      return Optional.empty();
    }
    byte[] data = Files.readAllBytes(image);
    Optional<ImageType> type = ImageType.sniff(data);
    if (type.isEmpty() || (type.get() == ImageType.WEBP && jaudiotaggerFormat.equals("m4a"))) {
      log.warn(
          "{}: artwork of type {} cannot be embedded in {}",
          image,
          type.map(ImageType::mimeType).orElse("unknown"),
          jaudiotaggerFormat);
      return Optional.empty();
    }
    Artwork artwork = ArtworkFactory.getNew();
    artwork.setBinaryData(data);
    artwork.setMimeType(type.get().mimeType());
    artwork.setPictureType(PictureTypes.DEFAULT_ID);
    artwork.setDescription("");
    setDimensions(artwork, data);
    return Optional.of(artwork);
  }

  /**
   * FLAC's PICTURE block records the size in pixels. Only the image header is read, never the
   * pixels: the image came from an uploaded file. Unknown stays 0, which readers accept.
   */
  private static void setDimensions(Artwork artwork, byte[] data) {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (readers.hasNext()) {
        ImageReader reader = readers.next();
        try {
          reader.setInput(in, true, true);
          artwork.setWidth(reader.getWidth(0));
          artwork.setHeight(reader.getHeight(0));
        } finally {
          reader.dispose();
        }
      }
    } catch (IOException | RuntimeException e) {
      log.debug("Could not read the size of the artwork: {}", e.toString());
    }
  }
}
