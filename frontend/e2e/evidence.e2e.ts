// Browser test: a data owner submits evidence for a test case from the inbox, then submits the request.
import { describe, expect, it } from 'vitest';
import { approveUntilEvidence, cancelWorkflow, createCycle, findTask, startWorkflow } from './support/api';
import { signIn, useBrowser } from './support/browser';

describe('evidence from a data owner', () => {
  const session = useBrowser();

  it('saves a new evidence version and submits the request', async () => {
    const { page } = session;
    const cycle = await createCycle(`e2e evidence ${Date.now()}`, 1);
    const executionId = await startWorkflow(cycle.token, cycle.id, 'MANUAL');
    session.afterwards(() => cancelWorkflow(cycle.token, executionId));
    const task = await approveUntilEvidence(cycle.id);
    const owner = task.assignee?.username;
    expect(owner).toBeDefined();

    await signIn(page, owner!);
    await page.goto('/inbox');
    const card = page.getByTestId(`task-${task.id}`);
    await card.waitFor();
    // The request it answers, and its state, are on the card.
    await card.getByTestId('request-status').locator('[data-status="SENT"]').waitFor();
    const firstCase = task.testCases[0]!;
    const label = `${firstCase.sampleKey} ${firstCase.attributeName}`;
    await card.getByLabel(`Evidence value for ${label}`).fill('12345.67');
    await card.getByLabel(`Document reference for ${label}`).fill('core-banking screen 7');
    await card.getByRole('row').filter({ hasText: firstCase.attributeName }).filter({ hasText: firstCase.sampleKey }).getByRole('button', { name: 'Save' }).click();
    await card.getByText('12345.67').waitFor();
    await card.getByText('v1', { exact: true }).waitFor();

    await card.getByRole('button', { name: 'Submit the request' }).click();
    await card.waitFor({ state: 'detached' });
    expect((await findTask(owner!, task.id))?.status).toBe('COMPLETED');
  });
});
