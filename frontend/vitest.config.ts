// Vitest config for unit tests of pure logic (src/**/*.test.ts); browser tests live in e2e/.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
