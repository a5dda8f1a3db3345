// Generates src/generated from the contract at the repository root (scripts/openapi.sh runs it after regenerating
// openapi.yaml). OPENAPI_TS_OUTPUT writes elsewhere: the staleness test generates into a temporary folder and compares.
import { defineConfig } from '@hey-api/openapi-ts';

export default defineConfig({
  input: '../../openapi.yaml',
  output: { path: process.env.OPENAPI_TS_OUTPUT ?? './src/generated', postProcess: [] },
  plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
});
