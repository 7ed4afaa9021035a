import { Client, cacheExchange, fetchExchange } from 'urql';

/** One urql client for the app; POST only (the API's CSRF prevention refuses plain GETs). */
export const client = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  preferGetMethod: false,
  requestPolicy: 'cache-and-network',
});
