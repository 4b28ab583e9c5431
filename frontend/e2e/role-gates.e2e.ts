// Browser test: the Start Workflow button and monitoring are offered to test managers, not to testers.
import { describe, expect, it } from 'vitest';
import { createCycle, firstVisibleCycle } from './support/api';
import { newPage, signIn, useBrowser } from './support/browser';

describe('role gates', () => {
  const session = useBrowser();

  it('shows a tester the pipeline but no Start Workflow button and no monitoring link', async () => {
    const page = await newPage(session.browser);
    const cycle = await firstVisibleCycle('tester');
    await signIn(page, 'tester');
    await page.goto(`/cycles/${cycle.id}`);
    await page.getByTestId('phase-PLANNING').waitFor();
    expect(await page.getByRole('button', { name: 'Start Workflow' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Cancel workflow/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Monitoring' }).count()).toBe(0);
    await page.context().close();
  });

  it('shows a test manager the Start Workflow button and the monitoring link', async () => {
    const page = await newPage(session.browser);
    const cycle = await createCycle(`e2e gates ${Date.now()}`, 1);
    await signIn(page, 'test-manager');
    await page.goto(`/cycles/${cycle.id}`);
    await page.getByRole('button', { name: 'Start Workflow' }).waitFor();
    expect(await page.getByRole('link', { name: 'Monitoring' }).count()).toBe(1);
    await page.context().close();
  });
});
