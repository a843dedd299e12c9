/** When a scenario event's trigger holds at the opening of the current round. */
import type { Condition, Scenario, ScenarioEvent } from '../scenario/schema.ts';
import type { GameState } from './state.ts';

export function conditionHolds(condition: Condition, state: GameState): boolean {
  if (condition.riskAtLeast !== undefined && state.risk < condition.riskAtLeast) return false;
  if (condition.riskBelow !== undefined && state.risk >= condition.riskBelow) return false;
  if (condition.fromRound !== undefined && state.round + 1 < condition.fromRound) return false;
  if (condition.agreed !== undefined && !(condition.agreed in state.agreed)) return false;
  if (condition.agreedOn !== undefined && !condition.agreedOn.positions.includes(state.agreed[condition.agreedOn.track]?.position ?? '')) {
    return false;
  }
  if (condition.open !== undefined && condition.open in state.agreed) return false;
  if (condition.moveUsed !== undefined && !state.usedMoves.includes(condition.moveUsed)) return false;
  return true;
}

export function eventFires(scenario: Scenario, state: GameState, event: ScenarioEvent): boolean {
  if (event.trigger.kind === 'scripted') return scenario.rounds[state.round]?.id === event.trigger.round;
  return conditionHolds(event.trigger.when, state);
}
