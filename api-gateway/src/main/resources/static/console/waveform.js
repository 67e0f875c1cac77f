// Reads BBC audiowaveform's binary .dat (version 1 or 2, 8- or 16-bit; the layout of audiowaveform's
// doc/DataFormat.md) and draws it: the same file peaks.js and waveform-data.js read.
"use strict";
const Waveform = (() => {
  function parse(buffer) {
    const view = new DataView(buffer);
    const version = view.getInt32(0, true);
    if (version !== 1 && version !== 2) throw new Error("not an audiowaveform .dat file (version " + version + ")");
    const flags = view.getUint32(4, true);
    const sampleRate = view.getInt32(8, true);
    const samplesPerPixel = view.getInt32(12, true);
    const length = view.getUint32(16, true);
    const channels = version === 2 ? view.getInt32(20, true) : 1;
    const eightBit = (flags & 1) === 1;
    let offset = version === 2 ? 24 : 20;
    const min = new Float32Array(length), max = new Float32Array(length);
    const scale = eightBit ? 128 : 32768;
    for (let i = 0; i < length; i++) {
      // the first channel; a split-channel file draws its first channel
      for (let c = 0; c < channels; c++) {
        const lo = eightBit ? view.getInt8(offset) : view.getInt16(offset, true);
        const hi = eightBit ? view.getInt8(offset + 1) : view.getInt16(offset + 2, true);
        offset += eightBit ? 2 : 4;
        if (c === 0) { min[i] = lo / scale; max[i] = hi / scale; }
      }
    }
    return { version, bits: eightBit ? 8 : 16, sampleRate, samplesPerPixel, length, channels, min, max,
      durationSeconds: length * samplesPerPixel / sampleRate };
  }

  function draw(canvas, data, playedFraction) {
    const ctx = canvas.getContext("2d");
    const w = canvas.width, h = canvas.height, mid = h / 2;
    ctx.clearRect(0, 0, w, h);
    const perColumn = data.length / w;
    const played = Math.floor((playedFraction || 0) * w);
    for (let x = 0; x < w; x++) {
      const from = Math.floor(x * perColumn), to = Math.max(from + 1, Math.floor((x + 1) * perColumn));
      let lo = 0, hi = 0;
      for (let i = from; i < to && i < data.length; i++) { lo = Math.min(lo, data.min[i]); hi = Math.max(hi, data.max[i]); }
      ctx.fillStyle = x < played ? "#2d6cdf" : "#9bb4dc";
      ctx.fillRect(x, mid - hi * mid, 1, Math.max(1, (hi - lo) * mid));
    }
  }

  return { parse, draw };
})();
