/**
 * The kinds of move a side makes at the table, each declared once: the event that carries it, the
 * phase it is made in and which side makes it, the rule that allows it, what it does to the game,
 * how the AI and the bots choose one, and how a report names it. The machine's guards and actions,
 * the bots' turn and the replay's messages all read this table, so adding a kind of move is adding
 * its schema (event-schema.ts), its rules, and one entry here.
 */
import { aiPropose, aiReply, aiRespond, type AiChoice } from '../ai/counterpart.ts';
import type { BotView, Policy } from '../bots/policies.ts';
import { isLegalProposal, isLegalReply, isLegalResponse } from '../rules/legal.ts';
import { applyProposal, applyReply, applyResponse, type AiNote } from '../rules/round.ts';
import type { GameState, Proposal, Reply, Response, RoundRecord } from '../rules/state.ts';
import type { Persona, Scenario } from '../scenario/schema.ts';
import type { GameEvent } from './event-schema.ts';
import type { TablePhase } from './phase.ts';

/** A kind of move, whatever it carries: what the machine, the bots and the replay ask of it. */
export interface MoveKind {
  /** The type of the event that carries it. */
  event: GameEvent['type'];
  /** The phase in which it is made. */
  phase: TablePhase;
  /** Which side of the round makes it. */
  mover: 'proposer' | 'responder';
  /** Whether `event` is this move and the rules allow it now. */
  legal(scenario: Scenario, state: GameState, event: GameEvent): boolean;
  /** The game after a player's move (`event` must be legal). */
  play(scenario: Scenario, state: GameState, event: GameEvent): GameState;
  /** The game after the AI's move for `persona`, with its reasons noted. */
  playAi(scenario: Scenario, state: GameState, persona: Persona): GameState;
  /** The event a bot policy sends for this move. */
  botEvent(policy: Policy, view: BotView): GameEvent;
  /** The move in a few words, for a report ("a response (reject) by us"), or null if `event` is not this move. */
  describe(event: GameEvent): string | null;
}

/** What declaring a kind of move takes; `M` is what its event carries. */
interface MoveSpec<M extends { side: string }> extends Pick<MoveKind, 'event' | 'phase' | 'mover'> {
  /** The move an event carries, or null when the event is of another kind. */
  carried(event: GameEvent): M | null;
  wrap(move: M): GameEvent;
  legal(scenario: Scenario, state: GameState, move: M): boolean;
  apply(scenario: Scenario, state: GameState, move: M, note?: AiNote, rng?: number): GameState;
  ai(scenario: Scenario, state: GameState, side: string, persona: Persona): AiChoice<M>;
  bot(policy: Policy, view: BotView): M;
  /** The move's name in a report, without its side. */
  name(move: M): string;
}

function declare<M extends { side: string }>(spec: MoveSpec<M>): MoveKind {
  const moved = (event: GameEvent) => {
    const move = spec.carried(event);
    if (!move) throw new Error(`expected a ${spec.event} event, got ${event.type}`);
    return move;
  };
  return {
    event: spec.event,
    phase: spec.phase,
    mover: spec.mover,
    legal: (scenario, state, event) => {
      const move = spec.carried(event);
      return move !== null && spec.legal(scenario, state, move);
    },
    play: (scenario, state, event) => spec.apply(scenario, state, moved(event)),
    playAi: (scenario, state, persona) => {
      const choice = spec.ai(scenario, state, moverOf(state, spec.mover), persona);
      return spec.apply(scenario, state, choice.move, choice, choice.rng);
    },
    botEvent: (policy, view) => spec.wrap(spec.bot(policy, view)),
    describe: (event) => {
      const move = spec.carried(event);
      return move && `${spec.name(move)} by ${move.side}`;
    },
  };
}

/** The side that makes a move of the current round. */
export function moverOf(state: GameState, mover: MoveKind['mover']): string {
  const record: RoundRecord = state.rounds[state.round]!;
  return record[mover];
}

const proposal = declare<Proposal>({
  event: 'PROPOSE',
  phase: 'proposal',
  mover: 'proposer',
  carried: (event) => (event.type === 'PROPOSE' ? event.proposal : null),
  wrap: (move) => ({ type: 'PROPOSE', proposal: move }),
  legal: isLegalProposal,
  apply: applyProposal,
  ai: aiPropose,
  bot: (policy, view) => policy.propose(view),
  name: () => 'a proposal',
});

const response = declare<Response>({
  event: 'RESPOND',
  phase: 'response',
  mover: 'responder',
  carried: (event) => (event.type === 'RESPOND' ? event.response : null),
  wrap: (move) => ({ type: 'RESPOND', response: move }),
  legal: isLegalResponse,
  apply: applyResponse,
  ai: aiRespond,
  bot: (policy, view) => policy.respond(view),
  name: (move) => `a response (${move.kind})`,
});

const reply = declare<Reply>({
  event: 'REPLY',
  phase: 'counter',
  mover: 'proposer',
  carried: (event) => (event.type === 'REPLY' ? event.reply : null),
  wrap: (move) => ({ type: 'REPLY', reply: move }),
  legal: isLegalReply,
  apply: applyReply,
  ai: aiReply,
  bot: (policy, view) => policy.reply(view),
  name: (move) => `a reply (${move.kind})`,
});

/** Every kind of move, by the phase in which it is made. */
export const MOVES: Readonly<Record<TablePhase, MoveKind>> = { proposal, response, counter: reply };

/** The kind of move an event carries, or null for the events that carry none (START, CONTINUE). */
export function moveOf(event: GameEvent): MoveKind | null {
  return Object.values(MOVES).find((kind) => kind.event === event.type) ?? null;
}
