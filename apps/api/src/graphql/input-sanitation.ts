import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import { unstorableText } from '@fachtag/common';

/** A string argument value with a character that cannot be stored, and where it sits. */
export interface UnstorableInput {
  /** Argument name, then input fields and list indexes: `["input", "participant", "email"]`. */
  field: string[];
  problem: string;
}

type Variables = Readonly<Record<string, unknown>> | undefined;

function checkJson(value: unknown, field: string[]): UnstorableInput | null {
  if (typeof value === 'string') {
    const problem = unstorableText(value);
    return problem ? { field, problem } : null;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = checkJson(item, [...field, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = checkJson(item, [...field, key]);
      if (found) return found;
    }
  }
  return null;
}

function checkValue(
  node: ValueNode,
  field: string[],
  variables: Variables,
): UnstorableInput | null {
  switch (node.kind) {
    case Kind.STRING: {
      const problem = unstorableText(node.value);
      return problem ? { field, problem } : null;
    }
    case Kind.VARIABLE:
      return checkJson(variables?.[node.name.value], field);
    case Kind.LIST:
      for (const [i, item] of node.values.entries()) {
        const found = checkValue(item, [...field, String(i)], variables);
        if (found) return found;
      }
      return null;
    case Kind.OBJECT:
      for (const item of node.fields) {
        const found = checkValue(item.value, [...field, item.name.value], variables);
        if (found) return found;
      }
      return null;
    default:
      return null;
  }
}

/**
 * The first string that an operation would hand to a resolver and that
 * PostgreSQL cannot store as sent: literal arguments, variables where they are
 * used (in arguments of fields and directives, in the operation and its
 * fragments) and variable defaults. Strings of every type count (String, ID,
 * DateTime, …): each may reach a query.
 */
export function findUnstorableInput(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
): UnstorableInput | null {
  let found: UnstorableInput | null = null;
  const inspect = (nodes: readonly ArgumentNode[] | undefined) => {
    for (const argument of nodes ?? []) {
      found ??= checkValue(argument.value, [argument.name.value], variables);
    }
  };
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) {
      found ??= checkValue(definition.defaultValue, [definition.variable.name.value], undefined);
    }
  }
  const visitor = {
    Field: { enter: (node: { arguments?: readonly ArgumentNode[] }) => inspect(node.arguments) },
    Directive: {
      enter: (node: { arguments?: readonly ArgumentNode[] }) => inspect(node.arguments),
    },
  };
  visit(operation, visitor);
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
  }
  return found;
}

/** The refusal: a client error (HTTP 400) with the path of the offending argument. */
export function unstorableInputError(found: UnstorableInput): GraphQLError {
  return new GraphQLError(
    `${found.field.join('.')} contains ${found.problem}, which no text may contain.`,
    { extensions: { code: 'BAD_USER_INPUT', field: found.field, http: { status: 400 } } },
  );
}

/**
 * One sanitation of all GraphQL input, before any resolver runs: strings that
 * PostgreSQL cannot hold (NUL, unpaired surrogates) are refused with
 * `BAD_USER_INPUT` wherever they sit, so no field, present or future, can pass
 * them to a query and fail with a server error.
 */
export const inputSanitationPlugin: ApolloServerPlugin = {
  async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
    return {
      async didResolveOperation({ document, operation, request }) {
        if (!operation) return;
        const found = findUnstorableInput(document, operation, request.variables);
        if (found) throw unstorableInputError(found);
      },
    };
  },
};
