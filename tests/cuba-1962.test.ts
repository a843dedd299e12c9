/**
 * The Cuban Missile Crisis scenario: its historical line, played hot-seat through the machine,
 * must end as October 1962 did — the missiles out under verification for a pledge not to invade,
 * the quarantine kept until then, the Jupiters withdrawn in secret — with Black Saturday the most
 * dangerous round on the way; and its facts must come from the verified addresses only.
 */
import { describe, expect, it } from 'vitest';
import { bandOf } from '../src/engine/rules/world.ts';
import { cuba1962, invariantViolations, playHistoricalLine } from './helpers.ts';

const c = cuba1962;
const SEEDS = Array.from({ length: 20 }, (_, i) => i);
const TRADE = {
  missiles: 'withdrawn-verified',
  quarantine: 'in-force',
  pledge: 'conditional-pledge',
  jupiters: 'secret-withdrawal',
};

describe('the historical line of October 1962', () => {
  it('is a full line: one step per round, in order', () => {
    expect(c.debrief.line.map((step) => step.round)).toEqual(c.rounds.map((round) => round.id));
    expect(c.debrief.outcome.agreed).toEqual(TRADE);
  });

  it.each(SEEDS)('seed %i: every step is taken, and the line ends in the trade on 28 October', (seed) => {
    const play = playHistoricalLine(c, seed);
    expect(play.refusals).toEqual([]);
    expect(play.sent.filter((item) => !item.taken)).toEqual([]);
    expect(play.over).toBe(true);
    expect(invariantViolations(c, play.final)).toEqual([]);
    expect(play.final.outcome?.kind).toBe('agreement');
    expect(c.rounds[play.final.outcome!.round]!.id).toBe('radio-moscow');
    const agreed = Object.fromEntries(Object.entries(play.final.agreed).map(([track, { position }]) => [track, position]));
    expect(agreed).toEqual(TRADE);
  });

  it('climbs to its highest risk on Black Saturday, and the trade brings it down', () => {
    const { final } = playHistoricalLine(c, 1);
    const after = final.rounds.map((round) => round.riskChanges.at(-1)!.to);
    const peak = after.indexOf(Math.max(...after));
    expect(c.rounds[peak]!.id).toBe('black-saturday');
    expect(bandOf(c, after[peak]!).id).toBe('confrontation');
    expect(final.risk).toBeLessThan(after[peak]! - 15);
    expect(Math.abs(final.risk - c.debrief.outcome.finalRisk)).toBeLessThan(5);
  });
});

describe('what 1962 ruled out, the game rules out', () => {
  const track = (id: string) => c.tracks.find((item) => item.id === id)!;

  it('Moscow will not be left without a pledge, nor Washington with the missiles in Cuba or a public trade', () => {
    expect(track('pledge').redLines.su).toEqual(['no-pledge']);
    expect(track('missiles').redLines.us).toEqual(['remain']);
    expect(track('jupiters').redLines.us).toEqual(['public-trade']);
  });

  it('the secret withdrawal is worth less to Moscow than a public trade, and costs Washington far less', () => {
    const utility = (id: string) => track('jupiters').positions.find((position) => position.id === id)!.utility;
    expect(utility('secret-withdrawal').su).toBeLessThan(utility('public-trade').su!);
    expect(utility('secret-withdrawal').us).toBeGreaterThan(utility('public-trade').us! + 50);
  });

  it('the missiles and the pledge can only be agreed together', () => {
    expect(c.linkage.some((link) => link.tracks.includes('missiles') && link.tracks.includes('pledge'))).toBe(true);
  });
});

describe('sources and map', () => {
  // The addresses verified in the project's research notes for 1962 (sources.md, section 10):
  // nothing else may be cited, so that no content farm or pirated book text creeps back in.
  const VERIFIED = new Set([
    'https://www.jfklibrary.org/learn/about-jfk/historic-speeches/address-during-the-cuban-missile-crisis',
    'https://www.cia.gov/readingroom/print/20739',
    'http://avalon.law.yale.edu/20th_century/msc_cuba121.asp',
    'https://history.state.gov/historicaldocuments/frus1961-63v06/d62',
    'https://history.state.gov./historicaldocuments/frus1961-63v06/d64',
    'https://history.state.gov/historicaldocuments/frus1961-63v06/d9n',
    'https://history.state.gov/historicaldocuments/frus1961-63v11/d96',
    'https://nsarchive2.gwu.edu/nsa/cuba_mis_cri/moment.htm',
    'https://nsarchive.gwu.edu./media/29365/ocr',
    'https://microsites.jfklibrary.org/cmc/oct23/doc1.html',
    'http://avalon.law.yale.edu/20th_century/msc_cuba114.asp',
  ]);

  it('cites only verified addresses, each once', () => {
    const urls = c.meta.sources.map((source) => source.url);
    expect(urls.filter((url) => !VERIFIED.has(url!))).toEqual([]);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('quotes only words said during the thirteen days', () => {
    for (const quote of c.quotes) expect(quote.date, quote.id).toMatch(/^(2[2-8]) October 1962$/);
  });

  it('places the sites in Cuba and the Jupiters in Turkey and Italy', () => {
    const at = (id: string) => c.map!.markers.find((marker) => marker.id === id)!;
    const inCuba = (id: string) => at(id).lon > -85 && at(id).lon < -74 && at(id).lat > 19.5 && at(id).lat < 23.5;
    expect(inCuba('mrbm-sites') && inCuba('soviet-forces')).toBe(true);
    expect([at('jupiters-turkey').lon, at('jupiters-turkey').lat]).toEqual([27.1, 38.4]);
    expect([at('jupiters-italy').lon, at('jupiters-italy').lat]).toEqual([16.9, 40.8]);
    expect(at('jupiters-turkey').track).toBe('jupiters');
    expect(at('quarantine-zone')).toMatchObject({ kind: 'exercise-zone', track: 'quarantine' });
  });
});
