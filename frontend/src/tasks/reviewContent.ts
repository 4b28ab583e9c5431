// What a task asks to decide: the view of its report's phase outputs to show, and names for the query's types.
import type { Phase, TaskReviewContentQuery } from '../gql/graphql';

export type ReviewContent = NonNullable<TaskReviewContentQuery['tasks']['nodes'][number]['cycleReport']>;
export type ReviewAttribute = ReviewContent['attributes'][number];
export type ReviewSample = ReviewContent['samples'][number];
export type ReviewAssignment = ReviewContent['ownerAssignments'][number];

/** attributes (planning), their scoping, the samples drawn, or the data owners of each attribute and LOB. */
export type ReviewView = 'attributes' | 'scoping' | 'samples' | 'owners';

const VIEWS: Partial<Record<Phase, ReviewView>> = {
  PLANNING: 'attributes',
  SCOPING: 'scoping',
  SAMPLE_SELECTION: 'samples',
  DATA_OWNER_IDENTIFICATION: 'owners',
};

/** The view a task of `phase` shows under "What you are deciding", or null when its phase has none (yet). */
export function reviewViewFor(phase: Phase): ReviewView | null {
  return VIEWS[phase] ?? null;
}

/** The task's report outputs out of the viewer's open tasks of its cycle; undefined when the task is no longer open. */
export function contentOfTask(
  nodes: TaskReviewContentQuery['tasks']['nodes'],
  taskId: string,
): ReviewContent | null | undefined {
  const task = nodes.find((n) => n.id === taskId);
  return task ? task.cycleReport : undefined;
}

/** How many are in scope, for the scoping view's summary. */
export function inScopeCount(attributes: readonly ReviewAttribute[]): number {
  return attributes.filter((a) => a.scoping?.inScope === true).length;
}
