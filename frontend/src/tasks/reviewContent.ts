// What a task asks to decide: the view of its report's phase outputs to show (phase 7: the report's observations),
// and names for the query's types.
import type { Phase, TaskReviewContentQuery } from '../gql/graphql';

export type ReviewContent = NonNullable<TaskReviewContentQuery['tasks']['nodes'][number]['cycleReport']>;
export type ReviewAttribute = ReviewContent['attributes'][number];
export type ReviewSample = ReviewContent['samples'][number];
export type ReviewAssignment = ReviewContent['ownerAssignments'][number];
type ReviewNode = TaskReviewContentQuery['tasks']['nodes'][number];
export type ReviewObservation = NonNullable<ReviewNode['cycle']>['observations'][number];

/** attributes (planning), their scoping, the samples drawn, the data owners of each attribute and LOB, or the
 * observations testing found. */
export type ReviewView = 'attributes' | 'scoping' | 'samples' | 'owners' | 'observations';

const VIEWS: Partial<Record<Phase, ReviewView>> = {
  PLANNING: 'attributes',
  SCOPING: 'scoping',
  SAMPLE_SELECTION: 'samples',
  DATA_OWNER_IDENTIFICATION: 'owners',
  OBSERVATION_MANAGEMENT: 'observations',
};

/** The view a task of `phase` shows under "What you are deciding", or null when its phase has none (yet). */
export function reviewViewFor(phase: Phase): ReviewView | null {
  return VIEWS[phase] ?? null;
}

/** The task's report outputs out of the viewer's open tasks of its cycle; undefined when the task is no longer open. */
export function contentOfTask(
  nodes: readonly Pick<ReviewNode, 'id' | 'cycleReport'>[],
  taskId: string,
): ReviewContent | null | undefined {
  const task = nodes.find((n) => n.id === taskId);
  return task ? task.cycleReport : undefined;
}

/** How many are in scope, for the scoping view's summary. */
export function inScopeCount(attributes: readonly ReviewAttribute[]): number {
  return attributes.filter((a) => a.scoping?.inScope === true).length;
}

/** The observations of the task's own report, out of its cycle's (read only for the observations view); undefined
 * when the task is no longer open or they were not read, empty when the task is not about one report. */
export function observationsOfTask(
  nodes: readonly Pick<ReviewNode, 'id' | 'report' | 'cycle'>[],
  taskId: string,
): ReviewObservation[] | undefined {
  const task = nodes.find((n) => n.id === taskId);
  if (!task?.cycle) return undefined;
  const reportId = task.report?.id;
  return reportId === undefined ? [] : task.cycle.observations.filter((o) => o.report?.id === reportId);
}

/** The severities, from most to least serious (Observation.severity). */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

/** How many observations there are of each severity, most serious first, leaving out the severities with none. */
export function severityCounts(observations: readonly { severity: string }[]): { severity: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const o of observations) counts.set(o.severity, (counts.get(o.severity) ?? 0) + 1);
  const rank = (s: string) => (isSeverity(s) ? SEVERITIES.indexOf(s) : SEVERITIES.length);
  return [...counts].map(([severity, count]) => ({ severity, count })).sort((a, b) => rank(a.severity) - rank(b.severity));
}
