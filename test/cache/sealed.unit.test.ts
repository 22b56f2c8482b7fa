/**
 * Writing a sealed file when the system writes less than it was given: `writeAll` writes the
 * rest from where each call stopped, and gives up (so the entry is not sealed) when a call
 * writes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeAll } from '../../src/corpus/sealed.js';

/** A writev that takes at most `limits[k]` bytes on its k-th call, and records what it took. */
function stingyWriter(limits: readonly number[]) {
  const out: number[] = [];
  let call = 0;
  const writev = (_fd: number, buffers: Uint8Array[]): number => {
    let budget = limits[call++ % limits.length]!;
    let taken = 0;
    for (const buffer of buffers) {
      const n = Math.min(budget, buffer.byteLength);
      out.push(...buffer.subarray(0, n));
      taken += n;
      budget -= n;
      if (budget === 0) break;
    }
    return taken;
  };
  return { writev, out, calls: () => call };
}

describe('sealed files: every byte written', () => {
  it('should write every piece, in order, however little each call takes', () => {
    const piece = fc.uint8Array({ maxLength: 40 });
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1, maxLength: 5 }), (pieces, limits) => {
        const writer = stingyWriter(limits);
        writeAll(7, pieces, writer.writev);
        expect(Uint8Array.from(writer.out)).toEqual(Uint8Array.from(pieces.flatMap((p) => [...p])));
      }),
    );
  });

  it('should resume inside a piece and across pieces', () => {
    const writer = stingyWriter([3, 1, 5]);
    writeAll(7, [Uint8Array.of(1, 2), Uint8Array.of(3, 4, 5, 6), new Uint8Array(0), Uint8Array.of(7, 8, 9)], writer.writev);
    expect(writer.out).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(writer.calls()).toBe(3);
  });

  it('should make no call for nothing to write', () => {
    const writer = stingyWriter([4]);
    writeAll(7, [new Uint8Array(0)], writer.writev);
    expect(writer.calls()).toBe(0);
  });

  it('should give up when a call writes nothing, rather than loop', () => {
    expect(() => writeAll(7, [Uint8Array.of(1)], () => 0)).toThrow('nothing written');
  });
});
