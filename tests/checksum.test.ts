import { describe, expect, it } from 'vitest';
import { canonicalJson, hashText, stateChecksum } from '../src/engine/session/checksum.ts';

describe('checksums', () => {
  it('do not depend on the order in which an object was built', () => {
    // An event read back from a session file has its keys in the schema's order, not the screen's.
    const fromScreen = { side: 'us', posture: null, tone: 'firm', kind: 'counter', counter: { b: 'x', a: 'y' } };
    const fromFile = { side: 'us', kind: 'counter', counter: { a: 'y', b: 'x' }, posture: null, tone: 'firm' };
    expect(canonicalJson(fromScreen)).toBe(canonicalJson(fromFile));
    expect(stateChecksum('response', fromScreen as never)).toBe(stateChecksum('response', fromFile as never));
  });

  it('still tell different states apart, arrays in order', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(stateChecksum('briefing', null)).not.toBe(stateChecksum('proposal', null));
    expect(hashText('a')).toMatch(/^[0-9a-f]{14}$/);
    expect(hashText('a')).not.toBe(hashText('b'));
  });
});
