/**
 * The one machine that sequences a game: setup → (briefing → [proposal] → [response] → [counter] →
 * resolution → [incident]) per round → an end state (agreement, partial deal,
 * stalemate, walk-out or war). Its guards and actions only call the pure rules;
 * the AI side moves by itself, in the same step as the player's event before its turn, so the event
 * log holds only what players did, and replaying it reproduces every state.
 */
import { and, assign, enqueueActions, setup } from 'xstate';
import { aiPropose, aiReply, aiRespond, personaOf } from '../ai/counterpart.ts';
import { isLegalProposal, isLegalReply, isLegalResponse } from '../rules/legal.ts';
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
} from '../rules/round.ts';
import type { GameState, RiskStage, Setup } from '../rules/state.ts';
import { otherSide } from '../rules/world.ts';
import { OUTCOME_KINDS, type OutcomeKind, type Scenario } from '../scenario/schema.ts';
import type { GameEvent } from './event-schema.ts';
import type { Phase } from './phase.ts';
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

/** The AI's persona when it is the AI's turn in the current stage, else null. */
function aiToMove(context: GameContext, stage: 'proposal' | 'response' | 'reply') {
  const game = context.game;
  const record = game?.rounds[game.round];
  if (!game || !record) return null;
  const side = stage === 'response' ? record.responder : record.proposer;
  return personaOf(context.scenario, game, side);
}

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
    legalProposal: ({ context, event }) =>
      event.type === 'PROPOSE' &&
      aiToMove(context, 'proposal') === null &&
      isLegalProposal(context.scenario, started(context), event.proposal),
    legalResponse: ({ context, event }) =>
      event.type === 'RESPOND' &&
      aiToMove(context, 'response') === null &&
      isLegalResponse(context.scenario, started(context), event.response),
    legalReply: ({ context, event }) =>
      event.type === 'REPLY' && aiToMove(context, 'reply') === null && isLegalReply(context.scenario, started(context), event.reply),
    aiProposes: ({ context }) => aiToMove(context, 'proposal') !== null,
    aiResponds: ({ context }) => aiToMove(context, 'response') !== null,
    aiReplies: ({ context }) => aiToMove(context, 'reply') !== null,
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
    propose: assign(({ context, event }) =>
      event.type === 'PROPOSE' ? { game: applyProposal(context.scenario, started(context), event.proposal) } : {},
    ),
    respond: assign(({ context, event }) =>
      event.type === 'RESPOND' ? { game: applyResponse(context.scenario, started(context), event.response) } : {},
    ),
    reply: assign(({ context, event }) =>
      event.type === 'REPLY' ? { game: applyReply(context.scenario, started(context), event.reply) } : {},
    ),
    aiPropose: assign(({ context }) => {
      const game = started(context);
      const side = game.rounds[game.round]!.proposer;
      const choice = aiPropose(context.scenario, game, side, aiToMove(context, 'proposal')!);
      return { game: applyProposal(context.scenario, game, choice.move, choice, choice.rng) };
    }),
    aiRespond: assign(({ context }) => {
      const game = started(context);
      const side = game.rounds[game.round]!.responder;
      const choice = aiRespond(context.scenario, game, side, aiToMove(context, 'response')!);
      return { game: applyResponse(context.scenario, game, choice.move, choice, choice.rng) };
    }),
    aiReply: assign(({ context }) => {
      const game = started(context);
      const side = game.rounds[game.round]!.proposer;
      const choice = aiReply(context.scenario, game, side, aiToMove(context, 'reply')!);
      return { game: applyReply(context.scenario, game, choice.move, choice, choice.rng) };
    }),
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
          { guard: and(['playing', 'aiProposes']), target: 'response', actions: ['aiPropose', 'signalTabled'] },
          { guard: 'playing', target: 'proposal' },
          ...toOver,
        ],
      },
    },
    proposal: {
      tags: 'proposal',
      on: {
        PROPOSE: [
          { guard: and(['legalProposal', 'aiResponds']), target: 'answered', actions: ['propose', 'signalTabled', 'aiRespond'] },
          { guard: 'legalProposal', target: 'response', actions: ['propose', 'signalTabled'] },
        ],
      },
    },
    response: {
      tags: 'response',
      on: { RESPOND: { guard: 'legalResponse', target: 'answered', actions: 'respond' } },
    },
    /** Passes straight on: to the counter stage when the response was a counter-proposal the proposer must answer. */
    answered: {
      always: [
        { guard: and(['countered', 'aiReplies']), target: 'resolution', actions: 'aiReply' },
        { guard: 'countered', target: 'counter' },
        { target: 'resolution' },
      ],
    },
    counter: {
      tags: 'counter',
      on: { REPLY: { guard: 'legalReply', target: 'resolution', actions: 'reply' } },
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
