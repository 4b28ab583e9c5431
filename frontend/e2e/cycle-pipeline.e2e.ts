// Browser test: the cycle page draws the eight-phase pipeline, phases 3 and 4 side by side, and goes live.
import { describe, expect, it } from 'vitest';
import { createCycle } from './support/api';
import { signIn, useBrowser } from './support/browser';
import { phaseStatuses } from './support/pipeline';

describe('cycle page', () => {
  const session = useBrowser();

  it('shows the pipeline of a cycle that has not run yet', async () => {
    const { page } = session;
    const cycle = await createCycle(`e2e pipeline ${Date.now()}`, 2);
    await signIn(page, 'test-manager');
    await page.goto(`/cycles/${cycle.id}`);
    await page.getByRole('heading', { name: cycle.name }).waitFor();
    await page.getByTestId('phase-FINALIZE_TEST_REPORT').waitFor();

    const statuses = await phaseStatuses(page);
    expect(Object.keys(statuses)).toEqual([
      'PLANNING',
      'SCOPING',
      'SAMPLE_SELECTION',
      'DATA_OWNER_IDENTIFICATION',
      'REQUEST_FOR_INFORMATION',
      'TEST_EXECUTION',
      'OBSERVATION_MANAGEMENT',
      'FINALIZE_TEST_REPORT',
    ]);
    expect(new Set(Object.values(statuses))).toEqual(new Set(['PENDING']));

    // Phases 3 and 4 share one column of the pipeline.
    const parallel = page.locator('.pipeline__column--parallel [data-phase]');
    expect(await parallel.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-phase')))).toEqual([
      'SAMPLE_SELECTION',
      'DATA_OWNER_IDENTIFICATION',
    ]);

    await page.locator('[data-live="live"]').first().waitFor();
  });
});
