/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset paths, so the built site works at the root of a host or under a sub-path.
  base: './',
  build: {
    // Phaser is one 1.4 MB library in a chunk of its own; there is nothing in it to split further.
    chunkSizeWarningLimit: 1500,
    // Phaser in a chunk of its own: it changes rarely, so browsers keep it cached across releases.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'phaser', test: /node_modules[\\/]phaser[\\/]/ }],
        },
      },
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
