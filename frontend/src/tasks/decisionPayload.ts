// The structured part of a decision (TaskDecisionInput.payload), by task: planning exclusions, scoping overrides,
// data owner assignments, observation severity overrides; which task takes which, and what the server would refuse.
import type { Decision, Phase, Role, TaskKind } from '../gql/graphql';
import type { Severity } from './reviewContent';

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

/** One observation given another severity (numeric id, as the server reads it), with the reason. */
export interface SeverityOverride {
  observationId: number;
  severity: Severity;
  reason: string;
}

export type DecisionPayload =
  | { exclude: string[] }
  | { overrides: ScopeOverride[] }
  | { assignments: OwnerAssignmentChoice[] }
  | { severityOverrides: SeverityOverride[] };

export type PayloadKind = 'exclude' | 'overrides' | 'assignments' | 'severityOverrides';

/** The payload a task takes from this form: planning APPROVAL, scoping REVIEW, owner ASSIGNMENT, and observation
 * APPROVAL when the viewer (a report owner executive or an admin) may override severities; else null. */
export function payloadKindFor(task: { phase: Phase; kind: TaskKind }, role?: Role): PayloadKind | null {
  if (task.phase === 'PLANNING' && task.kind === 'APPROVAL') return 'exclude';
  if (task.phase === 'SCOPING' && task.kind === 'REVIEW') return 'overrides';
  if (task.phase === 'DATA_OWNER_IDENTIFICATION' && task.kind === 'ASSIGNMENT') return 'assignments';
  if (task.phase === 'OBSERVATION_MANAGEMENT' && task.kind === 'APPROVAL') {
    return role === 'REPORT_OWNER_EXECUTIVE' || role === 'ADMIN' ? 'severityOverrides' : null;
  }
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

/** A severity chosen for one observation in the form, with its reason. */
export interface SeverityChoice {
  severity: Severity;
  reason: string;
}

/** `{"severityOverrides": [...]}` (numeric ids, trimmed reasons) for the observations given a severity other than
 * their own, in the order given; null when none is. */
export function severityPayload(
  observations: readonly { id: string; severity: string }[],
  chosen: Readonly<Record<string, SeverityChoice>>,
): DecisionPayload | null {
  const severityOverrides = observations.flatMap((o) => {
    const choice = chosen[o.id];
    return choice && choice.severity !== o.severity
      ? [{ observationId: Number(o.id), severity: choice.severity, reason: choice.reason.trim() }]
      : [];
  });
  return severityOverrides.length > 0 ? { severityOverrides } : null;
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
  if ('severityOverrides' in payload) {
    if (decision !== 'APPROVE') return 'Severity changes go with an approval: choose Approve, or put the severities back.';
    if (payload.severityOverrides.some((o) => o.reason.trim() === '')) return 'Every severity change needs a reason.';
  }
  return null;
}

/** One line saying what the payload sends, for the decision form. */
export function payloadSummary(payload: DecisionPayload | null): string | null {
  if (!payload) return null;
  if ('exclude' in payload) return `Sends back without: ${payload.exclude.join(', ')}`;
  if ('overrides' in payload) return `Overrides the scope of ${plural(payload.overrides.length, 'attribute')}`;
  if ('assignments' in payload) return `Assigns owners to ${plural(payload.assignments.length, 'pair')}`;
  return `Changes the severity of ${plural(payload.severityOverrides.length, 'observation')}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
