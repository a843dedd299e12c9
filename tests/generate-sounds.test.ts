// Checks the committed sounds in assets/sounds: that browsers can decode them, that they are as
// long and as loud as designed, that they start and end without clicks, and that they are exactly
// what scripts/generate-sounds.ts makes today (so a change to the script without a re-run fails).
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSound, SOUNDS } from '../scripts/generate-sounds.ts';

const soundsDir = new URL('../assets/sounds/', import.meta.url);
const read = (name: string) => readFileSync(new URL(`${name}.wav`, soundsDir));

// The brief's durations, written out here rather than read from the script, so the test can disagree with it.
const expected = [
  { name: 'click', seconds: 0.04 },
  { name: 'card', seconds: 0.25 },
  { name: 'stamp', seconds: 0.35 },
  { name: 'alarm', seconds: 1.2 },
  { name: 'ambient', seconds: 8, loop: true },
];

interface Wav {
  format: number;
  channels: number;
  rate: number;
  byteRate: number;
  blockAlign: number;
  bits: number;
  samples: Int16Array;
}

/** A strict reader: walks the RIFF chunks rather than assuming the 44-byte layout. */
function parseWav(file: Buffer): Wav {
  expect(file.toString('ascii', 0, 4)).toBe('RIFF');
  expect(file.readUInt32LE(4)).toBe(file.length - 8);
  expect(file.toString('ascii', 8, 12)).toBe('WAVE');
  let fmt: Omit<Wav, 'samples'> | undefined;
  let samples: Int16Array | undefined;
  for (let at = 12; at + 8 <= file.length;) {
    const id = file.toString('ascii', at, at + 4);
    const size = file.readUInt32LE(at + 4);
    const body = at + 8;
    expect(body + size).toBeLessThanOrEqual(file.length);
    if (id === 'fmt ') {
      fmt = {
        format: file.readUInt16LE(body),
        channels: file.readUInt16LE(body + 2),
        rate: file.readUInt32LE(body + 4),
        byteRate: file.readUInt32LE(body + 8),
        blockAlign: file.readUInt16LE(body + 12),
        bits: file.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      samples = new Int16Array(Uint8Array.from(file.subarray(body, body + size)).buffer);
    }
    at = body + size + (size % 2);
  }
  if (!fmt || !samples) throw new Error('expected a fmt and a data chunk');
  return { ...fmt, samples };
}

const dbfs = (sample: number) => 20 * Math.log10(Math.abs(sample) / 32768);
const peakOf = (samples: Int16Array) => samples.reduce((max, s) => Math.max(max, Math.abs(s)), 0);

describe('generated sounds', () => {
  for (const sound of expected) {
    describe(`${sound.name}.wav`, () => {
      // Parsed inside each test, so a missing or malformed file fails the tests rather than the file's collection.
      let parsed: Wav | undefined;
      const load = () => (parsed ??= parseWav(read(sound.name)));

      it('is uncompressed 16-bit mono PCM', () => {
        const wav = load();
        expect({ format: wav.format, channels: wav.channels, bits: wav.bits, blockAlign: wav.blockAlign }).toEqual({
          format: 1,
          channels: 1,
          bits: 16,
          blockAlign: 2,
        });
        expect(wav.byteRate).toBe(wav.rate * 2);
        expect([8000, 11025, 16000, 22050, 32000, 44100, 48000]).toContain(wav.rate);
      });

      it(`lasts about ${sound.seconds} s`, () => {
        const wav = load();
        const seconds = wav.samples.length / wav.rate;
        expect(seconds).toBeGreaterThanOrEqual(sound.seconds * 0.9);
        expect(seconds).toBeLessThanOrEqual(sound.seconds * 1.1);
      });

      it('peaks between -6 and -1 dBFS: loud enough, never clipping', () => {
        const peak = dbfs(peakOf(load().samples));
        expect(peak).toBeGreaterThanOrEqual(-6);
        expect(peak).toBeLessThanOrEqual(-1);
      });

      if (sound.loop) {
        it('joins its end to its start without a jump (a seamless loop)', () => {
          const s = load().samples;
          let largestStep = 0;
          for (let i = 1; i < s.length; i++) largestStep = Math.max(largestStep, Math.abs(s[i]! - s[i - 1]!));
          const join = Math.abs(s[0]! - s[s.length - 1]!);
          expect(join).toBeLessThanOrEqual(largestStep);
          expect(join).toBeLessThan(0.02 * 32768);
        });

        it('is at 22,050 Hz or lower, to stay small', () => {
          expect(load().rate).toBeLessThanOrEqual(22050);
        });
      } else {
        it('starts and ends in silence (faded edges, no click)', () => {
          const s = load().samples;
          expect(Math.abs(s[0]!)).toBeLessThan(0.01 * 32768);
          expect(Math.abs(s[s.length - 1]!)).toBeLessThan(0.01 * 32768);
        });
      }
    });
  }

  it('is exactly what the generator makes now (deterministic and up to date)', () => {
    expect(SOUNDS.map((spec) => spec.name).sort()).toEqual(expected.map((sound) => sound.name).sort());
    for (const spec of SOUNDS) expect(renderSound(spec).equals(read(spec.name)), `${spec.name}.wav is stale`).toBe(true);
  });

  it('weighs under 600 KB in all', () => {
    const total = expected.reduce((sum, sound) => sum + statSync(new URL(`${sound.name}.wav`, soundsDir)).size, 0);
    expect(total).toBeLessThan(600 * 1024);
  });
});
