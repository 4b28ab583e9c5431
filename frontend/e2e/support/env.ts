// Where the browser tests point: the server under test (E2E_BASE_URL), its database (E2E_DATABASE_URL) and Debian's chromium.
export const BASE_URL = (process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8000').replace(/\/$/, '');
/** The database of the server under test, for the little setup the API cannot make (see support/db.ts); the default
 * is start_all_services.sh's (.env.example). */
export const DATABASE_URL = process.env.E2E_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/synapse';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = process.env.SYNAPSE_DEMO_PASSWORD ?? 'synapse-demo';
/** Where a failing test leaves a screenshot. */
export const ARTIFACTS_DIR = new URL('../artifacts/', import.meta.url).pathname;
