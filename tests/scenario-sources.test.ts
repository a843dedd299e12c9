/**
 * Scenarios from outside the game: scenario links must stay on the game's own site, picked or
 * dropped files are size- and name-checked before they are read, and fetched links are refused
 * on HTTP errors and oversized bodies. Every failure is a problem to show, never an exception.
 * And the sources the bundled scenarios cite: each with the address of a page, none from the
 * sites the project's source review dropped, state media named as such, and quotes dated so that
 * the AI can use them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dayNumber, quoteAvailableIn } from '../src/engine/scenario/dates.ts';
import { MAX_SCENARIO_BYTES } from '../src/engine/scenario/formats.ts';
import type { Checked } from '../src/engine/scenario/problems.ts';
import { parseScenarioBytes } from '../src/game/play/scenario-parse.ts';
import { fetchScenarioLink as fetchLink, readScenarioFile as readFile, scenarioLinkUrl } from '../src/game/play/scenario-sources.ts';
import { geneva, GENEVA_TEXT, genevaDoc, mustLoad, problemLines, ROOT, setPath } from './helpers.ts';

const PAGE = new URL('http://localhost:5173/red-lines/index.html?lang=en#top');
const GENEVA_YAML = stringify(genevaDoc());
const TOO_LARGE = /^the file is \d+\.\d MiB; scenarios may be at most 1 MiB$/;

// The browser parses in a worker (e2e: hostile-files.spec.ts); here the same parser runs in this thread.
const parseHere = async (bytes: Uint8Array, name: string) => parseScenarioBytes(bytes, name);
const readScenarioFile = (file: File) => readFile(file, parseHere);
const fetchScenarioLink = (value: string, page: URL) => fetchLink(value, page, parseHere);

/** The one problem message of a refusal. */
function refusal(result: Checked<unknown>): string {
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  expect(result.problems).toHaveLength(1);
  expect(result.problems[0]!.path).toEqual([]);
  return result.problems[0]!.message;
}

describe('scenarioLinkUrl: links on the game’s own site only', () => {
  it('a relative link resolves against the page', () => {
    const result = scenarioLinkUrl('scenarios/geneva.yaml', PAGE);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.href).toBe('http://localhost:5173/red-lines/scenarios/geneva.yaml');
    const up = scenarioLinkUrl('../shared/inf.json?v=2', PAGE);
    if (up.ok) expect(up.value.href).toBe('http://localhost:5173/shared/inf.json?v=2');
    expect(up.ok).toBe(true);
    const rooted = scenarioLinkUrl('/geneva.yml', PAGE);
    if (rooted.ok) expect(rooted.value.pathname).toBe('/geneva.yml');
    expect(rooted.ok).toBe(true);
  });

  it('an absolute link to the same origin is allowed (the host compared case-insensitively)', () => {
    for (const value of ['http://localhost:5173/x.yaml', 'HTTP://LOCALHOST:5173/x.yaml']) {
      const result = scenarioLinkUrl(value, PAGE);
      expect(result.ok, value).toBe(true);
      if (result.ok) expect(result.value.origin).toBe(PAGE.origin);
    }
  });

  it('another host, a protocol-relative link or a backslash trick is refused, naming both origins', () => {
    for (const [value, origin] of [
      ['http://evil.example/x.yaml', 'http://evil.example'],
      ['//evil.example/x.yaml', 'http://evil.example'],
      ['/\\evil.example/x.yaml', 'http://evil.example'],
      ['http://localhost.evil.example:5173/x.yaml', 'http://localhost.evil.example:5173'],
      ['http://127.0.0.1:5173/x.yaml', 'http://127.0.0.1:5173'],
    ]) {
      expect(refusal(scenarioLinkUrl(value!, PAGE)), value).toBe(
        `scenario links must point to this site (http://localhost:5173), not to ${origin}`,
      );
    }
  });

  it('another port or protocol on the same host is another origin', () => {
    expect(refusal(scenarioLinkUrl('http://localhost:8080/x.yaml', PAGE))).toBe(
      'scenario links must point to this site (http://localhost:5173), not to http://localhost:8080',
    );
    expect(refusal(scenarioLinkUrl('http://localhost/x.yaml', PAGE))).toBe(
      'scenario links must point to this site (http://localhost:5173), not to http://localhost',
    );
    expect(refusal(scenarioLinkUrl('https://localhost:5173/x.yaml', PAGE))).toBe(
      'scenario links must point to this site (http://localhost:5173), not to https://localhost:5173',
    );
    // The default port is the same origin whether it is written or not.
    const https = new URL('https://game.example/play/');
    expect(scenarioLinkUrl('https://game.example:443/x.yaml', https).ok).toBe(true);
  });

  it('javascript:, data: and blob: links have an opaque origin and are refused', () => {
    for (const value of ['javascript:alert(1)', 'data:application/json,{}', 'file:///etc/passwd']) {
      const message = refusal(scenarioLinkUrl(value, PAGE));
      expect(message, value).toMatch(/^scenario links must point to this site \(http:\/\/localhost:5173\), not to /);
    }
  });

  it('garbage is "not an address"', () => {
    for (const value of ['http://', '//', 'http://[::1', 'http://a b/']) {
      expect(refusal(scenarioLinkUrl(value, PAGE)), value).toBe(`"${value}" is not an address`);
    }
  });
});

describe('readScenarioFile', () => {
  it('a valid YAML file loads, by the name it was given', async () => {
    for (const name of ['geneva.yaml', 'Geneva.YML']) {
      const result = await readScenarioFile(new File([GENEVA_YAML], name, { type: 'application/yaml' }));
      expect(problemLines(result), name).toEqual([]);
      if (result.ok) {
        expect(result.value.scenario).toEqual(geneva);
        expect(result.value.source).toEqual(genevaDoc());
      }
    }
  });

  it('a valid JSON file loads', async () => {
    const result = await readScenarioFile(new File([GENEVA_TEXT], 'geneva-2022.json', { type: 'application/json' }));
    expect(problemLines(result)).toEqual([]);
    if (result.ok) expect(result.value.scenario.meta.id).toBe('geneva-2022');
  });

  it('a file over 1 MiB is refused by its size, before it is read', async () => {
    const big = new File([GENEVA_YAML, '#'.repeat(MAX_SCENARIO_BYTES)], 'big.yaml');
    expect(big.size).toBeGreaterThan(MAX_SCENARIO_BYTES);
    const read = vi.spyOn(big, 'arrayBuffer');
    expect(refusal(await readScenarioFile(big))).toMatch(TOO_LARGE);
    expect(read).not.toHaveBeenCalled();
    // Exactly 1 MiB is allowed through to the loader.
    const exact = new File(['#'.repeat(MAX_SCENARIO_BYTES)], 'exact.yaml');
    expect(refusal(await readScenarioFile(exact))).not.toMatch(TOO_LARGE);
  });

  it('a wrong extension is refused before reading, whatever the content', async () => {
    for (const name of ['geneva.txt', 'geneva.json.exe', 'geneva', 'geneva.yaml.bak', 'geneva.jsonl']) {
      const file = new File([GENEVA_TEXT], name);
      const read = vi.spyOn(file, 'arrayBuffer');
      expect(refusal(await readScenarioFile(file)), name).toBe('expected a .json, .yaml or .yml file');
      expect(read).not.toHaveBeenCalled();
    }
  });

  it('broken content: a syntax error with its position, or problems with paths', async () => {
    const yaml = await readScenarioFile(new File(['meta:\n  id: x\n title: y\n'], 'broken.yaml'));
    expect(refusal(yaml)).toBe('invalid YAML at line 3, column 1: All mapping items must start at the same column');
    const json = await readScenarioFile(new File(['{"meta": '], 'broken.json'));
    expect(refusal(json)).toMatch(/^invalid JSON at line 1, column \d+: /);
    const doc = genevaDoc();
    setPath(doc, ['sides', 0, 'colour'], 'blue');
    const invalid = await readScenarioFile(new File([stringify(doc)], 'invalid.yml'));
    expect(problemLines(invalid)).toEqual(['sides[0].colour: expected a colour such as "#1f5fa8"']);
    const binary = await readScenarioFile(new File([new Uint8Array([0x61, 0x3a, 0x20, 0x00, 0x01, 0x80])], 'binary.yaml'));
    expect(refusal(binary)).toBe('the file is not UTF-8 text: byte 5 (0x80) cannot start or continue a character; save the file as UTF-8');
    const utf16 = await readScenarioFile(new File([new Uint8Array([0xff, 0xfe, 0x61, 0x00])], 'utf16.yaml'));
    expect(refusal(utf16)).toBe('the file is UTF-16 text; save it as UTF-8');
    const control = await readScenarioFile(new File(['a: 1\n\u0000\u0001'], 'nul.json'));
    expect(refusal(control)).toBe('line 2, column 1: a NUL character: a binary file, or UTF-16 text? save it as UTF-8 text');
  });

  it('invalid UTF-8 is refused with its offset and measured as bytes: 400,000 bytes are not "1.1 MiB"', async () => {
    const bytes = new Uint8Array(400_000).fill(0xc0);
    expect(refusal(await readScenarioFile(new File([bytes], 'junk.yaml')))).toBe(
      'the file is not UTF-8 text: byte 0 (0xC0) cannot start or continue a character; save the file as UTF-8',
    );
  });

  it('a file that cannot be read is a problem, not an exception', async () => {
    const file = new File(['meta: x'], 'unreadable.yaml');
    vi.spyOn(file, 'arrayBuffer').mockRejectedValue(new Error('NotReadableError'));
    expect(refusal(await readScenarioFile(file))).toBe('the file could not be read');
  });
});

describe('fetchScenarioLink', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  /** Stubs fetch with one response (or a function of the request). */
  function stubFetch(answer: Response | (() => Promise<Response>)) {
    const fetch = vi.fn(typeof answer === 'function' ? answer : async () => answer);
    vi.stubGlobal('fetch', fetch);
    return fetch;
  }

  it('a valid YAML body loads, fetched from the resolved address with same-origin credentials', async () => {
    const fetch = stubFetch(new Response(GENEVA_YAML, { headers: { 'content-type': 'application/yaml' } }));
    const result = await fetchScenarioLink('scenarios/geneva.yaml', PAGE);
    expect(problemLines(result)).toEqual([]);
    if (result.ok) expect(result.value.scenario).toEqual(geneva);
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [URL, RequestInit];
    expect(String(url)).toBe('http://localhost:5173/red-lines/scenarios/geneva.yaml');
    expect(init).toEqual({ credentials: 'same-origin' });
  });

  it('a valid JSON body loads, and a link without an extension is sniffed', async () => {
    stubFetch(new Response(GENEVA_TEXT));
    expect(problemLines(await fetchScenarioLink('/geneva.json?v=1', PAGE))).toEqual([]);
    stubFetch(new Response(GENEVA_YAML));
    expect(problemLines(await fetchScenarioLink('/api/scenario/geneva', PAGE))).toEqual([]);
    stubFetch(new Response(GENEVA_TEXT));
    expect(problemLines(await fetchScenarioLink('/api/scenario/geneva', PAGE))).toEqual([]);
  });

  it('the body is read by the link’s extension: YAML in a .json link is a JSON error', async () => {
    stubFetch(new Response(GENEVA_YAML));
    expect(refusal(await fetchScenarioLink('/geneva.json', PAGE))).toMatch(/^invalid JSON at line 1, column 1: /);
  });

  it('a cross-origin link is refused without fetching', async () => {
    const fetch = stubFetch(new Response(GENEVA_YAML));
    expect(refusal(await fetchScenarioLink('https://evil.example/geneva.yaml', PAGE))).toBe(
      'scenario links must point to this site (http://localhost:5173), not to https://evil.example',
    );
    expect(refusal(await fetchScenarioLink('http://[::1', PAGE))).toBe('"http://[::1" is not an address');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('HTTP errors are refused with the status', async () => {
    for (const status of [404, 403, 500, 503]) {
      stubFetch(new Response('Not here', { status }));
      expect(refusal(await fetchScenarioLink('/scenarios/missing.yaml', PAGE)), String(status)).toBe(
        `/scenarios/missing.yaml could not be fetched (HTTP ${status})`,
      );
    }
  });

  it('a network failure is refused in words', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(refusal(await fetchScenarioLink('/scenarios/geneva.yaml', PAGE))).toBe('/scenarios/geneva.yaml could not be fetched');
  });

  it('a declared content-length over 1 MiB is refused before the body is read', async () => {
    const arrayBuffer = vi.fn(async () => new TextEncoder().encode(GENEVA_YAML).buffer);
    const response = {
      ok: true,
      status: 200,
      headers: new Headers({ 'content-length': String(MAX_SCENARIO_BYTES + 1) }),
      arrayBuffer,
    } as unknown as Response;
    stubFetch(response);
    expect(refusal(await fetchScenarioLink('/big.yaml', PAGE))).toMatch(TOO_LARGE);
    expect(arrayBuffer).not.toHaveBeenCalled();
  });

  it('a declared content-length of exactly 1 MiB is read', async () => {
    const arrayBuffer = vi.fn(async () => new TextEncoder().encode(GENEVA_YAML).buffer);
    stubFetch({
      ok: true,
      status: 200,
      headers: new Headers({ 'content-length': String(MAX_SCENARIO_BYTES) }),
      arrayBuffer,
    } as unknown as Response);
    expect(problemLines(await fetchScenarioLink('/geneva.yaml', PAGE))).toEqual([]);
    expect(arrayBuffer).toHaveBeenCalledTimes(1);
  });

  it('a body over 1 MiB without a content-length (or with a false one) is refused after reading', async () => {
    const body = `${GENEVA_YAML}${'#'.repeat(MAX_SCENARIO_BYTES)}`;
    const undeclared = new Response(body);
    expect(undeclared.headers.get('content-length')).toBeNull();
    stubFetch(undeclared);
    expect(refusal(await fetchScenarioLink('/big.yaml', PAGE))).toMatch(TOO_LARGE);

    stubFetch(new Response(body, { headers: { 'content-length': '100' } }));
    expect(refusal(await fetchScenarioLink('/lying.yaml', PAGE))).toMatch(TOO_LARGE);
  });

  it('a broken or invalid body is refused with its problems', async () => {
    stubFetch(new Response('meta:\n  id: x\n title: y\n'));
    expect(refusal(await fetchScenarioLink('/broken.yaml', PAGE))).toBe(
      'invalid YAML at line 3, column 1: All mapping items must start at the same column',
    );
    const doc = genevaDoc();
    setPath(doc, ['tracks', 0, 'statusQuo'], 'nowhere');
    stubFetch(new Response(stringify(doc)));
    expect(problemLines(await fetchScenarioLink('/dangling.yml', PAGE))).toEqual([
      'tracks[0].statusQuo: unknown position "nowhere" on track "enlargement"',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// The sources of the bundled scenarios

/**
 * Sites the source review (research/sources.md, "Sources to drop") rejected: partisan or fringe
 * outlets, state broadcasters used as news, aggregators, content farms and tertiary copies.
 */
const DROPPED_DOMAINS = [
  'larouchepub.com',
  'eir.news',
  'liberty-lyle.com',
  'nowarnonato.blogspot.com',
  'cpcml.ca',
  'parstoday.com',
  'urdupoint.com',
  'ru-main.ru',
  'unmuteit.com',
  'regtrends.com',
  'taketonews.com',
  'stiripesurse.ro',
  'stvincenttimes.com',
  'listserve.net',
  'panarmenian.net',
  'washingtonexaminer.com',
  'aalep.eu',
  'belsat.eu',
  'awesomestories.com',
  'erenow.net',
  'encyclopedia.com',
  'bcnn1wp.wordpress.com',
  'laverdadnoticias.com',
  'wikizero.net',
  'wikipedia.org',
  'scribd.com',
  'springfieldnewssun.com',
  'westport-news.com',
  'acronym.org.uk',
  'dailypakistan.com.pk',
  'businessinsider.in',
];

/** Hosts of state media: a label citing them must say so. */
const STATE_MEDIA = ['tass.com', 'tass.ru', 'ria.ru', 'sputniknews.com', 'rt.com', 'presstv.ir', 'xinhuanet.com', 'cgtn.com'];

const onDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);
/** The host of an address, without the trailing dot some stored addresses carry. */
const hostOf = (url: string) => new URL(url).hostname.toLowerCase().replace(/\.$/, '');

const SCENARIOS = join(ROOT, 'scenarios');
const bundled = readdirSync(SCENARIOS)
  .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
  .map((name) => [name, mustLoad(readFileSync(join(SCENARIOS, name), 'utf8'))] as const);

describe('the sources of the bundled scenarios', () => {
  it('there are several bundled scenarios, Geneva among them', () => {
    expect(bundled.map(([name]) => name)).toContain('geneva-2022.json');
    expect(bundled.length).toBeGreaterThanOrEqual(3);
  });

  it.each(bundled)('%s: every source has the address of a page, not just of a site', (_, scenario) => {
    for (const source of scenario.meta.sources) {
      expect(source.url, source.id).toMatch(/^https?:\/\//);
      const url = new URL(source.url!);
      expect(url.pathname.length + url.search.length, `${source.id}: ${source.url}`).toBeGreaterThan(1);
      expect(source.label, source.id).not.toMatch(/address not recorded|site only/i);
    }
  });

  it.each(bundled)('%s: no source is on a site the source review dropped', (_, scenario) => {
    for (const source of scenario.meta.sources) {
      const host = hostOf(source.url!);
      expect(
        DROPPED_DOMAINS.filter((domain) => onDomain(host, domain)),
        `${source.id}: ${source.url}`,
      ).toEqual([]);
    }
  });

  it.each(bundled)('%s: state media are named as such in the label', (_, scenario) => {
    for (const source of scenario.meta.sources) {
      if (STATE_MEDIA.some((domain) => onDomain(hostOf(source.url!), domain))) {
        expect(source.label, source.id).toMatch(/state (news agency|media|broadcaster)/i);
      }
    }
  });

  it.each(bundled)('%s: every quote is dated readably, and no later than the last round', (_, scenario) => {
    const lastRound = dayNumber(scenario.rounds.at(-1)!.date);
    for (const quote of scenario.quotes) {
      const said = dayNumber(quote.date);
      expect(said, `${quote.id}: "${quote.date}"`).not.toBeNull();
      if (lastRound !== null) expect(said!, quote.id).toBeLessThanOrEqual(lastRound);
      // So the AI can use it in at least one round.
      expect(
        scenario.rounds.some((_, index) => quoteAvailableIn(scenario, quote, index)),
        quote.id,
      ).toBe(true);
    }
  });

  it.each(bundled)('%s: a speaker is named once, without the side the game adds', (_, scenario) => {
    for (const quote of scenario.quotes) {
      const side = scenario.sides.find((item) => item.id === quote.side)!;
      // "Grushko (Russia)" would read "Grushko (Russia) (RU)" on the statements panel.
      const names = [side.name, side.shortName, ...side.name.split('/').map((part) => part.trim())];
      for (const name of names) expect(quote.speaker.toLowerCase(), quote.id).not.toContain(`(${name.toLowerCase()})`);
    }
  });

  it('Geneva: each quote is usable from the round of its date on (10, 12, 13, 26 January, 17 February 2022)', () => {
    const firstRound = Object.fromEntries(
      geneva.quotes.map((quote) => [quote.id, geneva.rounds.findIndex((_, index) => quoteAvailableIn(geneva, quote, index))]),
    );
    expect(firstRound).toMatchObject({
      'sherman-open-door': 0,
      'ryabkov-never': 0,
      'stoltenberg-risk': 1,
      'grushko-containment': 1,
      'rau-risk': 2,
      'ryabkov-dead-end': 2,
      'us-reply-aegis': 3,
      'putin-ignored': 4,
    });
  });
});
