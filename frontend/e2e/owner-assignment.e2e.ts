// Browser test: when phase 4 leaves attribute/LOB pairs unmapped (the LOB had no active data owner then), the data executive
// names a data owner for one pair under "What you are deciding" (`{"assignments": [{attributeId, lobId, dataOwnerId}]}`) and
// approves; the API then shows that owner on that pair (method MANUAL) and the other pairs still unmapped.
import { describe, expect, it, vi } from 'vitest';
import { execute } from '../src/api/graphqlClient';
import { DataOwnersQuery } from '../src/api/operations/tasks';
import { advanceUntil, cancelWorkflow, createCycle, cycleOutputs, findTask, startWorkflow, tokenFor } from './support/api';
import { approveTask, openInboxTask, useBrowser } from './support/browser';
import { deactivateDataOwnersOfReportLob } from './support/db';
import { BASE_URL } from './support/env';

describe('data owner assignment', () => {
  const session = useBrowser();

  it("stores the data owner the data executive names for an unmapped pair once the assignment is approved", async () => {
    const { page } = session;
    const cycle = await createCycle(`e2e owner assignment ${Date.now()}`, 1);
    // No API takes data owners away: their LOB loses them in the database until the assignment task is open.
    const lob = await deactivateDataOwnersOfReportLob(cycle.reportIds[0]!);
    session.afterwards(lob.restore);
    expect(lob.owners.length).toBeGreaterThan(0);
    const token = await tokenFor('test-manager');
    const listed = await execute(DataOwnersQuery, {}, { endpoint: `${BASE_URL}/graphql`, token });
    // Else E2E_DATABASE_URL is not the database of the server at E2E_BASE_URL.
    expect(listed.users.nodes.filter((u) => lob.owners.some((o) => o.id === u.id))).toEqual([]);

    const executionId = await startWorkflow(cycle.token, cycle.id, 'MANUAL');
    session.afterwards(() => cancelWorkflow(cycle.token, executionId));
    const task = await advanceUntil(cycle.id, 'DATA_OWNER_IDENTIFICATION', 'ASSIGNMENT').finally(lob.restore);
    expect(task.assigneeRole).toBe('DATA_EXECUTIVE');

    // The pair to assign, unmapped, and whom to give it: one of its LOB's data owners, back now.
    const [before] = (await cycleOutputs(cycle.id)).cycleReports;
    const unmapped = before?.ownerAssignments.filter((a) => a.method === 'UNMAPPED') ?? [];
    const pair = unmapped.find((a) => a.lob?.id === lob.lobId);
    if (!pair?.attribute || !pair.lob) throw new Error(`no unmapped pair of LOB ${lob.lobId}`);
    expect(pair.dataOwner).toBeNull();
    const owner = lob.owners.at(-1)!;

    const card = await openInboxTask(page, 'data-executive', task.id);
    // Open at once: the assignment cannot be made without its pairs.
    const table = card.getByTestId('review-owners');
    await table.waitFor();
    const select = table.getByLabel(`Data owner for ${pair.attribute.name} (${pair.lob.code})`, { exact: true });
    await select.locator('option', { hasText: `(${owner.username})` }).waitFor({ state: 'attached' });
    await select.selectOption({ label: `${owner.displayName} (${owner.username})` });
    await card.getByTestId('decision-payload').getByText('Assigns owners to 1 pair').waitFor();
    await approveTask(page, card, 'owner-assignment');
    expect((await findTask('data-executive', task.id))?.decision).toBe('APPROVE');

    // Closing the task stores the assignment (an activity of the run, so shortly after the decision).
    const key = (a: (typeof unmapped)[number]) => `${a.attribute?.id}:${a.lob?.id}`;
    await vi.waitFor(
      async () => {
        const [after] = (await cycleOutputs(cycle.id)).cycleReports;
        const assigned = after?.ownerAssignments.find((a) => key(a) === key(pair));
        expect(assigned).toMatchObject({ dataOwner: { id: owner.id, username: owner.username }, method: 'MANUAL' });
        const stillUnmapped = after?.ownerAssignments.filter((a) => a.method === 'UNMAPPED').map(key);
        expect(stillUnmapped).toEqual(unmapped.filter((a) => a !== pair).map(key));
      },
      { timeout: 15_000, interval: 300 },
    );
  });
});
