#!/usr/bin/env python3
"""Renders labelled tempo excerpts from real songs' MIDI files (the development data of issue 18).

Source: POP909 (909 Chinese pop songs transcribed as MIDI by musicians, each aligned to its
recording; its tempo map follows the recording). Ground truth: the MIDI tempo map, quarter-note
beats; an excerpt is taken only where one tempo holds over the whole excerpt and 2 s either side,
so its label is that local tempo (times the atempo factor of the augmentation).

Each excerpt: the song's three tracks (melody, bridge, piano) with General MIDI programs drawn at
random, one of the Debian GM soundfonts, then an ffmpeg chain drawn at random (EQ, reverb,
compression, noise, a small tempo change, an MP3 or AAC round trip), mono 22.05 kHz WAV.

Split by SONG, never by excerpt: songs whose number is divisible by 5 are the held-out test split
(nothing is tuned on it), the others train.

Usage: make_material.py MIDI_DIR OUT_DIR [--excerpts-per-song 1] [--seed 18] [--workers 2] [--reverse]
                        [--train-only]
Writes OUT_DIR/audio/*.wav and OUT_DIR/labels.csv (id,song,split,bpm,soundfont,chain).
"""
import argparse
import csv
import glob
import os
import random
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor

import mido

EXCERPT_SECONDS = 12.0
MARGIN_SECONDS = 2.0
SAMPLE_RATE_HZ = 22050
SEED = 18
BATCH = 60

SOUNDFONTS = [
    p
    for p in [
        "/usr/share/sounds/sf2/FluidR3_GM.sf2",
        "/usr/share/sounds/sf2/TimGM6mb.sf2",
        "/usr/share/sounds/sf3/MuseScore_General_Full.sf3",
    ]
    if os.path.exists(p)
]

# GM programs (0-based) per POP909 track: melody, bridge (counter-melody), piano (accompaniment).
MELODY_PROGRAMS = [0, 4, 11, 24, 40, 52, 56, 65, 71, 73, 80, 81]
BRIDGE_PROGRAMS = [0, 4, 11, 24, 25, 46, 48, 49, 61, 89]
PIANO_PROGRAMS = [0, 1, 2, 4, 5, 6, 16, 24, 25, 26, 27, 46, 48]


def tempo_segments(midi):
    """[(start_s, end_s, bpm)] of the tempo map, in seconds."""
    events = []  # (tick, tempo)
    for track in midi.tracks:
        tick = 0
        for msg in track:
            tick += msg.time
            if msg.type == "set_tempo":
                events.append((tick, msg.tempo))
    events.sort()
    if not events or events[0][0] > 0:
        events.insert(0, (0, 500000))
    last_tick = max(sum(msg.time for msg in track) for track in midi.tracks)
    segments = []
    seconds = 0.0
    for i, (tick, tempo) in enumerate(events):
        end_tick = events[i + 1][0] if i + 1 < len(events) else None
        if end_tick is None:
            length = mido.tick2second(max(0, last_tick - tick), midi.ticks_per_beat, tempo)
            segments.append((seconds, seconds + length, mido.tempo2bpm(tempo)))
        else:
            length = mido.tick2second(end_tick - tick, midi.ticks_per_beat, tempo)
            segments.append((seconds, seconds + length, mido.tempo2bpm(tempo)))
            seconds += length
    # Merge neighbours within 0.5% (transcribers' tiny tempo jitters are one tempo).
    merged = []
    for s in segments:
        if merged and abs(s[2] / merged[-1][2] - 1) < 0.005 and s[1] > s[0]:
            merged[-1] = (merged[-1][0], s[1], merged[-1][2])
        elif s[1] > s[0]:
            merged.append(s)
    return merged


def note_times(midi):
    """[(start_s, end_s, track_index, note, velocity)] in seconds."""
    notes = []
    # mido merges tracks when iterating the file; keep the track index by iterating per track with
    # the shared tempo map.
    tempo_map = []
    for track in midi.tracks:
        tick = 0
        for msg in track:
            tick += msg.time
            if msg.type == "set_tempo":
                tempo_map.append((tick, msg.tempo))
    tempo_map.sort()
    if not tempo_map or tempo_map[0][0] > 0:
        tempo_map.insert(0, (0, 500000))

    def seconds_at(tick):
        total = 0.0
        for i, (t, tempo) in enumerate(tempo_map):
            nxt = tempo_map[i + 1][0] if i + 1 < len(tempo_map) else None
            if nxt is None or tick < nxt:
                return total + mido.tick2second(tick - t, midi.ticks_per_beat, tempo)
            total += mido.tick2second(nxt - t, midi.ticks_per_beat, tempo)
        return total

    for index, track in enumerate(midi.tracks):
        tick = 0
        open_notes = {}
        for msg in track:
            tick += msg.time
            if msg.type == "note_on" and msg.velocity > 0:
                open_notes[msg.note] = (tick, msg.velocity)
            elif msg.type in ("note_off", "note_on") and msg.note in open_notes:
                start, velocity = open_notes.pop(msg.note)
                notes.append((seconds_at(start), seconds_at(tick), index, msg.note, velocity))
    return notes


SLOT_SECONDS = EXCERPT_SECONDS + 3.0
"""Excerpts are rendered one after another in one fluidsynth run per soundfont (loading the
MuseScore soundfont takes ~20 s); each owns a slot this long (the excerpt, then its release)."""


def batch_midi(excerpts, path):
    """One MIDI file of the excerpts in consecutive slots; excerpt k = (notes, start_s, programs).

    Timing is written in seconds at a nominal 120 BPM: the tempo meta event changes nothing that
    sounds, the excerpt's label comes from the source's tempo map."""
    ticks_per_beat = 480
    tempo = mido.bpm2tempo(120)
    to_tick = lambda t: int(round(mido.second2tick(t, ticks_per_beat, tempo)))
    out = mido.MidiFile(ticks_per_beat=ticks_per_beat)
    out.tracks.append(mido.MidiTrack([mido.MetaMessage("set_tempo", tempo=tempo, time=0)]))
    per_channel = {}
    for slot, (notes, start_s, programs) in enumerate(excerpts):
        offset = slot * SLOT_SECONDS
        tracks = sorted({n[2] for n in notes})
        for order, track_index in enumerate(tracks[:3]):
            channel = order
            events = per_channel.setdefault(channel, [])
            events.append((to_tick(offset), 0, "program", programs[order], 0))
            for s, e, ti, note, velocity in notes:
                if ti != track_index or s < start_s or s >= start_s + EXCERPT_SECONDS:
                    continue
                e = min(e, start_s + EXCERPT_SECONDS + 0.5)
                on = to_tick(offset + s - start_s)
                events.append((on + 1, 2, "on", note, velocity))
                events.append((max(to_tick(offset + e - start_s), on + 2), 1, "off", note, 0))
    for channel, events in sorted(per_channel.items()):
        events.sort()
        track = mido.MidiTrack()
        last = 0
        for tick, _, kind, a, b in events:
            if kind == "program":
                msg = mido.Message("program_change", channel=channel, program=a, time=tick - last)
            elif kind == "on":
                msg = mido.Message("note_on", channel=channel, note=a, velocity=b, time=tick - last)
            else:
                msg = mido.Message("note_off", channel=channel, note=a, velocity=0, time=tick - last)
            track.append(msg)
            last = tick
        out.tracks.append(track)
    out.save(path)


def augmentation(rng):
    """An ffmpeg filter chain, its tempo factor, the lossy codec (or None) and a short label."""
    filters = []
    labels = []
    if rng.random() < 0.6:
        f = rng.choice([100, 250, 1000, 3000, 6000])
        g = rng.uniform(-9, 9)
        filters.append(f"equalizer=f={f}:t=q:w=1:g={g:.1f}")
        labels.append(f"eq{f}")
    if rng.random() < 0.5:
        delay = rng.randint(30, 90)
        decay = rng.uniform(0.2, 0.5)
        filters.append(f"aecho=0.8:0.8:{delay}|{delay * 2}:{decay:.2f}|{decay / 2:.2f}")
        labels.append("echo")
    if rng.random() < 0.5:
        filters.append("acompressor=threshold=0.1:ratio=4:attack=5:release=50")
        labels.append("comp")
    factor = 1.0
    if rng.random() < 0.5:
        factor = round(rng.uniform(0.94, 1.06), 3)
        filters.append(f"atempo={factor}")
        labels.append(f"tempo{factor}")
    noise = None
    if rng.random() < 0.4:
        noise = rng.uniform(0.003, 0.02)
        labels.append("noise")
    codec = rng.choice([None, None, "mp3", "aac"])
    if codec:
        labels.append(codec)
    return filters, factor, noise, codec, "+".join(labels) or "clean"


def render_batch(batch):
    """Renders one soundfont's batch of jobs; returns their label rows."""
    soundfont, jobs = batch
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        excerpts = []
        for song, midi_path, start_s, bpm, split, index, out_dir, seed in jobs:
            rng = random.Random(seed)
            programs = [rng.choice(MELODY_PROGRAMS), rng.choice(BRIDGE_PROGRAMS), rng.choice(PIANO_PROGRAMS)]
            excerpts.append((note_times(mido.MidiFile(midi_path)), start_s, programs))
        mid = os.path.join(tmp, "batch.mid")
        batch_midi(excerpts, mid)
        raw = os.path.join(tmp, "raw.wav")
        subprocess.run(
            ["fluidsynth", "-ni", "-q", "-R", "0", "-C", "0", "-g", "0.7", "-r", str(SAMPLE_RATE_HZ), "-F", raw, soundfont, mid],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for slot, (song, midi_path, start_s, bpm, split, index, out_dir, seed) in enumerate(jobs):
            rng = random.Random(seed + 1)
            filters, factor, noise, codec, label = augmentation(rng)
            excerpt_id = f"{song}-{index}"
            wav = os.path.join(out_dir, "audio", excerpt_id + ".wav")
            chain = ",".join(filters + ["aformat=channel_layouts=mono"])
            ff = ["ffmpeg", "-v", "error", "-y", "-protocol_whitelist", "file,pipe",
                  "-ss", f"{slot * SLOT_SECONDS:.3f}", "-t", f"{EXCERPT_SECONDS:.3f}", "-i", raw]
            if noise:
                ff += ["-f", "lavfi", "-i", f"anoisesrc=c=pink:a={noise:.4f}:r={SAMPLE_RATE_HZ}:seed={seed % 100000}"]
                ff += ["-filter_complex",
                       f"[0:a]{chain}[m];[1:a]aformat=channel_layouts=mono[n];[m][n]amix=inputs=2:duration=first:normalize=0"]
            else:
                ff += ["-af", chain]
            stage = os.path.join(tmp, "stage." + {"mp3": "mp3", "aac": "m4a", None: "wav"}[codec])
            ff += ["-ar", str(SAMPLE_RATE_HZ), "-ac", "1"]
            if codec == "mp3":
                ff += ["-c:a", "libmp3lame", "-b:a", rng.choice(["96k", "128k", "192k"])]
            elif codec == "aac":
                ff += ["-c:a", "aac", "-b:a", rng.choice(["96k", "128k"])]
            if codec is None:
                subprocess.run(ff + ["-c:a", "pcm_s16le", wav], check=True)
            else:
                subprocess.run(ff + [stage], check=True)
                subprocess.run(
                    ["ffmpeg", "-v", "error", "-y", "-i", stage, "-ar", str(SAMPLE_RATE_HZ), "-ac", "1",
                     "-c:a", "pcm_s16le", wav],
                    check=True,
                )
            rows.append([excerpt_id, song, split, f"{bpm * factor:.3f}", os.path.basename(soundfont), label])
    return rows


def plan(midi_dir, out_dir, per_song, seed=SEED):
    rng = random.Random(seed)
    jobs = []
    for path in sorted(glob.glob(os.path.join(midi_dir, "*.mid"))):
        song = os.path.splitext(os.path.basename(path))[0]
        split = "test" if int(song) % 5 == 0 else "train"
        midi = mido.MidiFile(path)
        windows = []
        for start, end, bpm in tempo_segments(midi):
            s = start + MARGIN_SECONDS
            while s + EXCERPT_SECONDS + MARGIN_SECONDS <= end:
                windows.append((s, bpm))
                s += EXCERPT_SECONDS
        # Skip the first 10 s (intros are often rubato or sparse).
        windows = [w for w in windows if w[0] >= 10]
        rng.shuffle(windows)
        for index, (start, bpm) in enumerate(windows[:per_song]):
            jobs.append((song, path, start, bpm, split, index, out_dir, rng.randrange(1 << 30)))
    return jobs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("midi_dir")
    parser.add_argument("out_dir")
    parser.add_argument("--excerpts-per-song", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=SEED, help="another seed draws other excerpts and renderings")
    parser.add_argument(
        "--train-only", action="store_true", help="only the train split's songs (more training material)"
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N excerpts (a smoke run)")
    parser.add_argument(
        "--reverse",
        action="store_true",
        help="render the batches last first into labels-reverse.csv (a second process that meets the first)",
    )
    args = parser.parse_args()
    os.makedirs(os.path.join(args.out_dir, "audio"), exist_ok=True)
    jobs = plan(args.midi_dir, args.out_dir, args.excerpts_per_song, args.seed)
    if args.train_only:
        jobs = [job for job in jobs if job[4] == "train"]
    if args.limit:
        jobs = jobs[: args.limit]
    # Each job draws its soundfont from its own seed; jobs of one soundfont render in batches.
    by_font = {}
    for job in jobs:
        by_font.setdefault(random.Random(job[-1]).choice(SOUNDFONTS), []).append(job)
    batches = [(font, js[i : i + BATCH]) for font, js in sorted(by_font.items()) for i in range(0, len(js), BATCH)]
    if args.reverse:
        batches.reverse()
    rows = 0
    labels = "labels-reverse.csv" if args.reverse else "labels.csv"
    with open(os.path.join(args.out_dir, labels), "w", newline="") as f, ProcessPoolExecutor(
        args.workers
    ) as pool:
        w = csv.writer(f)
        w.writerow(["id", "song", "split", "bpm", "soundfont", "chain"])
        for i, batch_rows in enumerate(pool.map(render_batch, batches)):
            w.writerows(batch_rows)
            f.flush()
            rows += len(batch_rows)
            print(f"batch {i + 1}/{len(batches)}: {rows} excerpts", file=sys.stderr, flush=True)
    print(f"{rows} excerpts in {args.out_dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
