import { Inject } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import { HeaderMap } from '@apollo/server';
import type {
  ApolloServerPlugin,
  GraphQLRequestContext,
  GraphQLRequestListener,
} from '@apollo/server';
import {
  GraphQLError,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type SelectionSetNode,
} from 'graphql';
import { ARGUMENT_LIMITED_FIELDS, LOGIN_FIELD } from './rate-limit-rules.js';
import { RateLimiter, type RateDecision } from './rate-limiter.js';

/** The part of the GraphQL context this plugin reads: the Express request. */
export interface HttpContext {
  req?: { ip?: string; log?: { warn(object: object, message: string): void } };
}

/** The root fields of the operation, one entry per occurrence (aliases count). */
export function rootFields(
  document: DocumentNode,
  selectionSet: SelectionSetNode,
  seen = new Set<string>(),
): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      fields.push(...rootFields(document, selection.selectionSet, seen));
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) {
        fields.push(...rootFields(document, fragment.selectionSet, seen));
      }
    }
  }
  return fields;
}

/** "20 per minute from one address", "10 per hour from one address". */
function describeLimit(decision: RateDecision, per = 'from one address'): string {
  return decision.perHour !== undefined
    ? `${decision.perHour} per hour ${per}`
    : `${decision.perMinute} per minute ${per}`;
}

/** The GraphQL error of a refused request: code RATE_LIMITED, HTTP 429 with Retry-After. */
export function rateLimited(
  field: string,
  decision: RateDecision,
  per = 'from one address',
): GraphQLError {
  const seconds = Math.max(1, decision.retryAfterSeconds);
  return new GraphQLError(
    `Too many requests: '${field}' is limited to ${describeLimit(decision, per)}. Retry in ${seconds} s.`,
    {
      extensions: {
        code: 'RATE_LIMITED',
        retryAfterSeconds: seconds,
        http: { status: 429, headers: new HeaderMap([['retry-after', String(seconds)]]) },
      },
    },
  );
}

function stringArgument(
  field: FieldNode,
  name: string,
  variables: Record<string, unknown> | undefined,
): string {
  const value = field.arguments?.find((a) => a.name.value === name)?.value;
  if (value?.kind === Kind.STRING) return value.value;
  const variable = value?.kind === Kind.VARIABLE ? variables?.[value.name.value] : undefined;
  return typeof variable === 'string' ? variable : '';
}

/** The string at `path` inside the field's arguments (variables resolved), or ''. */
function argumentAt(
  field: FieldNode,
  path: readonly string[],
  variables: Record<string, unknown> | undefined,
): string {
  const [name, ...rest] = path;
  const node = field.arguments?.find((a) => a.name.value === name)?.value;
  let value: unknown = node ? valueFromASTUntyped(node, variables) : undefined;
  for (const key of rest) {
    value =
      typeof value === 'object' && value !== null
        ? (value as Record<string, unknown>)[key]
        : undefined;
  }
  return typeof value === 'string' ? value : '';
}

/** Reads a login result without knowing its classes: success has a token, failure its code. */
function loginOutcome(result: unknown): 'success' | 'failure' | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  if ('accessToken' in result) return 'success';
  if ('errorCode' in result && result.errorCode === 'INVALID_CREDENTIALS') return 'failure';
  return undefined;
}

/**
 * Counts every rate-limited root field of an operation against the client
 * address before anything executes, and slows down logins after failures.
 * The fields and limits come from the {@link RateLimiter}'s table, so fields
 * added later are limited as soon as they exist.
 */
@Plugin()
export class RateLimitPlugin implements ApolloServerPlugin<HttpContext> {
  constructor(@Inject(RateLimiter) private readonly limiter: RateLimiter) {}

  async requestDidStart(): Promise<GraphQLRequestListener<HttpContext>> {
    const limiter = this.limiter;
    // per-field hooks cost time on every field, so they are added only for logins
    let watchLogin = false;
    // the outcomes of logins, written to the shared store before the answer leaves
    const recorded: Promise<void>[] = [];
    return {
      async didResolveOperation(context: GraphQLRequestContext<HttpContext>) {
        const address = context.contextValue.req?.ip;
        const operation = context.operation;
        if (!operation || !context.document) return;
        let delay = 0;
        for (const field of rootFields(context.document, operation.selectionSet)) {
          const name = field.name.value;
          const limit = limiter.limitOfField(name);
          if (limit === undefined) continue;
          const decision = await limiter.take(limit, address);
          if (!decision.allowed) {
            // no client address in the log: it is personal data, and the request id suffices
            context.contextValue.req?.log?.warn({ limit, field: name }, 'rate limit reached');
            throw rateLimited(name, decision);
          }
          const byArgument = Object.hasOwn(ARGUMENT_LIMITED_FIELDS, name)
            ? ARGUMENT_LIMITED_FIELDS[name]
            : undefined;
          if (byArgument) {
            const value = argumentAt(field, byArgument.path, context.request.variables);
            const keyed = await limiter.takeKey(byArgument.limit, byArgument.key(value));
            if (!keyed.allowed) {
              context.contextValue.req?.log?.warn(
                { limit: byArgument.limit, field: name },
                'rate limit reached',
              );
              throw rateLimited(name, keyed, byArgument.per);
            }
          }
          // the back-off belongs to the login limit: switching that off (0) switches off both
          if (name === LOGIN_FIELD.name && decision.perMinute > 0) {
            watchLogin = true;
            const email = stringArgument(
              field,
              LOGIN_FIELD.emailArgument,
              context.request.variables,
            );
            delay = Math.max(delay, await limiter.loginDelayMs(address, email));
          }
        }
        if (delay > 0) await limiter.wait(delay);
      },
      async executionDidStart(context) {
        if (!watchLogin) return;
        const address = context.contextValue.req?.ip;
        return {
          willResolveField({ info, args }) {
            if (
              info.fieldName !== LOGIN_FIELD.name ||
              info.parentType !== info.schema.getMutationType()
            ) {
              return;
            }
            const email = String(
              (args as Record<string, unknown>)[LOGIN_FIELD.emailArgument] ?? '',
            );
            return (error, result) => {
              const outcome = error ? undefined : loginOutcome(result);
              if (outcome === 'failure') recorded.push(limiter.recordLoginFailure(address, email));
              if (outcome === 'success') recorded.push(limiter.recordLoginSuccess(address, email));
            };
          },
        };
      },
      async willSendResponse(context) {
        if (recorded.length === 0) return;
        for (const outcome of await Promise.allSettled(recorded)) {
          if (outcome.status === 'rejected') {
            context.contextValue.req?.log?.warn({}, 'login outcome not recorded');
          }
        }
      },
    };
  }
}
