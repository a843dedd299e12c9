/**
 * The game in words for the live region and the statements panel: each state of the machine
 * becomes a sentence a screen reader can speak, and each AI statement becomes a quote or, when
 * the scenario has none for the mood, a plain line.
 */
import type { GameSnapshot } from '../../engine/machine/game-run.ts';
import { phaseOf } from '../../engine/machine/phase.ts';
import type { Change, GameState, Meter, MeterChanges, Statement } from '../../engine/rules/state.ts';
import type { Mood, Scenario } from '../../engine/scenario/schema.ts';
import { bandName, describeRiskChange } from './risk-view.ts';

import { sideShortName } from '../../engine/rules/world.ts';
import { moveName, positionsText } from '../../engine/rules/words.ts';

/** The scenes take the engine's names for sides, packages and moves from here, with the rest of the game in words. */
export const sideShort = sideShortName;
export { moveName, positionsText };

/** The meters in words, as the round result and the narration name them. */
export const METER_NAMES: Record<Meter, string> = {
  leverage: 'Leverage',
  standing: 'Standing at home',
  credibility: 'Credibility',
  cohesion: 'Alliance cohesion',
  forces: 'Forces (thousands)',
};

/** "US/NATO standing at home 50 → 46; Russia leverage 40 → 44" — every meter a round moved, in order. */
export function meterChangesText(scenario: Scenario, meters: MeterChanges): string {
  return Object.entries(meters)
    .flatMap(([side, changes]) =>
      (Object.entries(changes) as [Meter, Change][])
        .filter(([, change]) => Math.round(change.from) !== Math.round(change.to))
        .map(
          ([meter, change]) =>
            `${sideShort(scenario, side)} ${METER_NAMES[meter].toLowerCase()} ${Math.round(change.from)} → ${Math.round(change.to)}`,
        ),
    )
    .join('; ');
}

const FALLBACK_LINES: Record<Mood, string> = {
  open: 'We have put our proposals on the table. We expect a serious answer.',
  accept: 'We can work with this.',
  counter: 'This is not acceptable as it stands. Here is what we could accept.',
  reject: 'Our concerns have been ignored. We reject this.',
  walkout: 'There is nothing more to discuss here.',
  warn: 'If our concerns are ignored, we will draw our own conclusions.',
};

export interface StatementText {
  speaker: string;
  text: string;
  date: string | null;
  sourced: boolean;
}

export function statementText(scenario: Scenario, statement: Statement): StatementText {
  const quote = statement.quote ? scenario.quotes.find((item) => item.id === statement.quote) : undefined;
  if (quote) return { speaker: quote.speaker, text: quote.text, date: quote.date, sourced: true };
  const side = scenario.sides.find((item) => item.id === statement.side);
  return { speaker: side?.negotiator ?? statement.side, text: FALLBACK_LINES[statement.mood], date: null, sourced: false };
}

/** A statement as the live region speaks it: who said it, and what. */
export function spokenStatement(scenario: Scenario, statement: Statement): string {
  const { speaker, text } = statementText(scenario, statement);
  return `${speaker}: “${text}”`;
}

/** The statements made since `before` (in the same round, or all of a new round's). */
export function newStatements(before: GameState | null | undefined, after: GameState): Statement[] {
  const now = after.rounds[after.round]?.statements ?? [];
  const earlier = before && before.round === after.round ? (before.rounds[before.round]?.statements.length ?? 0) : 0;
  return now.slice(earlier);
}

/** One or two sentences describing the state the game has just entered. */
export function narrate(scenario: Scenario, snapshot: GameSnapshot): string {
  const game = snapshot.context.game;
  if (!game) return 'Choose your side and your opponent.';
  const record = game.rounds[game.round];
  const round = scenario.rounds[game.round]!;
  const riskText = `Risk ${game.risk.toFixed(1)}, ${bandName(scenario, game.risk)}.`;
  const phase = phaseOf(snapshot);
  switch (phase) {
    case 'briefing': {
      // Each event with what happened, not just its title: the briefing is read, not glanced at.
      const events = (record?.events ?? []).map((id) => {
        const event = scenario.events.find((item) => item.id === id);
        return event ? `${event.name}: ${event.text}` : id;
      });
      return `Round ${game.round + 1} of ${scenario.rounds.length}: ${round.title}, ${round.venue}, ${round.date}. ${events.length ? `Outside the room: ${events.join(' ')} ` : ''}${riskText}`;
    }
    case 'proposal':
      return `${sideShort(scenario, record!.proposer)} to table a package. ${riskText}`;
    case 'response': {
      const proposal = record!.proposal!;
      return `${sideShort(scenario, proposal.side)} proposes ${positionsText(scenario, proposal.positions)}, with ${moveName(scenario, proposal.posture)}, in a ${proposal.tone} tone. ${sideShort(scenario, record!.responder)} to answer.`;
    }
    case 'counter': {
      const response = record!.response!;
      return `${sideShort(scenario, response.side)} counters with ${positionsText(scenario, response.counter ?? {})}, with ${moveName(scenario, response.posture)}, in a ${response.tone} tone. ${sideShort(scenario, record!.proposer)} to accept, accept some or reject.`;
    }
    case 'resolution':
    case 'incident': {
      const change = record?.riskChanges.at(-1);
      const agreed = Object.keys(record?.agreed ?? {}).length;
      const head =
        phase === 'incident'
          ? `${scenario.escalation.incident.name}.`
          : `Round ${game.round + 1} ends${agreed ? ` with ${agreed} track${agreed === 1 ? '' : 's'} agreed` : ' with no agreement'}.`;
      // The standing changes belong to the round, not to the incident that follows it.
      const meters = phase === 'resolution' && record ? meterChangesText(scenario, record.meters) : '';
      return `${head} ${change ? describeRiskChange(scenario, change) : riskText}${meters ? ` Standing and leverage: ${meters}.` : ''}`;
    }
    case 'setup':
    case 'over':
      return game.outcome ? `The game is over: ${game.outcome.kind.replace('-', ' ')}. ${game.outcome.reason} ${riskText}` : riskText;
  }
}
