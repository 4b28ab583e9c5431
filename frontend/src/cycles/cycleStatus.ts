// What a cycle's status allows: once it is over, its testers and workflow settings can no longer change.

/** Whether the cycle is over (COMPLETED or CANCELLED): the server answers CONFLICT to changes. */
export function cycleIsOver(status: string): boolean {
  return status === 'COMPLETED' || status === 'CANCELLED';
}
