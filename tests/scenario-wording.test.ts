/**
 * Where forces stand and what an incident is called are the scenario's words, not the code's:
 * INF 1987 and Cuba 1962 name their own, a scenario that says nothing gets words right for any
 * crisis, and sessions recorded when every incident was "near the contact line" still verify.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PolicyName } from '../src/engine/bots/policies.ts';
import { checkScenario } from '../src/engine/scenario/load.ts';
import { FORCES_WHERE, INCIDENT_NAME, RECORDED_INCIDENT_NAME, type Scenario, type ScenarioInput } from '../src/engine/scenario/schema.ts';
import { GameRun } from '../src/engine/machine/game-run.ts';
import { trailChecksum } from '../src/engine/session/checksum.ts';
import { SESSION_FORMAT } from '../src/engine/session/format.ts';
import { legacyStateChecksum } from '../src/engine/session/legacy-checksum.ts';
import { verifySession } from '../src/engine/session/load.ts';
import { sealed } from '../src/engine/session/seal.ts';
import { recordSession } from '../src/engine/session/record.ts';
import { narrate } from '../src/game/view/narration.ts';
import { cuba1962, hotseat, inf1987, playKeepingStates, quietStoppedActorWarnings, ROOT, type PlayedGame } from './helpers.ts';

quietStoppedActorWarnings();

/** A hotseat game between two hawks in which an incident happens (hawks raise the risk until one does). */
function gameWithIncident(scenario: Scenario): PlayedGame {
  const policies: Record<string, PolicyName> = Object.fromEntries(scenario.sides.map((side) => [side.id, 'hawk']));
  for (let seed = 1; seed <= 60; seed++) {
    const played = playKeepingStates(scenario, hotseat(seed), policies);
    if (played.phases.includes('incident')) return played;
  }
  throw new Error(`no incident in 60 seeds of ${scenario.meta.id}`);
}

/** A session as the code of format 4 wrote it: its checksums hashed the machine's state names and the states' words. */
function writtenInFormat4(scenario: Scenario, doc: ScenarioInput, played: PlayedGame): object {
  const run = new GameRun(scenario, { checksum: legacyStateChecksum });
  run.restore(played.setup, played.events);
  const { seed, ...setup } = played.setup;
  const checksums = run.trail;
  const fields = { format: SESSION_FORMAT, formatVersion: 4, appVersion: '0.2.0', name: 'INF', scenario: doc, seed, setup };
  return sealed({ ...fields, events: played.events, checksums, checksum: trailChecksum(checksums), annotations: [] });
}

function source(name: string): ScenarioInput {
  return JSON.parse(readFileSync(join(ROOT, 'scenarios', `${name}.json`), 'utf8')) as ScenarioInput;
}

function withoutWording(doc: ScenarioInput): ScenarioInput {
  const copy = structuredClone(doc);
  delete copy.escalation.incident.name;
  for (const side of copy.sides) delete side.forcesWhere;
  return copy;
}

function mustCheck(doc: ScenarioInput): Scenario {
  const checked = checkScenario(doc);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.value;
}

describe('scenario wording', () => {
  it.each([
    ['INF 1987', inf1987, 'A military incident on the inner-German border'],
    ['Cuba 1962', cuba1962, 'A military incident at the quarantine line or over Cuba'],
  ])('%s names its incidents in the risk breakdown and the narration', (_, scenario, name) => {
    expect(scenario.escalation.incident.name).toBe(name);
    const played = gameWithIncident(scenario);
    const at = played.phases.indexOf('incident');
    const game = played.games[at]!;
    const change = game.rounds[game.round]!.riskChanges.at(-1)!;
    expect(change.stage).toBe('incident');
    expect(change.factors).toEqual([expect.objectContaining({ id: 'incident', label: name })]);
    expect(narrate(scenario, played.snapshots[at]!).startsWith(`${name}. `)).toBe(true);
  });

  it('the bundled scenarios say where their forces stand', () => {
    expect(inf1987.sides.map((side) => side.forcesWhere)).toEqual(['in Central Europe', 'in Central Europe']);
    expect(cuba1962.sides.map((side) => side.forcesWhere)).toEqual(['in Florida and at sea around Cuba', 'in Cuba']);
  });

  it('a scenario that says nothing gets words right for any crisis', () => {
    const plain = mustCheck(withoutWording(source('inf-1987')));
    expect(plain.escalation.incident.name).toBe(INCIDENT_NAME);
    expect(plain.sides.map((side) => side.forcesWhere)).toEqual([FORCES_WHERE, FORCES_WHERE]);
    expect(`${INCIDENT_NAME} ${FORCES_WHERE}`).not.toMatch(/contact line|border|Cuba|Europe/);
  });

  it('a format 4 session recorded when every incident was "near the contact line" still verifies, and keeps that name', () => {
    const doc = withoutWording(source('inf-1987'));
    const plain = mustCheck(doc);
    const then = {
      ...plain,
      escalation: { ...plain.escalation, incident: { ...plain.escalation.incident, name: RECORDED_INCIDENT_NAME } },
    };
    const played = gameWithIncident(then);
    const verified = verifySession(JSON.parse(JSON.stringify(writtenInFormat4(then, doc, played))));
    expect(verified.ok && verified.value.scenario.escalation.incident.name).toBe(RECORDED_INCIDENT_NAME);
    // The same scenario recorded today names its incidents with the default, and verifies as it is.
    const today = recordSession(plain, doc, played.setup, played.events);
    const now = verifySession(JSON.parse(JSON.stringify(today)));
    expect(now.ok && now.value.scenario.escalation.incident.name).toBe(INCIDENT_NAME);
  });

  it('no source file outside the scenario schema names a place of one crisis', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : [path];
      });
    const naming = files(join(ROOT, 'src'))
      .filter((path) => /contact line|near the line/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(ROOT, path));
    expect(naming).toEqual(['src/engine/scenario/schema.ts']);
  });
});
