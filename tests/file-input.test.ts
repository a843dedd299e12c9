/** Reading a chosen file's text in the browser: UTF-8 or a problem that says where it is not. */
import { describe, expect, it, vi } from 'vitest';
import { readTextFile } from '../src/game/ui/file-input.ts';

describe('readTextFile', () => {
  it('UTF-8 is read (a byte-order mark dropped); invalid bytes and UTF-16 are problems, not U+FFFD', async () => {
    expect(await readTextFile(new File(['\uFEFF{"name": "Genève"}'], 'a.json'))).toEqual({ ok: true, value: '{"name": "Genève"}' });
    expect(await readTextFile(new File([new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d])], 'latin1.json'))).toEqual({
      ok: false,
      problems: [
        { path: [], message: 'the file is not UTF-8 text: byte 2 (0xE9) cannot start or continue a character; save the file as UTF-8' },
      ],
    });
    expect(await readTextFile(new File([new Uint8Array([0xfe, 0xff, 0x00, 0x7b])], 'utf16.json'))).toEqual({
      ok: false,
      problems: [{ path: [], message: 'the file is UTF-16 text; save it as UTF-8' }],
    });
  });

  it('a file that cannot be read is a problem, not an exception', async () => {
    const file = new File(['{}'], 'gone.json');
    vi.spyOn(file, 'arrayBuffer').mockRejectedValue(new Error('NotReadableError'));
    expect(await readTextFile(file)).toEqual({ ok: false, problems: [{ path: [], message: 'the file could not be read' }] });
  });
});
