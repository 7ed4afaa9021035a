import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ValidationRule } from 'graphql';

/**
 * Limits on the shape of one GraphQL document. The deepest query clients need
 * (registrations → edges → node → event → agenda → workshops → hosts → name,
 * 8 levels) and the full agenda query pass with room to spare; see
 * test/query-limits.e2e-spec.ts.
 */
export const QUERY_LIMITS = {
  maxDepth: 12,
  maxAliases: 20,
  maxDirectives: 20,
  /** Lexical tokens per document; the agenda query with every field is ~150. */
  maxTokens: 3000,
  /** graphql-armor's cost: objects 2, scalars 1, ×1.5 per level, × a literal `first`. */
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
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: true },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  });
  const { validationRules, plugins } = armor.protect();
  return {
    validationRules: validationRules as ValidationRule[],
    plugins: plugins as ApolloServerPlugin[],
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    allowBatchedHttpRequests: false,
  };
}
