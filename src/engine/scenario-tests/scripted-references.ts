/**
 * The reference checks of a scripted case: its line plays the scenario's rounds in order, each
 * step by the round's sides; its offer fits the round it falls in (who proposes, and so whether
 * the persona responds or replies); and it asks for no more answers than a run can give.
 */
import { isRedLine, otherSide, proposerOf } from '../rules/world.ts';
import type { Path } from '../scenario/reference-checker.ts';
import type { Round, Scenario, Track } from '../scenario/schema.ts';
import { MAX_ANSWERS, MAX_PACKAGES, offeredPositions } from './offers.ts';
import { EVERY_POSITION, TEST_REPLY_KINDS, type LineStep, type Offer, type ScriptedCase } from './schema.ts';
import type { TestChecker } from './test-checker.ts';

export function checkScripted(scenario: Scenario, item: ScriptedCase, at: Path, check: TestChecker): void {
  const known = check.side(item.side, [...at, 'side']);
  item.personas?.forEach((value, i) => check.persona(value, item.side, [...at, 'personas', i]));
  const history = scenario.debrief.line.length;
  if (item.historyRounds > history) {
    check.report([...at, 'historyRounds'], `the scenario's historical line has only ${history} round${history === 1 ? '' : 's'}`);
  }
  const first = Math.min(item.historyRounds, history);
  item.line.forEach((step, k) => checkLineStep(scenario, step, first + k, [...at, 'line', k], check));
  const offerRound = first + item.line.length;
  const round = scenario.rounds[offerRound];
  if (!round) {
    check.report([...at, 'line'], `no round is left for the offer: the scenario has ${scenario.rounds.length} rounds`);
    return;
  }
  if (!known) return;
  const personaProposes = proposerOf(scenario, offerRound) === item.side;
  const offering = otherSide(scenario, item.side);
  if (item.proposal) {
    if (!personaProposes) {
      check.report(
        [...at, 'proposal'],
        `"${item.side}" does not propose in round "${round.id}": the offer is the proposal it answers; leave this out`,
      );
    } else {
      check.tabled(item.proposal.positions, item.side, [...at, 'proposal', 'positions']);
      check.moveBy(item.proposal.posture, item.side, [...at, 'proposal', 'posture']);
    }
  }
  const packages = checkOffer(item.offer, offering, [...at, 'offer'], check);
  const personas = item.personas?.length ?? scenario.personas.filter((persona) => persona.side === item.side).length;
  if (packages <= MAX_PACKAGES && personas * item.seeds * packages > MAX_ANSWERS) {
    check.report(
      [...at, 'seeds'],
      `the case asks for ${personas * item.seeds * packages} answers (${personas} personas × ${item.seeds} seeds × ${packages} packages); at most ${MAX_ANSWERS}`,
    );
  }
  checkExpectation(item, round, personaProposes, at, check);
}

/** A step of the line, played in the round at `roundIndex`: that round, moves by its proposer and responder. */
function checkLineStep(scenario: Scenario, step: LineStep, roundIndex: number, stepPath: Path, check: TestChecker): void {
  const round = scenario.rounds[roundIndex];
  if (!round) {
    check.report([...stepPath, 'round'], `the scenario has only ${scenario.rounds.length} rounds`);
    return;
  }
  if (step.round !== round.id) {
    const known = scenario.rounds.some((candidate) => candidate.id === step.round);
    check.report(
      [...stepPath, 'round'],
      known ? `expected round "${round.id}" here: the line plays the rounds in order` : `unknown round "${step.round}"`,
    );
  }
  const proposer = proposerOf(scenario, roundIndex);
  const responder = otherSide(scenario, proposer);
  check.tabled(step.proposal.positions, proposer, [...stepPath, 'proposal', 'positions']);
  check.moveBy(step.proposal.posture, proposer, [...stepPath, 'proposal', 'posture']);
  check.tracks(step.response.tracks, [...stepPath, 'response', 'tracks']);
  if (step.response.counter) check.tabled(step.response.counter, responder, [...stepPath, 'response', 'counter']);
  check.moveBy(step.response.posture, responder, [...stepPath, 'response', 'posture']);
  check.tracks(step.reply?.tracks, [...stepPath, 'reply', 'tracks']);
}

/** Checks an offer; returns how many packages it stands for. */
function checkOffer(value: Offer, offering: string, at: Path, check: TestChecker): number {
  let packages = 1;
  const offered = (item: Track, positionId: string, where: Path) => {
    if (check.position(item, positionId, where) && isRedLine(item, offering, positionId)) {
      check.report(where, `"${positionId}" is a red line of "${offering}": it cannot offer it`);
    }
  };
  for (const [trackId, choice] of Object.entries(value.positions)) {
    const item = check.track(trackId, [...at, 'positions', trackId]);
    if (!item) continue;
    if (Array.isArray(choice)) choice.forEach((positionId, i) => offered(item, positionId, [...at, 'positions', trackId, i]));
    else if (choice !== EVERY_POSITION) offered(item, choice, [...at, 'positions', trackId]);
    packages *= offeredPositions(item, offering, choice).length;
  }
  if (packages > MAX_PACKAGES) check.report([...at, 'positions'], `the offer makes ${packages} packages; at most ${MAX_PACKAGES}`);
  check.moveBy(value.posture, offering, [...at, 'posture']);
  return packages;
}

/** What a case expects fits the persona's stage: a reply to a counter-proposal is never a counter. */
function checkExpectation(item: ScriptedCase, round: Round, personaProposes: boolean, at: Path, check: TestChecker): void {
  const expect = item.expect;
  if (personaProposes) {
    expect.answers?.forEach((answer, i) => {
      if (!(TEST_REPLY_KINDS as readonly string[]).includes(answer)) {
        check.report(
          [...at, 'expect', 'answers', i],
          `in round "${round.id}" "${item.side}" proposes, so the persona replies to a counter-proposal: it can only accept, accept-some or reject`,
        );
      }
    });
    if (expect.keeps)
      check.report(
        [...at, 'expect', 'keeps'],
        `a reply to a counter-proposal is never a counter: keeps cannot apply in round "${round.id}"`,
      );
  } else if (expect.keeps && expect.answers && !expect.answers.includes('counter')) {
    check.report([...at, 'expect', 'keeps'], 'keeps applies to counter-proposals, but counter is not among the answers allowed');
  }
  check.lists(expect.keeps, [...at, 'expect', 'keeps']);
  check.lists(expect.refuses, [...at, 'expect', 'refuses']);
}
