/**
 * The one machine that sequences a game: setup → (briefing → [proposal] → [response] → [counter] →
 * resolution → [incident]) per round → an end state (agreement, partial deal,
 * stalemate, walk-out or war). Its guards and actions only call the pure rules;
 * the AI side moves by itself, in the same step as the player's event before its turn, so the event
 * log holds only what players did, and replaying it reproduces every state.
 */
import { and, assign, enqueueActions, setup } from 'xstate';
import { personaOf } from '../ai/counterpart.ts';
import { advanceRound, applyIncident, hasPendingIncident, newGame, openRound, resolveRound } from '../rules/round.ts';
import type { GameState, RiskStage, Setup } from '../rules/state.ts';
import { otherSide } from '../rules/world.ts';
import { OUTCOME_KINDS, type OutcomeKind, type Scenario } from '../scenario/schema.ts';
import type { GameEvent } from './event-schema.ts';
import { MOVES, moverOf } from './moves.ts';
import type { Phase, TablePhase } from './phase.ts';
import { agreedSignal, riskSignal, type GameSignal } from './signals.ts';

export interface GameContext {
  scenario: Scenario;
  /** Null until the game starts. */
  game: GameState | null;
}

export type { GameEvent };

export type GameEventType = GameEvent['type'];

function started(context: GameContext): GameState {
  if (!context.game) throw new Error('the game has not started');
  return context.game;
}

export function isValidSetup(scenario: Scenario, value: Setup): boolean {
  if (!scenario.sides.some((side) => side.id === value.playerSide)) return false;
  if (value.opponent.kind === 'hotseat') return true;
  const aiSide = otherSide(scenario, value.playerSide);
  const personaId = value.opponent.persona;
  return scenario.personas.some((persona) => persona.id === personaId && persona.side === aiSide);
}

/** The AI's persona when it is the AI's turn to make the move of `phase`, else null. */
function aiToMove(context: GameContext, phase: TablePhase) {
  const game = context.game;
  if (!game?.rounds[game.round]) return null;
  return personaOf(context.scenario, game, moverOf(game, MOVES[phase].mover));
}

/** A player's move in `phase` that the rules allow: the machine's guard, with the move table's rule. */
const legal = (phase: TablePhase) => ({ type: 'legalMove' as const, params: { phase } });
/** The AI makes the move of `phase` (it is the AI's turn). */
const aiMoves = (phase: TablePhase) => ({ type: 'aiMoves' as const, params: { phase } });
const move = (phase: TablePhase) => ({ type: 'move' as const, params: { phase } });
const aiMove = (phase: TablePhase) => ({ type: 'aiMove' as const, params: { phase } });

/** The signal of the risk's move at a stage, after the action that moved it. */
const riskAt = (stage: RiskStage) => ({ type: 'signalRisk' as const, params: { stage } });

const toOver = OUTCOME_KINDS.map((kind) => ({
  guard: { type: 'outcomeIs' as const, params: { kind } },
  target: `#red-lines.${kind}`,
}));

export const gameMachine = setup({
  types: {
    context: {} as GameContext,
    events: {} as GameEvent,
    input: {} as { scenario: Scenario },
    tags: {} as Phase,
    emitted: {} as GameSignal,
  },
  guards: {
    validSetup: ({ context, event }) => event.type === 'START' && isValidSetup(context.scenario, event.setup),
    playing: ({ context }) => context.game?.outcome === null,
    outcomeIs: ({ context }, params: { kind: OutcomeKind }) => context.game?.outcome?.kind === params.kind,
    legalMove: ({ context, event }, params: { phase: TablePhase }) =>
      aiToMove(context, params.phase) === null && MOVES[params.phase].legal(context.scenario, started(context), event),
    aiMoves: ({ context }, params: { phase: TablePhase }) => aiToMove(context, params.phase) !== null,
    countered: ({ context }) => {
      const game = started(context);
      return game.rounds[game.round]?.response?.kind === 'counter';
    },
    incidentPending: ({ context }) => hasPendingIncident(started(context)),
  },
  actions: {
    startGame: assign(({ context, event }) => {
      if (event.type !== 'START') return {};
      return { game: openRound(context.scenario, newGame(context.scenario, event.setup)) };
    }),
    move: assign(({ context, event }, params: { phase: TablePhase }) => ({
      game: MOVES[params.phase].play(context.scenario, started(context), event),
    })),
    aiMove: assign(({ context }, params: { phase: TablePhase }) => ({
      game: MOVES[params.phase].playAi(context.scenario, started(context), aiToMove(context, params.phase)!),
    })),
    resolve: assign(({ context }) => ({ game: resolveRound(context.scenario, started(context)) })),
    playIncident: assign(({ context }) => ({ game: applyIncident(context.scenario, started(context)) })),
    nextRound: assign(({ context }) => ({ game: advanceRound(context.scenario, started(context)) })),
    signalTabled: enqueueActions(({ context, enqueue }) => {
      const game = started(context);
      enqueue.emit({ type: 'package-tabled', side: game.rounds[game.round]!.proposer });
    }),
    signalAgreed: enqueueActions(({ context, enqueue }) => {
      const signal = agreedSignal(started(context));
      if (signal) enqueue.emit(signal);
    }),
    signalRisk: enqueueActions(({ context, enqueue }, params: { stage: RiskStage }) => {
      const signal = riskSignal(context.scenario, started(context), params.stage);
      if (signal) enqueue.emit(signal);
    }),
  },
}).createMachine({
  id: 'red-lines',
  context: ({ input }) => ({ scenario: input.scenario, game: null }),
  initial: 'setup',
  states: {
    setup: {
      tags: 'setup',
      on: { START: { guard: 'validSetup', target: 'briefing', actions: ['startGame', riskAt('briefing')] } },
    },
    /**
     * Events may end the game as a round opens: the players read them, then the game ends. The AI
     * makes its move in the same step as the player's event before it, so its stages are never
     * states a player waits in.
     */
    briefing: {
      tags: 'briefing',
      on: {
        CONTINUE: [
          { guard: and(['playing', aiMoves('proposal')]), target: 'response', actions: [aiMove('proposal'), 'signalTabled'] },
          { guard: 'playing', target: 'proposal' },
          ...toOver,
        ],
      },
    },
    proposal: {
      tags: 'proposal',
      on: {
        PROPOSE: [
          {
            guard: and([legal('proposal'), aiMoves('response')]),
            target: 'answered',
            actions: [move('proposal'), 'signalTabled', aiMove('response')],
          },
          { guard: legal('proposal'), target: 'response', actions: [move('proposal'), 'signalTabled'] },
        ],
      },
    },
    response: {
      tags: 'response',
      on: { RESPOND: { guard: legal('response'), target: 'answered', actions: move('response') } },
    },
    /** Passes straight on: to the counter stage when the response was a counter-proposal the proposer must answer. */
    answered: {
      always: [
        { guard: and(['countered', aiMoves('counter')]), target: 'resolution', actions: aiMove('counter') },
        { guard: 'countered', target: 'counter' },
        { target: 'resolution' },
      ],
    },
    counter: {
      tags: 'counter',
      on: { REPLY: { guard: legal('counter'), target: 'resolution', actions: move('counter') } },
    },
    resolution: {
      tags: 'resolution',
      entry: ['resolve', 'signalAgreed', riskAt('resolution')],
      on: {
        CONTINUE: [
          { guard: 'incidentPending', target: 'incident' },
          { guard: 'playing', target: 'briefing', actions: ['nextRound', riskAt('briefing')] },
          ...toOver,
        ],
      },
    },
    incident: {
      tags: 'incident',
      entry: ['playIncident', riskAt('incident')],
      on: { CONTINUE: [{ guard: 'playing', target: 'briefing', actions: ['nextRound', riskAt('briefing')] }, ...toOver] },
    },
    /** The ends of the game, one per outcome. */
    agreement: { type: 'final', tags: 'over' },
    'partial-deal': { type: 'final', tags: 'over' },
    stalemate: { type: 'final', tags: 'over' },
    walkout: { type: 'final', tags: 'over' },
    war: { type: 'final', tags: 'over' },
  },
});

export type GameMachine = typeof gameMachine;
