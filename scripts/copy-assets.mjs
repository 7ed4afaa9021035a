// Copies the non-TypeScript files the server reads at run time into dist/.
import { cpSync } from 'node:fs';

cpSync('libs/mail/src/templates', 'dist/libs/mail/src/templates', { recursive: true });
