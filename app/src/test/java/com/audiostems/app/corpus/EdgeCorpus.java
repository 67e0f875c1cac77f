package com.audiostems.app.corpus;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.workflows.TrackFailures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The edge-case corpus of issue 15, made on the spot from {@link TestAudio#music} with Debian's
 * encoders (ffmpeg, lame, sox, flac, opusenc, oggenc) and, for DSD, {@link DsfWriter}. Each case
 * names the outcome the specification asks for: published, or one typed rejection. Sources are 1.5
 * s unless the case is about length, so that the whole corpus runs in a few minutes.
 *
 * <p>None of it comes from TagLib's, mutagen's, jaudiotagger's or music-metadata's test data: that
 * is the independent acceptance set.
 */
final class EdgeCorpus {
  static final String PUBLISHED = "Published";
  static final double SECONDS = 1.5;

  /** How to make one file of the corpus in {@code file}; {@code scratch} is for intermediates. */
  interface Maker {
    void make(Path file, Path scratch) throws IOException;
  }

  /**
   * @param fileName the upload's name (its extension may lie, on purpose)
   * @param expected {@link #PUBLISHED} or a {@link TrackFailures} type: what the specification asks
   * @param openIssue the outcome the pipeline still gives instead, with why, while that is not
   *     fixed; null when none. The test accepts it and lists it; any other outcome fails.
   */
  record Case(String fileName, String expected, Maker maker, OpenIssue openIssue) {
    @Override
    public String toString() {
      return fileName + " -> " + expected;
    }

    Case stillGives(String outcome, String why) {
      return new Case(fileName, expected, maker, new OpenIssue(outcome, why));
    }
  }

  /** An outcome known to be wrong, not yet fixed: the type it still ends with and the cause. */
  record OpenIssue(String outcome, String why) {}

  private EdgeCorpus() {}

  static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    // Frame counts and lengths.
    c.add(published("odd-frames-16bit-44k.wav", (f, s) -> frames(f, 44_100, 16, 2, 66_151)));
    c.add(published("odd-frames-24bit-48k.wav", (f, s) -> frames(f, 48_000, 24, 2, 72_001)));
    c.add(
        published(
            "odd-frames-24bit-96k.flac",
            (f, s) -> flac(frames(wav(s), 96_000, 24, 2, 144_003), f)));
    c.add(
        published(
            "prime-frames-16bit.aiff", (f, s) -> ff(frames(wav(s), 44_100, 16, 2, 58_751), f)));
    c.add(published("one-frame.wav", (f, s) -> frames(f, 44_100, 16, 2, 1)));
    c.add(published("sub-second-0.3s.wav", (f, s) -> seconds(f, 44_100, 16, 2, 0.3)));
    c.add(
        published(
            "sub-second-0.05s.flac", (f, s) -> flac(seconds(wav(s), 48_000, 24, 2, 0.05), f)));
    // Encoder delay and padding, with and without gapless information.
    c.add(published("lame-128k-lame-header.mp3", (f, s) -> lame(source(s), f, "-b", "128")));
    c.add(
        published(
            "lame-vbr-short-0.3s.mp3",
            (f, s) -> lame(seconds(wav(s), 44_100, 16, 2, 0.3), f, "-V", "2")));
    c.add(
        published(
            "lame-one-frame.mp3",
            (f, s) -> lame(frames(wav(s), 44_100, 16, 2, 1), f, "-b", "192")));
    c.add(
        published(
            "no-xing-header-320k.mp3",
            (f, s) -> ff(source(s), f, "-c:a", "libmp3lame", "-b:a", "320k", "-write_xing", "0")));
    c.add(
        published("aac-edit-list.m4a", (f, s) -> ff(source(s), f, "-c:a", "aac", "-b:a", "256k")));
    c.add(
        published(
            "aac-short-0.3s.m4a",
            (f, s) -> ff(seconds(wav(s), 44_100, 16, 2, 0.3), f, "-c:a", "aac", "-b:a", "256k")));
    c.add(
        published(
            "aac-itunsmpb-no-edit-list.m4a",
            (f, s) ->
                ff(
                    source(s),
                    f,
                    "-c:a",
                    "aac",
                    "-b:a",
                    "256k",
                    "-use_editlist",
                    "0",
                    "-metadata",
                    "iTunSMPB= 00000000 00000400 000001C0 0000000000010266 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000")));
    c.add(
        published(
            "aac-adts-no-gapless.aac",
            (f, s) -> ff(source(s), f, "-c:a", "aac", "-b:a", "256k", "-f", "adts")));
    c.add(
        published(
            "vorbis-short-0.3s.ogg",
            (f, s) ->
                tool(
                    List.of(
                        "oggenc",
                        "-Q",
                        "-q",
                        "6",
                        "-o",
                        f.toString(),
                        seconds(wav(s), 44_100, 16, 2, 0.3).toString()))));
    c.add(
        published(
            "opus-short-0.3s.opus",
            (f, s) ->
                tool(
                    List.of(
                        "opusenc",
                        "--quiet",
                        "--bitrate",
                        "192",
                        seconds(wav(s), 48_000, 16, 2, 0.3).toString(),
                        f.toString()))));
    // Every input the README lists.
    c.add(published("plain-16bit.wav", (f, s) -> seconds(f, 44_100, 16, 2, SECONDS)));
    c.add(
        published(
            "broadcast-wave-bext.wav",
            (f, s) ->
                ff(
                    source(s),
                    f,
                    "-c:a",
                    "pcm_s24le",
                    "-write_bext",
                    "1",
                    "-metadata",
                    "originator=Corpus",
                    "-metadata",
                    "description=Edge case")));
    c.add(
        published("rf64.wav", (f, s) -> ff(source(s), f, "-c:a", "pcm_s24le", "-rf64", "always")));
    c.add(
        published(
            "aifc-24bit.aifc",
            (f, s) -> tool(List.of("sox", source(s).toString(), "-b", "24", f.toString()))));
    c.add(published("flac-cli.flac", (f, s) -> flac(source(s), f)));
    c.add(published("alac.m4a", (f, s) -> ff(source(s), f, "-c:a", "alac")));
    c.add(
        published(
            "vorbis.ogg",
            (f, s) ->
                tool(
                    List.of("oggenc", "-Q", "-q", "6", "-o", f.toString(), source(s).toString()))));
    c.add(
        published(
            "opus-in-webm.webm", (f, s) -> ff(source48k(s), f, "-c:a", "libopus", "-b:a", "192k")));
    c.add(published("wma-v2.wma", (f, s) -> ff(source(s), f, "-c:a", "wmav2", "-b:a", "192k")));
    c.add(
        published(
            "dsd64.dsf",
            (f, s) -> DsfWriter.write(f, TestAudio.music(44_100, 2, SECONDS), 44_100, 2)));
    c.add(
        published(
            "video-with-aac.mp4",
            (f, s) ->
                ff(
                    source(s),
                    f,
                    "-f",
                    "lavfi",
                    "-i",
                    "testsrc=size=160x120:rate=10:duration=1.5",
                    "-map",
                    "1:v",
                    "-map",
                    "0:a",
                    "-c:v",
                    "mpeg4",
                    "-c:a",
                    "aac",
                    "-b:a",
                    "256k",
                    "-shortest")));
    c.add(
        published(
            "video-with-pcm.mov",
            (f, s) ->
                ff(
                    source(s),
                    f,
                    "-f",
                    "lavfi",
                    "-i",
                    "testsrc=size=160x120:rate=10:duration=1.5",
                    "-map",
                    "1:v",
                    "-map",
                    "0:a",
                    "-c:v",
                    "mpeg4",
                    "-c:a",
                    "pcm_s24le")));
    c.add(
        published(
            "video-with-pcm.avi",
            (f, s) ->
                ff(
                    source(s),
                    f,
                    "-f",
                    "lavfi",
                    "-i",
                    "testsrc=size=160x120:rate=10:duration=1.5",
                    "-map",
                    "1:v",
                    "-map",
                    "0:a",
                    "-c:v",
                    "mpeg4",
                    "-c:a",
                    "pcm_s16le")));
    // Channel layouts.
    c.add(
        published(
            "three-unnamed-channels.wav",
            (f, s) ->
                TestAudio.writeExtensibleWav(
                    f, TestAudio.music(44_100, 3, SECONDS), 44_100, 16, 3, 0)));
    c.add(
        published(
            "two-unnamed-channels.wav",
            (f, s) ->
                TestAudio.writeExtensibleWav(
                    f, TestAudio.music(44_100, 2, SECONDS), 44_100, 24, 2, 0)));
    c.add(
        published(
            "layout-2.1.wav",
            (f, s) ->
                ff(wav(s, 3), f, "-c:a", "pcm_s24le", "-af", "channelmap=channel_layout=2.1")));
    c.add(
        published(
            "layout-quad.flac",
            (f, s) -> ff(wav(s, 4), f, "-af", "channelmap=channel_layout=quad")));
    c.add(
        published(
            "layout-5.1.flac", (f, s) -> ff(wav(s, 6), f, "-af", "channelmap=channel_layout=5.1")));
    c.add(
        published(
            "layout-7.1.wav",
            (f, s) ->
                ff(wav(s, 8), f, "-c:a", "pcm_s24le", "-af", "channelmap=channel_layout=7.1")));
    c.add(
        published(
            "mono-in-stereo.wav", (f, s) -> ff(wav(s, 1), f, "-c:a", "pcm_s16le", "-ac", "2")));
    c.add(published("mono.wav", (f, s) -> seconds(f, 44_100, 16, 1, SECONDS)));
    // Sample formats.
    c.add(published("float32.wav", (f, s) -> ff(source(s), f, "-c:a", "pcm_f32le")));
    c.add(published("float64.wav", (f, s) -> ff(source(s), f, "-c:a", "pcm_f64le")));
    c.add(
        published(
            "float64-big-endian.aifc",
            (f, s) -> ff(source(s), f, "-c:a", "pcm_f64be", "-f", "aiff")));
    c.add(
        rejected(
            "unsigned-8bit.wav",
            TrackFailures.BELOW_MINIMUM_TIER,
            (f, s) -> ff(source(s), f, "-c:a", "pcm_u8")));
    c.add(
        rejected(
            "mu-law.wav",
            TrackFailures.BELOW_MINIMUM_TIER,
            (f, s) -> ff(source(s), f, "-c:a", "pcm_mulaw")));
    c.add(
        rejected(
            "a-law.wav",
            TrackFailures.BELOW_MINIMUM_TIER,
            (f, s) -> ff(source(s), f, "-c:a", "pcm_alaw")));
    // Loud and clipping sources.
    c.add(
        published(
            "clipping-float-plus-0.7dbfs.wav",
            (f, s) ->
                ff(
                    source(s),
                    f,
                    "-af",
                    "volume=12dB,alimiter=limit=1:level=false,volume=0.7dB",
                    "-c:a",
                    "pcm_f32le")));
    c.add(
        published(
            "clipped-at-full-scale-24bit.wav",
            (f, s) -> ff(source(s), f, "-af", "volume=14dB", "-c:a", "pcm_s24le")));
    // Headers that disagree with the data.
    c.add(
        rejected(
            "truncated-data.wav",
            TrackFailures.TRUNCATED_AUDIO,
            (f, s) -> truncate(seconds(f, 44_100, 16, 2, SECONDS), 0.5)));
    c.add(
        rejected(
            "truncated-data.aiff",
            TrackFailures.TRUNCATED_AUDIO,
            (f, s) -> truncate(ff(source(s), f), 0.5)));
    c.add(
        published(
            "streamed-unknown-size.wav",
            (f, s) -> unknownSizes(seconds(f, 44_100, 16, 2, SECONDS))));
    c.add(
        published(
            "trailing-bytes-after-data.wav",
            (f, s) -> appendJunk(seconds(f, 44_100, 16, 2, SECONDS), 10_000)));
    // Tag bombs.
    c.add(
        published(
            "huge-apic-6MB.mp3",
            (f, s) -> apic(lame(source(s), s.resolve("bare.mp3"), "-b", "192"), f, s)));
    c.add(
        published(
            "three-thousand-txxx.mp3",
            (f, s) ->
                id3Frames(
                    lame(source(s), s.resolve("bare.mp3"), "-b", "192", "--id3v2-only"), f, 3000)));
    // Wrong extensions.
    c.add(published("flac-named.mp3", (f, s) -> flac(source(s), f)));
    c.add(published("mp3-named.wav", (f, s) -> lame(source(s), f, "-b", "256")));
    c.add(
        published(
            "vorbis-named.m4a",
            (f, s) ->
                tool(
                    List.of("oggenc", "-Q", "-q", "6", "-o", f.toString(), source(s).toString()))));
    c.add(
        rejected("random-bytes.flac", TrackFailures.NOT_AUDIO, (f, s) -> randomBytes(f, 200_000)));
    // Valid containers with empty streams.
    c.add(
        rejected(
            "no-samples.wav", TrackFailures.EMPTY_FILE, (f, s) -> frames(f, 44_100, 16, 2, 0)));
    c.add(rejected("no-samples.flac", TrackFailures.EMPTY_FILE, (f, s) -> emptyFlac(f, s)));
    c.add(
        rejected(
            "no-samples.ogg",
            TrackFailures.EMPTY_FILE,
            (f, s) ->
                tool(
                    List.of(
                        "oggenc",
                        "-Q",
                        "-o",
                        f.toString(),
                        frames(wav(s), 44_100, 16, 2, 0).toString()))));
    c.add(
        rejected(
            "video-only.mp4",
            TrackFailures.NO_AUDIO_STREAM,
            (f, s) ->
                ff(
                    s.resolve("unused"),
                    f,
                    "-f",
                    "lavfi",
                    "-i",
                    "testsrc=size=160x120:rate=10:duration=1",
                    "-c:v",
                    "mpeg4")));
    // No case is open: when one is found, mark it with Case.stillGives until it is fixed.
    return List.copyOf(c);
  }

  private static Case published(String name, Maker maker) {
    return new Case(name, PUBLISHED, maker, null);
  }

  private static Case rejected(String name, String type, Maker maker) {
    return new Case(name, type, maker, null);
  }

  // ----- makers

  private static Path wav(Path scratch) {
    return scratch.resolve("in.wav");
  }

  /** A 1.5 s, 16-bit/44.1 kHz stereo WAV in the scratch directory, for encoders to take. */
  private static Path source(Path scratch) throws IOException {
    return seconds(scratch.resolve("source.wav"), 44_100, 16, 2, SECONDS);
  }

  private static Path source48k(Path scratch) throws IOException {
    return seconds(scratch.resolve("source48k.wav"), 48_000, 16, 2, SECONDS);
  }

  private static Path wav(Path scratch, int channels) throws IOException {
    return seconds(scratch.resolve("source" + channels + ".wav"), 44_100, 24, channels, SECONDS);
  }

  private static Path seconds(Path file, int rateHz, int bits, int channels, double seconds)
      throws IOException {
    return TestAudio.wav(file, rateHz, bits, channels, seconds);
  }

  private static Path frames(Path file, int rateHz, int bits, int channels, int frames)
      throws IOException {
    double[] samples = TestAudio.music(rateHz, channels, (double) frames / rateHz);
    if (samples.length != frames * channels) {
      throw new IllegalStateException(samples.length / channels + " frames, not " + frames);
    }
    return TestAudio.writeWav(file, samples, rateHz, bits, channels);
  }

  /** ffmpeg -i in [args] out; with {@code in} absent, the inputs are all in args. */
  private static Path ff(Path in, Path out, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-y"));
    if (Files.exists(in)) {
      command.addAll(List.of("-i", in.toString()));
    }
    command.addAll(List.of(args));
    command.add(out.toString());
    TestAudio.run(command);
    return out;
  }

  private static Path tool(List<String> command) throws IOException {
    TestAudio.run(command);
    return Path.of(command.get(command.size() - 1));
  }

  private static Path lame(Path in, Path out, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("lame", "--quiet"));
    command.addAll(List.of(args));
    command.addAll(List.of(in.toString(), out.toString()));
    TestAudio.run(command);
    return out;
  }

  /** The flac tool writes FLAC whatever the output's name says. */
  private static Path flac(Path in, Path out) throws IOException {
    List<String> command = new ArrayList<>(List.of("flac", "--silent", "--force", "-5"));
    command.addAll(List.of("-o", out.toString(), in.toString()));
    TestAudio.run(command);
    return out;
  }

  /** A FLAC stream of no samples (the tool refuses an empty WAV, not empty raw input). */
  private static Path emptyFlac(Path out, Path scratch) throws IOException {
    Path raw = Files.write(scratch.resolve("empty.raw"), new byte[0]);
    return tool(
        List.of(
            "flac",
            "--silent",
            "--force",
            "--force-raw-format",
            "--endian=little",
            "--sign=signed",
            "--channels=2",
            "--bps=16",
            "--sample-rate=44100",
            "-o",
            out.toString(),
            raw.toString()));
  }

  /** Cuts the file to {@code keep} of its length: the header still promises it all. */
  private static Path truncate(Path file, double keep) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate((long) (channel.size() * keep));
    }
    return file;
  }

  /** RIFF and data sizes 0xFFFFFFFF, as a writer that streams to a pipe leaves them. */
  private static Path unknownSizes(Path canonicalWav) throws IOException {
    try (FileChannel channel = FileChannel.open(canonicalWav, StandardOpenOption.WRITE)) {
      ByteBuffer unknown = ByteBuffer.wrap(new byte[] {-1, -1, -1, -1});
      channel.write(unknown, 4);
      channel.write(unknown.rewind(), 40);
    }
    return canonicalWav;
  }

  private static Path appendJunk(Path file, int bytes) throws IOException {
    Files.write(file, new byte[bytes], StandardOpenOption.APPEND);
    return file;
  }

  private static Path randomBytes(Path file, int bytes) throws IOException {
    byte[] noise = new byte[bytes];
    new java.util.Random(15).nextBytes(noise);
    Files.write(file, noise);
    return file;
  }

  /** Attaches a noise PNG of several megabytes as the front cover (ID3v2.3 APIC). */
  private static Path apic(Path mp3, Path out, Path scratch) throws IOException {
    Path png =
        ff(
            scratch.resolve("unused"),
            scratch.resolve("cover.png"),
            "-f",
            "lavfi",
            "-i",
            "nullsrc=s=1500x1500,geq=random(1)*255:random(2)*255:random(3)*255",
            "-frames:v",
            "1");
    return ff(
        mp3,
        out,
        "-i",
        png.toString(),
        "-map",
        "0",
        "-map",
        "1",
        "-c",
        "copy",
        "-id3v2_version",
        "3",
        "-metadata:s:v",
        "title=Front cover",
        "-metadata:s:v",
        "comment=Cover (front)");
  }

  /** Prepends an ID3v2.3 tag of {@code count} TXXX frames (and a title) to a tagless MP3. */
  private static Path id3Frames(Path mp3, Path out, int count) throws IOException {
    java.io.ByteArrayOutputStream frames = new java.io.ByteArrayOutputStream();
    frame(frames, "TIT2", text("Three thousand frames"));
    for (int i = 0; i < count; i++) {
      frame(frames, "TXXX", text("CORPUS_KEY_" + i + "\0value " + i));
    }
    byte[] body = frames.toByteArray();
    ByteBuffer header = ByteBuffer.allocate(10);
    header.put("ID3".getBytes(StandardCharsets.US_ASCII)).put((byte) 3).put((byte) 0).put((byte) 0);
    int size = body.length;
    header.put((byte) ((size >> 21) & 0x7F)).put((byte) ((size >> 14) & 0x7F));
    header.put((byte) ((size >> 7) & 0x7F)).put((byte) (size & 0x7F));
    try (OutputStream o = Files.newOutputStream(out)) {
      o.write(header.array());
      o.write(body);
      o.write(Files.readAllBytes(mp3));
    }
    return out;
  }

  private static byte[] text(String value) {
    byte[] latin = value.getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = new byte[latin.length + 1];
    System.arraycopy(latin, 0, out, 1, latin.length); // encoding 0: ISO-8859-1
    return out;
  }

  private static void frame(java.io.ByteArrayOutputStream out, String id, byte[] body) {
    ByteBuffer head = ByteBuffer.allocate(10).order(ByteOrder.BIG_ENDIAN);
    head.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length).putShort((short) 0);
    out.writeBytes(head.array());
    out.writeBytes(body);
  }
}
