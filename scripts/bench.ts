// npm run bench: games per second through the machine and through the same rules in a plain
// loop (no XState), their ratio, and the wall time of `red-lines simulate --games 10000` on all
// cores. Prints figures; asserts nothing (these machines are noisy: compare medians).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { aiPropose, aiReply, aiRespond, personaOf } from '../src/engine/ai/counterpart.ts';
import { POLICIES, POLICY_NAMES } from '../src/engine/bots/policies.ts';
import { Dice, seedState } from '../src/engine/random.ts';
import {
  advanceRound,
  applyIncident,
  applyProposal,
  applyReply,
  applyResponse,
  hasPendingIncident,
  newGame,
  openRound,
  resolveRound,
} from '../src/engine/rules/round.ts';
import type { GameState, Setup } from '../src/engine/rules/state.ts';
import { loadScenarioText } from '../src/engine/scenario/load.ts';
import type { Scenario } from '../src/engine/scenario/schema.ts';
import { gameSetup, matchups, runBatch, type BatchSpec } from '../src/engine/simulation/batch.ts';

const FILE = 'scenarios/geneva-2022.json';
const loaded = loadScenarioText(readFileSync(FILE, 'utf8'));
if (!loaded.ok) throw new Error(`${FILE} is invalid`);
const scenario = loaded.value;
const GAMES = 4000;
const REPEATS = 5;

/** The machine's sequence written out by hand over the same rule functions. */
function playPlainLoop(scenario: Scenario, setup: Setup, policies: Record<string, (typeof POLICY_NAMES)[number]>): GameState {
  const dice = new Dice(seedState(`${setup.seed}:bots`));
  let state = openRound(scenario, newGame(scenario, setup));
  while (!state.outcome) {
    const record = state.rounds[state.round]!;
    const view = (side: string) => ({ scenario, state, side, dice });
    const proposerAi = personaOf(scenario, state, record.proposer);
    if (proposerAi) {
      const choice = aiPropose(scenario, state, record.proposer, proposerAi);
      state = applyProposal(scenario, state, choice.move, choice, choice.rng);
    } else state = applyProposal(scenario, state, POLICIES[policies[record.proposer]!].propose(view(record.proposer)));
    const responderAi = personaOf(scenario, state, record.responder);
    if (responderAi) {
      const choice = aiRespond(scenario, state, record.responder, responderAi);
      state = applyResponse(scenario, state, choice.move, choice, choice.rng);
    } else state = applyResponse(scenario, state, POLICIES[policies[record.responder]!].respond(view(record.responder)));
    if (state.rounds[state.round]!.response!.kind === 'counter') {
      if (proposerAi) {
        const choice = aiReply(scenario, state, record.proposer, proposerAi);
        state = applyReply(scenario, state, choice.move, choice, choice.rng);
      } else state = applyReply(scenario, state, POLICIES[policies[record.proposer]!].reply(view(record.proposer)));
    }
    state = resolveRound(scenario, state);
    if (hasPendingIncident(state)) state = applyIncident(scenario, state);
    if (!state.outcome) state = advanceRound(scenario, state);
  }
  return state;
}

const spec: BatchSpec = { seed: 1, matchups: matchups(scenario, 'us', POLICY_NAMES, null), from: 0, to: GAMES };

function timeIt(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const machine: number[] = [];
const plain: number[] = [];
for (let i = 0; i < REPEATS; i++) {
  machine.push(timeIt(() => runBatch(scenario, spec)));
  plain.push(
    timeIt(() => {
      for (let index = 0; index < GAMES; index++) {
        const game = gameSetup(spec, index);
        playPlainLoop(scenario, game.setup, game.policies);
      }
    }),
  );
}
const machineRate = (GAMES * 1000) / median(machine);
const plainRate = (GAMES * 1000) / median(plain);
console.log(`Geneva 2022, ${GAMES} games per run, median of ${REPEATS} runs, one core:`);
console.log(`  through the machine (XState actor): ${machineRate.toFixed(0)} games/s`);
console.log(`  same rules in a plain loop:         ${plainRate.toFixed(0)} games/s`);
console.log(`  machine overhead (plain / machine): ${(plainRate / machineRate).toFixed(2)}x`);

const walls: number[] = [];
for (let i = 0; i < 3; i++) {
  walls.push(timeIt(() => execFileSync(process.execPath, ['bin/red-lines.js', 'simulate', FILE, '--games', '10000'], { stdio: 'ignore' })));
}
console.log(`red-lines simulate --games 10000 (all cores, whole process): median ${(median(walls) / 1000).toFixed(2)} s of 3 runs`);
