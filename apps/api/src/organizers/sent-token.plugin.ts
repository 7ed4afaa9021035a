import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../graphql/context.js';

/**
 * A bearer token that is sent is checked before any field runs, whatever the
 * operation asks for: an invalid or expired one is UNAUTHENTICATED on every
 * operation, public reads such as `myRegistration` included, never silently
 * anonymous (docs/decisions.md). Resolvers that never ask for the organizer
 * would otherwise answer as if no token had been sent.
 */
export const sentTokenPlugin: ApolloServerPlugin<GraphQLContext> = {
  requestDidStart() {
    return Promise.resolve({
      async didResolveOperation({ contextValue }) {
        if (contextValue.req.headers.authorization) await contextValue.auth.organizer();
      },
    });
  },
};
