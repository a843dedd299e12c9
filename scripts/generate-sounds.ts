// Synthesises every sound of the game from code and writes 16-bit PCM mono WAV files:
//   npx tsx scripts/generate-sounds.ts [output folder, default assets/sounds]
// Nothing is sampled or downloaded. Noise comes from the game's seeded generator, one seed per
// sound, so a re-run writes byte-identical files and retuning one sound leaves the others alone.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Dice, seedState } from '../src/engine/random.ts';

type Samples = Float64Array;

const TAU = 2 * Math.PI;
/** Peak after normalising: near full scale, with headroom for the browser's resampling. */
const PEAK_DBFS = -3;

/** RIFF/WAVE with one PCM `fmt ` chunk and one `data` chunk: the plainest layout every browser decodes. */
export function encodeWav(samples: Samples, rate: number): Buffer {
  const dataBytes = samples.length * 2;
  const wav = Buffer.alloc(44 + dataBytes);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + dataBytes, 4);
  wav.write('WAVEfmt ', 8, 'ascii');
  wav.writeUInt32LE(16, 16); // fmt chunk size
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28); // bytes per second
  wav.writeUInt16LE(2, 32); // bytes per frame
  wav.writeUInt16LE(16, 34); // bits per sample
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(dataBytes, 40);
  samples.forEach((s, i) => wav.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(s * 32767))), 44 + i * 2));
  return wav;
}

// ---- building blocks ----

/** White noise in [-1, 1). */
function noise(dice: Dice, length: number): Samples {
  return Float64Array.from({ length }, () => dice.roll() * 2 - 1);
}

/** One-pole low-pass (6 dB/octave: soft, never rings). The cutoff may vary per sample, for sweeps. */
function lowPass(input: Samples, rate: number, cutoff: number | ((i: number) => number)): Samples {
  const out = new Float64Array(input.length);
  let y = 0;
  for (let i = 0; i < input.length; i++) {
    const hz = typeof cutoff === 'number' ? cutoff : cutoff(i);
    y += (1 - Math.exp((-TAU * hz) / rate)) * (input[i]! - y);
    out[i] = y;
  }
  return out;
}

function highPass(input: Samples, rate: number, cutoff: number): Samples {
  const low = lowPass(input, rate, cutoff);
  return input.map((x, i) => x - low[i]!);
}

/** Band-pass as two cascaded pairs of one-pole filters (12 dB/octave on each side). */
function bandPass(input: Samples, rate: number, low: number, high: number): Samples {
  return highPass(highPass(lowPass(lowPass(input, rate, high), rate, high), rate, low), rate, low);
}

/** A struck, pitch-falling sine: the body of a thump or thud (a drum's pitch drops as it settles). */
function thump(rate: number, length: number, at: number, o: { from: number; to: number; glide: number; attack: number; decay: number }) {
  const out = new Float64Array(length);
  let phase = 0;
  for (let i = Math.round(at * rate); i < length; i++) {
    const t = i / rate - at;
    phase += (TAU * (o.to + (o.from - o.to) * Math.exp(-t / o.glide))) / rate;
    out[i] = Math.sin(phase) * Math.min(1, t / o.attack) * Math.exp(-t / o.decay);
  }
  return out;
}

function mix(...parts: [number, Samples][]): Samples {
  const out = new Float64Array(parts[0]![1].length);
  for (const [gain, part] of parts) part.forEach((x, i) => (out[i]! += gain * x));
  return out;
}

function peak(samples: Samples): number {
  return samples.reduce((max, x) => Math.max(max, Math.abs(x)), 0);
}

function normalise(samples: Samples, dbfs: number): Samples {
  const gain = 10 ** (dbfs / 20) / peak(samples);
  return samples.map((x) => x * gain);
}

/** Raised-cosine fades at both ends, so a sound neither starts nor stops with a click. */
function fadeEdges(samples: Samples, rate: number, fadeIn: number, fadeOut: number): Samples {
  const inN = Math.max(1, Math.round(fadeIn * rate));
  const outN = Math.max(1, Math.round(fadeOut * rate));
  const n = samples.length;
  return samples.map((x, i) => {
    const a = i < inN ? 0.5 - 0.5 * Math.cos((Math.PI * i) / inN) : 1;
    const b = i >= n - outN ? 0.5 - 0.5 * Math.cos((Math.PI * (n - 1 - i)) / outN) : 1;
    return x * a * b;
  });
}

// ---- the sounds ----

/** A soft UI tick: a short damped tone, rounded off by a breath of filtered noise. */
function click(rate: number, length: number, dice: Dice): Samples {
  const breath = lowPass(noise(dice, length), rate, 4000);
  return Float64Array.from({ length }, (_, i) => {
    const t = i / rate;
    const tone = Math.sin(TAU * 1200 * t) * Math.exp(-t / 0.007) + 0.25 * Math.sin(TAU * 2400 * t) * Math.exp(-t / 0.004);
    return tone + 0.5 * breath[i]! * Math.exp(-t / 0.0015);
  });
}

/** A card laid on felt: a swish that brightens as the card slides, then a soft, muffled thump. */
function card(rate: number, length: number, dice: Dice): Samples {
  const slide = 0.14;
  const swell = (i: number) => (i / rate < slide ? Math.sin((Math.PI * i) / rate / slide) ** 2 : 0);
  const sweep = (i: number) => 1200 + 2800 * swell(i); // felt damps the top: two poles, and lower when slow
  const swish = highPass(lowPass(lowPass(noise(dice, length), rate, sweep), rate, sweep), rate, 500).map((x, i) => x * swell(i));
  const landing = 0.12;
  const body = thump(rate, length, landing, { from: 150, to: 70, glide: 0.015, attack: 0.002, decay: 0.035 });
  const felt = lowPass(noise(dice, length), rate, 700).map((x, i) => {
    const t = i / rate - landing;
    return t < 0 ? 0 : x * Math.min(1, t / 0.002) * Math.exp(-t / 0.012);
  });
  return mix([0.5, swish], [1, body], [0.8, felt]);
}

/** A rubber stamp on paper: a papery crack and crinkle over a low, dull thud. */
function stamp(rate: number, length: number, dice: Dice): Samples {
  const env = (tau: number) => (x: number, i: number) => x * Math.exp(-i / rate / tau);
  const crack = bandPass(noise(dice, length), rate, 1500, 7000).map(env(0.005));
  const crinkle = bandPass(noise(dice, length), rate, 2000, 5000).map(env(0.03));
  const thud = thump(rate, length, 0.004, { from: 120, to: 55, glide: 0.02, attack: 0.003, decay: 0.07 });
  const overtone = thump(rate, length, 0.004, { from: 240, to: 110, glide: 0.02, attack: 0.003, decay: 0.04 });
  const pad = lowPass(noise(dice, length), rate, 400).map(env(0.025));
  return mix([0.7, crack], [0.25, crinkle], [1, thud], [0.3, overtone], [1.5, pad]);
}

/** A restrained two-tone warning: low, rounded notes (weak harmonics) falling a major third, twice. */
function alarm(rate: number, length: number): Samples {
  const notes = [
    { hz: 440, gain: 1 },
    { hz: 349.23, gain: 1 },
    { hz: 440, gain: 0.85 },
    { hz: 349.23, gain: 0.85 },
  ];
  const noteLength = length / rate / notes.length;
  return Float64Array.from({ length }, (_, i) => {
    const note = notes[Math.min(notes.length - 1, Math.floor(i / rate / noteLength))]!;
    const t = i / rate - Math.floor(i / rate / noteLength) * noteLength;
    const rise = Math.min(1, t / 0.025);
    const fall = Math.min(1, Math.max(0, (noteLength - t) / 0.06));
    const timbre = [1, 0.3, 0.12, 0.05].reduce((sum, amp, h) => sum + amp * Math.sin(TAU * note.hz * (h + 1) * t), 0);
    const body = 0.2 * Math.sin(TAU * (note.hz / 2) * t);
    return note.gain * (timbre + body) * Math.sin((Math.PI / 2) * rise) ** 2 * Math.sin((Math.PI / 2) * fall) ** 2 * Math.exp(-t / 0.6);
  });
}

/**
 * A dark tension bed that loops seamlessly. Every drone partial and every slow swell completes a
 * whole number of cycles in the loop (frequencies are multiples of 1/loop seconds), so the drones
 * join themselves exactly; close pairs beat slowly (0.125 to 0.375 Hz). The noise cannot repeat,
 * so its tail is crossfaded into its head.
 */
function ambient(rate: number, length: number, dice: Dice): Samples {
  const loop = length / rate;
  const voices = [
    { hz: 55, amp: 1, swell: 1 },
    { hz: 55.25, amp: 0.8, swell: 2 },
    { hz: 82.5, amp: 0.45, swell: 1 },
    { hz: 82.625, amp: 0.35, swell: 3 },
    { hz: 110, amp: 0.3, swell: 2 },
    { hz: 110.375, amp: 0.25, swell: 1 },
    { hz: 116.5, amp: 0.15, swell: 1 }, // a semitone above the octave, drifting in and out
  ];
  const partials = voices.flatMap((v) =>
    [1, 2, 3, 4, 5].map((h) => ({ ...v, hz: v.hz * h, amp: v.amp / h ** 1.5, phase: TAU * dice.roll(), swellPhase: TAU * dice.roll() })),
  );
  const drones = Float64Array.from({ length }, (_, i) => {
    const t = i / rate;
    return partials.reduce(
      (sum, p) => sum + p.amp * Math.sin(TAU * p.hz * t + p.phase) * (0.7 + 0.3 * Math.sin((TAU * p.swell * t) / loop + p.swellPhase)),
      0,
    );
  });
  const preRoll = Math.round(0.5 * rate); // lets the filters settle before the part we keep
  const overlap = Math.round(1 * rate);
  const raw = lowPass(highPass(lowPass(noise(dice, preRoll + length + overlap), rate, 350), rate, 60), rate, 350).subarray(preRoll);
  const air = Float64Array.from({ length }, (_, i) => {
    if (i >= overlap) return raw[i]!;
    const a = (Math.PI / 2) * (i / overlap); // equal-power: the two noise stretches are uncorrelated
    return raw[i]! * Math.sin(a) + raw[length + i]! * Math.cos(a);
  }).map((x, i) => x * (0.6 + 0.4 * Math.sin((TAU * 2 * i) / length)));
  return mix([0.85, normalise(drones, 0)], [0.25, normalise(air, 0)]);
}

interface SoundSpec {
  name: string;
  rate: number;
  seconds: number;
  /** Loops join their ends instead of fading them. */
  loop?: boolean;
  fade?: { in: number; out: number };
  synth: (rate: number, length: number, dice: Dice) => Samples;
}

// The sustained sounds hold nothing above 2 kHz, so they use 22,050 Hz to stay small.
export const SOUNDS: readonly SoundSpec[] = [
  { name: 'click', rate: 44100, seconds: 0.04, fade: { in: 0.0005, out: 0.008 }, synth: click },
  { name: 'card', rate: 44100, seconds: 0.25, fade: { in: 0.002, out: 0.02 }, synth: card },
  { name: 'stamp', rate: 44100, seconds: 0.35, fade: { in: 0.0005, out: 0.04 }, synth: stamp },
  { name: 'alarm', rate: 22050, seconds: 1.2, fade: { in: 0.005, out: 0.03 }, synth: alarm },
  { name: 'ambient', rate: 22050, seconds: 8, loop: true, synth: ambient },
];

export function renderSound(spec: SoundSpec): Buffer {
  const length = Math.round(spec.rate * spec.seconds);
  let samples = spec.synth(spec.rate, length, new Dice(seedState(`red-lines/sound/${spec.name}`)));
  if (spec.fade) samples = fadeEdges(samples, spec.rate, spec.fade.in, spec.fade.out);
  return encodeWav(normalise(samples, PEAK_DBFS), spec.rate);
}

function main(outDir: string) {
  mkdirSync(outDir, { recursive: true });
  let total = 0;
  for (const spec of SOUNDS) {
    const wav = renderSound(spec);
    writeFileSync(resolve(outDir, `${spec.name}.wav`), wav);
    total += wav.length;
    const seconds = (wav.length - 44) / 2 / spec.rate;
    console.log(
      `${`${spec.name}.wav`.padEnd(12)} ${(wav.length / 1024).toFixed(1).padStart(6)} KB  ${seconds.toFixed(3)} s  ${spec.rate} Hz`,
    );
  }
  console.log(`${'total'.padEnd(12)} ${(total / 1024).toFixed(1).padStart(6)} KB`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(resolve(process.argv[2] ?? fileURLToPath(new URL('../assets/sounds/', import.meta.url))));
}
