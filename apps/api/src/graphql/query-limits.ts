import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ValidationRule } from 'graphql';

/**
 * Limits on the shape of one GraphQL document. Fragments do not count as a
 * level. The full agenda query (event → agenda → workshops → hosts → name) has
 * depth 5 and cost ~170; the deepest sensible query (registrations → edges →
 * node → event → agenda → workshops → hosts → name) has depth 8. Depth is kept
 * that low because Workshop.phase and AgendaItem.workshops form a cycle: every
 * two further levels multiply the response by the workshops per phase.
 */
export const QUERY_LIMITS = {
  maxDepth: 8,
  maxAliases: 15,
  maxDirectives: 20,
  /** Lexical tokens per document; the agenda query with every field has ~100. */
  maxTokens: 2000,
  /**
   * graphql-armor's cost: objects 2, scalars 1, ×1.5 per level, × a literal
   * `first`/`last`. `events(first: 100)` with the whole agenda of every event
   * costs ~18,000. A `first` given as a variable is not counted, so resolvers
   * cap their page sizes themselves.
   */
  maxCost: 20_000,
  /** Bytes of one request body. */
  maxBodyBytes: 100 * 1024,
} as const;

/** The parts of Apollo's options that enforce {@link QUERY_LIMITS}. */
export interface QueryLimitOptions {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin[];
  parseOptions: { maxTokens: number };
  allowBatchedHttpRequests: false;
}

/**
 * graphql-armor's validation rules for depth, aliases, directives and cost
 * (refusals are GRAPHQL_VALIDATION_FAILED, HTTP 400), and its field-suggestion
 * masking in production. The token limit is graphql-js' own `maxTokens` parse
 * option: armor's Apollo max-tokens plugin throws from `parsingDidStart`, which
 * Apollo answers with HTTP 500 (graphql-armor#751), also for plain syntax errors.
 */
export function queryLimitOptions(production: boolean): QueryLimitOptions {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: true, flattenFragments: true },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  });
  const { validationRules, plugins } = armor.protect();
  return {
    validationRules,
    // armor's typings come from Apollo's CommonJS build, ours from its ESM build
    plugins: plugins as ApolloServerPlugin[],
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    allowBatchedHttpRequests: false,
  };
}
