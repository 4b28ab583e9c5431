// The structured part of a decision (TaskDecisionInput.payload), by task: planning exclusions, scoping overrides,
// data owner assignments; which task takes which, and what would make the server refuse one.
import type { Decision, Phase, TaskKind } from '../gql/graphql';

export interface ScopeOverride {
  attribute: string;
  inScope: boolean;
  reason: string;
}

export interface OwnerAssignmentChoice {
  attributeId: number;
  lobId: number;
  dataOwnerId: number;
}

export type DecisionPayload =
  | { exclude: string[] }
  | { overrides: ScopeOverride[] }
  | { assignments: OwnerAssignmentChoice[] };

export type PayloadKind = 'exclude' | 'overrides' | 'assignments';

/** The payload a task takes from this form: planning APPROVAL, scoping REVIEW, owner ASSIGNMENT; else null. */
export function payloadKindFor(task: { phase: Phase; kind: TaskKind }): PayloadKind | null {
  if (task.phase === 'PLANNING' && task.kind === 'APPROVAL') return 'exclude';
  if (task.phase === 'SCOPING' && task.kind === 'REVIEW') return 'overrides';
  if (task.phase === 'DATA_OWNER_IDENTIFICATION' && task.kind === 'ASSIGNMENT') return 'assignments';
  return null;
}

/** `{"exclude": [...]}` for the attributes ticked, or null when none is. */
export function excludePayload(names: readonly string[]): DecisionPayload | null {
  return names.length > 0 ? { exclude: [...names] } : null;
}

/** `{"overrides": [...]}` with trimmed reasons, or null when nothing is overridden. */
export function overridesPayload(overrides: readonly ScopeOverride[]): DecisionPayload | null {
  if (overrides.length === 0) return null;
  return { overrides: overrides.map((o) => ({ ...o, reason: o.reason.trim() })) };
}

/** One attribute/LOB pair without a data owner, as the form lists it. */
export interface UnmappedPair {
  key: string;
  attributeId: string;
  attributeName: string;
  lobId: string;
  lobLabel: string;
}

interface AssignmentLike {
  attribute?: { id: string; name: string } | null;
  lob?: { id: string; code: string } | null;
  dataOwner?: unknown;
  method: string;
}

/** The pairs still without an owner (method UNMAPPED, or no owner), in the order given. */
export function unmappedPairs(assignments: readonly AssignmentLike[]): UnmappedPair[] {
  return assignments.flatMap((a) =>
    a.attribute && a.lob && (a.method === 'UNMAPPED' || a.dataOwner == null)
      ? [
          {
            key: pairKey(a.attribute.id, a.lob.id),
            attributeId: a.attribute.id,
            attributeName: a.attribute.name,
            lobId: a.lob.id,
            lobLabel: a.lob.code,
          },
        ]
      : [],
  );
}

export function pairKey(attributeId: string, lobId: string): string {
  return `${attributeId}:${lobId}`;
}

/** `{"assignments": [...]}` (numeric ids, as the server reads them) for the pairs given an owner, or null for none. */
export function assignmentPayload(
  pairs: readonly UnmappedPair[],
  chosen: Readonly<Record<string, string>>,
): DecisionPayload | null {
  const assignments = pairs.flatMap((pair) => {
    const owner = chosen[pair.key];
    return owner ? [{ attributeId: Number(pair.attributeId), lobId: Number(pair.lobId), dataOwnerId: Number(owner) }] : [];
  });
  return assignments.length > 0 ? { assignments } : null;
}

/** Why the payload cannot go with this decision (the server would refuse it), or null. */
export function payloadProblem(decision: Decision, payload: DecisionPayload | null): string | null {
  if (!payload) return null;
  if ('exclude' in payload && decision === 'APPROVE') {
    return 'Excluding attributes sends them back: choose Reject or Request changes, or untick them.';
  }
  if ('overrides' in payload && payload.overrides.some((o) => o.reason.trim() === '')) {
    return 'Every scoping override needs a reason.';
  }
  return null;
}

/** One line saying what the payload sends, for the decision form. */
export function payloadSummary(payload: DecisionPayload | null): string | null {
  if (!payload) return null;
  if ('exclude' in payload) return `Sends back without: ${payload.exclude.join(', ')}`;
  if ('overrides' in payload) return `Overrides the scope of ${plural(payload.overrides.length, 'attribute')}`;
  return `Assigns owners to ${plural(payload.assignments.length, 'pair')}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
