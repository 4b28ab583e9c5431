// Choosing a report's tester: the options of the select, and the value it shows while a change is on its way.

/** The fields of a user this module reads. */
export interface TesterLike {
  id: string;
  displayName: string;
  username: string;
}

export interface TesterOption {
  id: string;
  label: string;
  /** The assigned tester is no longer among the active testers (kept so the select shows who it is). */
  inactive: boolean;
}

/**
 * The select's testers: the active ones by name, plus the assigned one when they are not among
 * them any more (deactivated, or past the first page), so the select never shows someone else.
 */
export function testerOptions(active: readonly TesterLike[], assigned: TesterLike | null | undefined): TesterOption[] {
  const options = [...active]
    .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.username.localeCompare(b.username))
    .map((t) => ({ id: t.id, label: `${t.displayName} (${t.username})`, inactive: false }));
  if (assigned && !options.some((o) => o.id === assigned.id)) {
    options.push({ id: assigned.id, label: `${assigned.displayName} (${assigned.username}, not an active tester)`, inactive: true });
  }
  return options;
}

/** A change of tester sent for one report, remembered until the cycle is read again. */
export interface PendingAssignment {
  reportId: string;
  /** The tester chosen; null for "Unassigned". */
  testerId: string | null;
  /** The tester the page showed when the change was made. */
  before: string | null;
}

/**
 * The tester id the select shows (null: Unassigned): the one chosen while the page still shows the
 * tester from before the change, then whatever the server says (the change, or someone's later one).
 */
export function shownTesterId(reportId: string, assignedId: string | null, pending: readonly PendingAssignment[]): string | null {
  const change = pending.findLast((p) => p.reportId === reportId);
  if (change && change.before === assignedId) return change.testerId;
  return assignedId;
}
