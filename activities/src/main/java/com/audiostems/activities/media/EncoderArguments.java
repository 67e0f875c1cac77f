package com.audiostems.activities.media;

import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.media.HlsLadderPlan;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.OutputSpec;
import com.audiostems.workflows.media.SourceProbe;
import io.temporal.failure.ApplicationFailure;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.bramp.ffmpeg.builder.FFmpegBuilder;
import net.bramp.ffmpeg.builder.FFmpegOutputBuilder;
import net.bramp.ffmpeg.builder.StreamSpecifier;
import net.bramp.ffmpeg.builder.StreamSpecifierType;

/**
 * The ffmpeg arguments of one encode lane (everything after the binary and its global flags): the
 * source read once, then one output per spec with that format's encoder settings, the source's
 * first audio stream only, its channels named ({@link ChannelLayouts}), none of its metadata (the
 * tagger writes ours afterwards), and a size cap. Progress goes to standard output as {@code
 * key=value} lines. Public so that the pipeline benchmark times raw ffmpeg with exactly the
 * pipeline's arguments.
 */
public final class EncoderArguments {
  /** What every lossy encoder is fed: planar 32-bit float (see the MP3's settings). */
  static final String LOSSY_SAMPLE_FORMAT = "fltp";

  private EncoderArguments() {}

  /** An output of the lane and the file ffmpeg writes it to. */
  public record LaneOutput(OutputSpec spec, Path file) {}

  public static List<String> lane(
      Path sourceFile, SourceProbe source, List<LaneOutput> outputs, long maxOutputBytes) {
    FFmpegBuilder builder =
        new FFmpegBuilder()
            .overrideOutputFiles(true)
            .addProgress(URI.create("pipe:1"))
            .addInput(FfmpegPaths.fileUrl(sourceFile))
            .addExtraArgs(MediaProcessRunner.INPUT_SAFETY_ARGS.toArray(String[]::new))
            .done();
    for (LaneOutput output : outputs) {
      addOutput(builder, source, output, maxOutputBytes);
    }
    return builder.build();
  }

  /**
   * One output encoded from raw PCM on standard input (32-bit float, interleaved, at the output's
   * own rate and channel count): the watermarked preview, whose samples are made in Java. The
   * output gets exactly the settings {@link #lane} gives its format.
   */
  public static List<String> fromPcmPipe(LaneOutput output, long maxOutputBytes) {
    return fromPipe(output, maxOutputBytes, "f32le", 32, "flt");
  }

  /**
   * One lossless output encoded from integer PCM on standard input, interleaved, at the output's
   * rate and channel count: {@code s16le} for a 16-bit output, else {@code s32le} with the 24 bits
   * in the top of each sample. The samples were made and quantised in Java (a licensee's marked
   * copy), so {@link BitExactRule} lets no filter touch them and the file decodes to exactly them.
   * The output gets the settings {@link #lane} gives its format.
   */
  public static List<String> fromIntegerPcmPipe(LaneOutput output, long maxOutputBytes) {
    int bits = bitDepth(output.spec());
    return bits == 16
        ? fromPipe(output, maxOutputBytes, "s16le", 16, "s16")
        : fromPipe(output, maxOutputBytes, "s32le", bits, "s32");
  }

  private static List<String> fromPipe(
      LaneOutput output,
      long maxOutputBytes,
      String pipeFormat,
      int bitDepth,
      String sampleFormat) {
    OutputSpec spec = output.spec();
    // The PCM is already at the output's rate and channel count, in ffmpeg's default layout for
    // that
    // count: no conversion follows.
    SourceProbe pcm =
        new SourceProbe(
            pipeFormat,
            "pcm_" + pipeFormat,
            0,
            spec.sampleRateHz(),
            bitDepth,
            sampleFormat,
            spec.channels(),
            ChannelLayouts.defaultLayout(spec.channels()),
            0,
            0,
            0,
            true,
            false);
    List<String> pcmInput = new java.util.ArrayList<>(MediaProcessRunner.INPUT_SAFETY_ARGS);
    pcmInput.addAll(
        List.of(
            "-f",
            pipeFormat,
            "-ar",
            Integer.toString(spec.sampleRateHz()),
            "-ac",
            Integer.toString(spec.channels())));
    FFmpegBuilder builder =
        new FFmpegBuilder()
            .overrideOutputFiles(true)
            .addProgress(URI.create("pipe:1"))
            .addInput("pipe:0")
            .addExtraArgs(pcmInput.toArray(String[]::new))
            .done();
    addOutput(builder, pcm, output, maxOutputBytes);
    return builder.build();
  }

  /**
   * An HLS ladder encoded from raw PCM on standard input (as {@link #fromPcmPipe}): one AAC-LC
   * rendition per bit rate, in one process, cut into CMAF segments (fragmented MP4) of the plan's
   * length by ffmpeg's HLS muxer, which writes each variant's media playlist naming its segments
   * relative to itself. The master playlist is written by {@link HlsLadderEncoder} from the
   * measured segments. The muxer cuts segments itself, so ffmpeg's -fs cannot bound them: the
   * ladder's size is checked once it is written.
   */
  public static List<String> hlsLadderFromPcmPipe(
      HlsLadderPlan plan, int sampleRateHz, int channels, Path directory) {
    List<String> args = new java.util.ArrayList<>(List.of("-y", "-progress", "pipe:1"));
    args.addAll(MediaProcessRunner.INPUT_SAFETY_ARGS);
    args.addAll(
        List.of(
            "-f",
            "f32le",
            "-ar",
            Integer.toString(sampleRateHz),
            "-ac",
            Integer.toString(channels),
            "-i",
            "pipe:0"));
    List<String> streams = new java.util.ArrayList<>();
    for (int i = 0; i < plan.bitRatesKbps().size(); i++) {
      int kbps = plan.bitRatesKbps().get(i);
      args.addAll(List.of("-map", "0:a:0"));
      args.addAll(List.of("-b:a:" + i, kbps + "k"));
      streams.add("a:" + i + ",name:" + kbps + "k");
    }
    // %v is the variant's name, "<kbps>k": the files are HlsLadderPlan's names, which the ladder's
    // encoder checks before anything is stored.
    // One rendition (a process per rendition): ffmpeg leaves %v unexpanded in the init segment's
    // name without a stream map of several, so the name is spelled out and no map is given.
    boolean single = plan.bitRatesKbps().size() == 1;
    String stem = single ? HlsLadderPlan.variantName(plan.bitRatesKbps().get(0)) : "aac-%v";
    args.addAll(
        List.of(
            "-c:a",
            "aac",
            "-profile:a",
            "aac_low",
            "-map_metadata",
            "-1",
            "-map_chapters",
            "-1",
            "-f",
            "hls",
            "-hls_time",
            Integer.toString(plan.segmentSeconds()),
            "-hls_playlist_type",
            "vod",
            "-hls_segment_type",
            "fmp4",
            "-hls_flags",
            "independent_segments",
            "-hls_fmp4_init_filename",
            stem + "-init.mp4",
            "-hls_segment_filename",
            FfmpegPaths.fileUrl(directory.resolve(stem + "-%05d.m4s"))));
    if (!single) {
      args.addAll(List.of("-var_stream_map", String.join(" ", streams)));
    }
    args.add(FfmpegPaths.fileUrl(directory.resolve(stem + ".m3u8")));
    return args;
  }

  private static void addOutput(
      FFmpegBuilder builder, SourceProbe source, LaneOutput output, long maxOutputBytes) {
    OutputSpec spec = output.spec();
    if (spec.channels() < 1 || spec.channels() > source.channels()) {
      throw invalid(
          spec,
          spec.channels()
              + " channels from a "
              + source.channels()
              + "-channel source: we never upmix");
    }
    FFmpegOutputBuilder out =
        builder
            .addOutput(FfmpegPaths.fileUrl(output.file()))
            .addMap(0, StreamSpecifier.stream(StreamSpecifierType.Audio, 0))
            .disableVideo()
            .disableSubtitle();
    String sampleFormat = encoderSettings(out, spec);
    if (spec.sampleRateHz() != source.sampleRateHz()) {
      out.setAudioSampleRate(spec.sampleRateHz());
    }
    if (spec.channels() < source.channels()) {
      out.setAudioChannels(spec.channels());
    }
    // A lossy output of a lossy source is encoded from sample 0: an Opus (or Vorbis) source starts
    // at a negative time (its pre-skip), and ffmpeg's MP4 muxer then wrote an AAC whose edit list
    // kept 336 samples more than the source decodes to (73040 frames from a 72000-frame WebM/Opus,
    // issue 15). PCM sources start at 0, and lossless outputs take their samples untouched.
    Optional<String> countFromZero =
        spec.format().lossless() || source.lossless()
            ? Optional.empty()
            : Optional.of(FullDecode.COUNT_SAMPLES);
    String filters =
        Stream.of(
                ChannelLayouts.naming(source, spec.format()),
                SampleConversion.filter(source, spec, sampleFormat),
                countFromZero)
            .flatMap(Optional::stream)
            .collect(Collectors.joining(","));
    if (!filters.isEmpty()) {
      out.setAudioFilter(filters);
    }
    out.addExtraArgs(
        "-map_metadata", "-1", "-map_chapters", "-1", "-fs", Long.toString(maxOutputBytes));
    out.done();
  }

  /**
   * Sets the format's muxer, codec and codec options.
   *
   * @return the sample format the encoder is fed (lossless) or null (lossy: the encoder picks)
   */
  private static String encoderSettings(FFmpegOutputBuilder out, OutputSpec spec) {
    return switch (spec.format()) {
      case PREVIEW_MP3_128, MP3_320 -> {
        // A bit rate without -q:a or -abr is LAME's CBR; the Xing/LAME "Info" frame carries the
        // encoder delay and padding that decoders use to trim the edges.
        // LAME is fed float, as the AAC encoder is: with integer input ffmpeg scales a downmix
        // down to rule out overs (-7.7 dB for 5.1), with float it does not, and the MP3 of a 5.1
        // source measured 7.7 LU quieter than its AAC. One downmix for every lossy output, the
        // one the preview's PCM and verification's reference (DownmixLoudness) are decoded to.
        out.setFormat("mp3")
            .setAudioCodec("libmp3lame")
            .setAudioBitRate(lossyBitRate(spec))
            .setAudioSampleFormat(LOSSY_SAMPLE_FORMAT);
        out.addExtraArgs("-id3v2_version", "4", "-write_xing", "1");
        yield null;
      }
      case AAC_256 -> {
        out.setFormat("ipod")
            .setAudioCodec("aac")
            .setAudioBitRate(lossyBitRate(spec))
            .setAudioSampleFormat(LOSSY_SAMPLE_FORMAT);
        out.addExtraArgs("-profile:a", "aac_low", "-movflags", "+faststart");
        yield null;
      }
      case FLAC, FLAC_96K -> {
        if (spec.format() == OutputFormat.FLAC_96K) {
          requireBitDepth(spec, 24);
        }
        String format = bitDepth(spec) == 16 ? "s16" : "s32";
        out.setFormat("flac").setAudioCodec("flac").setAudioSampleFormat(format);
        out.addExtraArgs("-compression_level", "8");
        if (bitDepth(spec) == 24) {
          out.addExtraArgs("-bits_per_raw_sample", "24");
        }
        yield format;
      }
      case ALAC -> {
        // ALAC takes planar samples; from s32p it writes 24-bit.
        String format = bitDepth(spec) == 16 ? "s16p" : "s32p";
        out.setFormat("ipod").setAudioCodec("alac").setAudioSampleFormat(format);
        out.addExtraArgs("-movflags", "+faststart");
        yield format;
      }
      case WAV_24 -> {
        requireBitDepth(spec, 24);
        out.setFormat("wav").setAudioCodec("pcm_s24le").setAudioSampleFormat("s32");
        // Beyond 4 GiB a plain RIFF header overflows; RF64 is written only then.
        out.addExtraArgs("-rf64", "auto");
        yield "s32";
      }
    };
  }

  private static int bitDepth(OutputSpec spec) {
    if (spec.bitDepth() != 16 && spec.bitDepth() != 24) {
      throw invalid(spec, "bit depth " + spec.bitDepth() + ": lossless outputs are 16 or 24-bit");
    }
    return spec.bitDepth();
  }

  private static void requireBitDepth(OutputSpec spec, int bits) {
    if (spec.bitDepth() != bits) {
      throw invalid(spec, "bit depth " + spec.bitDepth() + ": this format is " + bits + "-bit");
    }
  }

  private static long lossyBitRate(OutputSpec spec) {
    if (spec.bitRateKbps() <= 0) {
      throw invalid(spec, "bit rate " + spec.bitRateKbps() + " kbps");
    }
    return spec.bitRateKbps() * 1000L;
  }

  private static ApplicationFailure invalid(OutputSpec spec, String what) {
    return ApplicationFailure.newNonRetryableFailure(
        "Cannot encode "
            + spec.format()
            + " ("
            + spec.key()
            + ") with "
            + what
            + "; the output plan is wrong.",
        TrackFailures.INVALID_REQUEST);
  }
}
