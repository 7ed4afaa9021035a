import { Client, cacheExchange, fetchExchange } from 'urql';

/**
 * One urql client for the app; POST only (the API's CSRF prevention refuses plain GETs).
 * Every request asks for the page's language, so the API's own messages (e.g. an
 * InputInvalidError's text shown next to a field) speak the language of the page.
 */
export const client = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  preferGetMethod: false,
  requestPolicy: 'cache-and-network',
  fetchOptions: () => ({
    headers: { 'accept-language': document.documentElement.lang || 'de' },
  }),
});
