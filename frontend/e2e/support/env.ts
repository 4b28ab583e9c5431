// Where the browser tests point: the server under test (E2E_BASE_URL) and Debian's chromium.
export const BASE_URL = (process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8000').replace(/\/$/, '');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = process.env.SYNAPSE_DEMO_PASSWORD ?? 'synapse-demo';
/** Where a failing test leaves a screenshot. */
export const ARTIFACTS_DIR = new URL('../artifacts/', import.meta.url).pathname;
