// Preloaded (`node --import`) into a spawned built server by test/log-secrets.e2e-spec.ts:
// makes `viewer` fail unexpectedly, with personal data and a token in the error
// message, as a database error quoting its values would.
import 'reflect-metadata';
import { AuthResolver } from '../../dist/apps/api/src/organizers/auth.resolver.js';

const original = AuthResolver.prototype.viewer;
function viewer() {
  throw new Error(process.env.FACHTAG_FAULT_MESSAGE ?? 'injected fault');
}
// Nest finds resolvers by the metadata on the method's function object
for (const key of Reflect.getOwnMetadataKeys(original)) {
  Reflect.defineMetadata(key, Reflect.getOwnMetadata(key, original), viewer);
}
AuthResolver.prototype.viewer = viewer;
