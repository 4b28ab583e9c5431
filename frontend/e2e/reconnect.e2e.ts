// Browser test: when the websocket drops mid-run, the page reconnects, resumes with afterSeq, and still sees every phase complete.
import type { WebSocketRoute } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createCycle } from './support/api';
import { screenshot, signIn, useBrowser } from './support/browser';
import { waitForAllPhases } from './support/pipeline';

interface Subscribe {
  afterSeq: number | null;
}

describe('live updates across a dropped connection', () => {
  const session = useBrowser();

  it('resumes from the last seq it applied, without duplicates', async () => {
    const { page } = session;
    const subscribes: Subscribe[] = [];
    /** seq of every event the page received, per connection. */
    const received: number[][] = [];
    let pageSide: WebSocketRoute | undefined;
    let serverSide: WebSocketRoute | undefined;
    await page.routeWebSocket(/\/graphql\/ws$/, (ws) => {
      const server = ws.connectToServer();
      const seqs: number[] = [];
      received.push(seqs);
      pageSide = ws;
      serverSide = server;
      ws.onMessage((message) => {
        const parsed = JSON.parse(String(message)) as { type: string; payload?: { query?: string; variables?: Subscribe } };
        // Only the cycle's workflowEvents: the header's notifications bell follows taskEvents on the same socket.
        const workflow = parsed.payload?.query?.includes('workflowEvents') ?? false;
        if (parsed.type === 'subscribe' && workflow && parsed.payload?.variables) subscribes.push(parsed.payload.variables);
        server.send(message);
      });
      server.onMessage((message) => {
        const parsed = JSON.parse(String(message)) as { type: string; payload?: { data?: { workflowEvents?: { seq: number } } } };
        const seq = parsed.payload?.data?.workflowEvents?.seq;
        if (parsed.type === 'next' && seq !== undefined) seqs.push(seq);
        ws.send(message);
      });
    });

    const cycle = await createCycle(`e2e reconnect ${Date.now()}`, 1);
    await signIn(page, 'test-manager');
    await page.goto(`/cycles/${cycle.id}`);
    await page.locator('[data-live="live"]').first().waitFor();
    await page.getByRole('button', { name: 'Start Workflow' }).click();
    await page.getByLabel(/^Auto/).check();
    await page.getByRole('button', { name: 'Start Workflow' }).click();

    // Drop the connection once the planning phase has completed for the report.
    await page.locator('[data-phase="PLANNING"][data-status="COMPLETED"]').waitFor({ timeout: 30_000 });
    const beforeDrop = received.length;
    await serverSide?.close({ code: 1012, reason: 'test drops the connection' });
    await pageSide?.close({ code: 1012, reason: 'test drops the connection' });

    try {
      await waitForAllPhases(page, 'COMPLETED', 60_000);
    } catch (error) {
      await screenshot(page, 'reconnect-timeout');
      throw error;
    }
    expect(received.length).toBeGreaterThan(beforeDrop);
    // The first subscription asked for the whole log; the one after the drop resumed from the last
    // seq the page had applied (events still in flight when the socket dropped are replayed).
    expect(subscribes[0]?.afterSeq).toBe(0);
    const resumedAt = subscribes.at(-1)?.afterSeq ?? 0;
    const forwardedBeforeDrop = received.slice(0, beforeDrop).flat();
    expect(resumedAt).toBeGreaterThan(0);
    expect(resumedAt).toBeLessThanOrEqual(Math.max(...forwardedBeforeDrop));
    const after = received.slice(beforeDrop).flat();
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((seq) => seq > resumedAt)).toBe(true);
    expect(new Set(after).size).toBe(after.length);
  });
});
