/**
 * Checks that scenario tests name things the scenario defines — sides, personas, tracks,
 * positions, rounds, posture moves — and that a scripted case's line and offer fit the
 * scenario's rounds (who proposes when). Each problem carries the path of the offending field,
 * as the scenario's own reference check does.
 */
import { isRedLine, otherSide, proposerOf } from '../rules/world.ts';
import { formatPath, type Problem } from '../scenario/problems.ts';
import type { Scenario, Track } from '../scenario/schema.ts';
import { EVERY_POSITION, TEST_REPLY_KINDS, type Offer, type ScriptedCase, type TestCase } from './schema.ts';

type Path = readonly (string | number)[];

/** The most packages one scripted case may sweep (per persona and seed). */
export const MAX_PACKAGES = 1000;
/** The most answers one scripted case may ask for (personas × seeds × packages), so that a run stays short. */
export const MAX_ANSWERS = 100_000;

/** The positions an offer names on a track: one, a list, or every one the offering side may propose. */
export function offeredPositions(item: Track, offeringSide: string, value: string | string[]): string[] {
  if (value === EVERY_POSITION)
    return item.positions.map((position) => position.id).filter((positionId) => !isRedLine(item, offeringSide, positionId));
  return typeof value === 'string' ? [value] : value;
}

export function checkTestReferences(scenario: Scenario, cases: readonly TestCase[], base: Path): Problem[] {
  const problems: Problem[] = [];
  const report = (path: Path, message: string) => problems.push({ path, message });
  const sideIds = scenario.sides.map((side) => side.id);
  const sideList = sideIds.map((sideId) => `"${sideId}"`).join(' and ');
  const trackOf = (trackId: string) => scenario.tracks.find((item) => item.id === trackId);

  const side = (value: string, at: Path): boolean => {
    if (sideIds.includes(value)) return true;
    report(at, `unknown side "${value}"; expected ${sideList}`);
    return false;
  };
  const persona = (value: string, ofSide: string, at: Path) => {
    const found = scenario.personas.find((item) => item.id === value);
    if (!found) report(at, `unknown persona "${value}"`);
    else if (found.side !== ofSide) report(at, `persona "${value}" plays "${found.side}", not "${ofSide}"`);
  };
  const track = (trackId: string, at: Path): Track | undefined => {
    const item = trackOf(trackId);
    if (!item) report(at, `unknown track "${trackId}"`);
    return item;
  };
  const position = (item: Track, positionId: string, at: Path): boolean => {
    if (item.positions.some((candidate) => candidate.id === positionId)) return true;
    report(at, `unknown position "${positionId}" on track "${item.id}"`);
    return false;
  };
  /** A package tabled by `by`: known tracks and positions, none of them its own red line. */
  const tabled = (positions: Record<string, string>, by: string | null, at: Path) => {
    for (const [trackId, positionId] of Object.entries(positions)) {
      const item = track(trackId, [...at, trackId]);
      if (item && position(item, positionId, [...at, trackId]) && by !== null && isRedLine(item, by, positionId)) {
        report([...at, trackId], `"${positionId}" is a red line of "${by}": it cannot table it`);
      }
    }
  };
  const lists = (positions: Record<string, string[]> | undefined, at: Path) => {
    for (const [trackId, values] of Object.entries(positions ?? {})) {
      const item = track(trackId, [...at, trackId]);
      if (item) values.forEach((positionId, i) => position(item, positionId, [...at, trackId, i]));
    }
  };
  const tracks = (values: readonly string[] | undefined, at: Path) => values?.forEach((trackId, i) => track(trackId, [...at, i]));
  const move = (moveId: string | null, by: string | null, at: Path) => {
    if (moveId === null) return;
    const found = scenario.postureMoves.find((item) => item.id === moveId);
    if (!found) report(at, `unknown move "${moveId}"`);
    else if (by !== null && found.side !== by) report(at, `move "${moveId}" belongs to "${found.side}", not "${by}"`);
  };

  const scripted = (item: ScriptedCase, at: Path) => {
    const known = side(item.side, [...at, 'side']);
    item.personas?.forEach((value, i) => persona(value, item.side, [...at, 'personas', i]));
    const history = scenario.debrief.line.length;
    if (item.historyRounds > history) {
      report([...at, 'historyRounds'], `the scenario's historical line has only ${history} round${history === 1 ? '' : 's'}`);
    }
    const first = Math.min(item.historyRounds, history);
    item.line.forEach((step, k) => {
      const stepPath: Path = [...at, 'line', k];
      const roundIndex = first + k;
      const round = scenario.rounds[roundIndex];
      if (!round) {
        report([...stepPath, 'round'], `the scenario has only ${scenario.rounds.length} rounds`);
        return;
      }
      if (step.round !== round.id) {
        const known = scenario.rounds.some((candidate) => candidate.id === step.round);
        report(
          [...stepPath, 'round'],
          known ? `expected round "${round.id}" here: the line plays the rounds in order` : `unknown round "${step.round}"`,
        );
      }
      const proposer = proposerOf(scenario, roundIndex);
      const responder = otherSide(scenario, proposer);
      tabled(step.proposal.positions, proposer, [...stepPath, 'proposal', 'positions']);
      move(step.proposal.posture, proposer, [...stepPath, 'proposal', 'posture']);
      tracks(step.response.tracks, [...stepPath, 'response', 'tracks']);
      if (step.response.counter) tabled(step.response.counter, responder, [...stepPath, 'response', 'counter']);
      move(step.response.posture, responder, [...stepPath, 'response', 'posture']);
      tracks(step.reply?.tracks, [...stepPath, 'reply', 'tracks']);
    });
    const offerRound = first + item.line.length;
    const round = scenario.rounds[offerRound];
    if (!round) {
      report([...at, 'line'], `no round is left for the offer: the scenario has ${scenario.rounds.length} rounds`);
      return;
    }
    if (!known) return;
    const personaProposes = proposerOf(scenario, offerRound) === item.side;
    const offering = otherSide(scenario, item.side);
    if (item.proposal) {
      if (!personaProposes) {
        report(
          [...at, 'proposal'],
          `"${item.side}" does not propose in round "${round.id}": the offer is the proposal it answers; leave this out`,
        );
      } else {
        tabled(item.proposal.positions, item.side, [...at, 'proposal', 'positions']);
        move(item.proposal.posture, item.side, [...at, 'proposal', 'posture']);
      }
    }
    const packages = offer(item.offer, offering, [...at, 'offer']);
    const personas = item.personas?.length ?? scenario.personas.filter((persona) => persona.side === item.side).length;
    if (packages <= MAX_PACKAGES && personas * item.seeds * packages > MAX_ANSWERS) {
      report(
        [...at, 'seeds'],
        `the case asks for ${personas * item.seeds * packages} answers (${personas} personas × ${item.seeds} seeds × ${packages} packages); at most ${MAX_ANSWERS}`,
      );
    }
    const expect = item.expect;
    if (personaProposes) {
      expect.answers?.forEach((answer, i) => {
        if (!(TEST_REPLY_KINDS as readonly string[]).includes(answer)) {
          report(
            [...at, 'expect', 'answers', i],
            `in round "${round.id}" "${item.side}" proposes, so the persona replies to a counter-proposal: it can only accept, accept-some or reject`,
          );
        }
      });
      if (expect.keeps)
        report([...at, 'expect', 'keeps'], `a reply to a counter-proposal is never a counter: keeps cannot apply in round "${round.id}"`);
    } else if (expect.keeps && expect.answers && !expect.answers.includes('counter')) {
      report([...at, 'expect', 'keeps'], 'keeps applies to counter-proposals, but counter is not among the answers allowed');
    }
    lists(expect.keeps, [...at, 'expect', 'keeps']);
    lists(expect.refuses, [...at, 'expect', 'refuses']);
  };

  /** Checks an offer; returns how many packages it stands for. */
  const offer = (value: Offer, offering: string, at: Path): number => {
    let packages = 1;
    for (const [trackId, choice] of Object.entries(value.positions)) {
      const item = track(trackId, [...at, 'positions', trackId]);
      if (!item) continue;
      if (Array.isArray(choice)) {
        choice.forEach((positionId, i) => {
          const where = [...at, 'positions', trackId, i];
          if (position(item, positionId, where) && isRedLine(item, offering, positionId)) {
            report(where, `"${positionId}" is a red line of "${offering}": it cannot offer it`);
          }
        });
      } else if (choice !== EVERY_POSITION) {
        const where = [...at, 'positions', trackId];
        if (position(item, choice, where) && isRedLine(item, offering, choice)) {
          report(where, `"${choice}" is a red line of "${offering}": it cannot offer it`);
        }
      }
      packages *= offeredPositions(item, offering, choice).length;
    }
    if (packages > MAX_PACKAGES) report([...at, 'positions'], `the offer makes ${packages} packages; at most ${MAX_PACKAGES}`);
    move(value.posture, offering, [...at, 'posture']);
    return packages;
  };

  const seen = new Map<string, number>();
  cases.forEach((item, c) => {
    const at: Path = [...base, c];
    const earlier = seen.get(item.name);
    if (earlier !== undefined) report([...at, 'name'], `duplicate test name (also ${formatPath([...base, earlier])})`);
    else seen.set(item.name, c);
    switch (item.kind) {
      case 'scripted':
        scripted(item, at);
        break;
      case 'statistical': {
        if (!side(item.side, [...at, 'side'])) break;
        const aiSide = otherSide(scenario, item.side);
        const personas = item.persona === undefined ? [] : typeof item.persona === 'string' ? [item.persona] : item.persona;
        personas.forEach((value, i) =>
          persona(value, aiSide, typeof item.persona === 'string' ? [...at, 'persona'] : [...at, 'persona', i]),
        );
        break;
      }
      case 'ordering':
        if (item.side !== undefined) side(item.side, [...at, 'side']);
        tabled(item.better.agreed, null, [...at, 'better', 'agreed']);
        tabled(item.worse.agreed, null, [...at, 'worse', 'agreed']);
        break;
      case 'history':
        if (scenario.debrief.line.length === 0)
          report([...at, 'kind'], 'the scenario has no historical line of play (debrief.line is empty)');
        break;
    }
  });
  return problems;
}
