import { createUnionType } from '@nestjs/graphql';
import { InputInvalidError } from '../errors/input-invalid.error.js';
import { ManageLinkRequested } from '../models/manage-link-requested.model.js';
import { resolveResultType } from './resolve-result-type.js';

export const RequestManageLinkResult = createUnionType({
  name: 'RequestManageLinkResult',
  description:
    'The request was taken (the same answer for registered and unknown addresses), or its input was refused.',
  types: () => [ManageLinkRequested, InputInvalidError] as const,
  resolveType: resolveResultType,
});
