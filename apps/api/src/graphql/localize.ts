import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { acceptedLocale, render, type Locale, type Msg } from '@fachtag/common';

/**
 * Errors are built where the reader's language is unknown (exception filter,
 * `formatError`); they carry their text as a function of the language under this
 * key, and {@link localizeErrorsPlugin} applies it per request. A symbol, so it
 * never reaches the JSON answer even if something skipped the plugin.
 */
export const LOCALIZE = Symbol('localize');

type Localizer = (locale: Locale) => string;
type Localizable = { [LOCALIZE]?: Localizer };

/** An extensions fragment whose message the plugin renders in the reader's language. */
export function localized(text: Msg | Localizer): { [LOCALIZE]: Localizer } {
  return { [LOCALIZE]: typeof text === 'function' ? text : (locale) => render(text, locale) };
}

/**
 * The language of thrown errors: the request's `Accept-Language` when it names
 * German or English, else English (the API's language for clients that ask for
 * none). Texts about one event (agenda warnings, capacity hints) follow the
 * event's language instead.
 */
export function errorLocale(acceptLanguage: string | null | undefined): Locale {
  return acceptedLocale(acceptLanguage) ?? 'en';
}

function localizeObject<T extends { message?: unknown }>(item: T, locale: Locale): T {
  const localize = (item as Localizable)[LOCALIZE];
  return localize ? { ...item, message: localize(locale) } : item;
}

/** `error` with its message (and its problems' messages) in `locale`. */
export function localizeError(error: GraphQLFormattedError, locale: Locale): GraphQLFormattedError {
  const extensions = error.extensions as (Localizable & Record<string, unknown>) | undefined;
  const localize = extensions?.[LOCALIZE];
  if (!extensions || !localize) return error;
  const problems = Array.isArray(extensions.problems)
    ? (extensions.problems as Array<{ message?: unknown }>).map((p) => localizeObject(p, locale))
    : undefined;
  return {
    ...error,
    message: localize(locale),
    extensions: { ...extensions, ...(problems ? { problems } : {}) },
  };
}

/** Renders every localizable error of an answer in the request's language. */
export const localizeErrorsPlugin: ApolloServerPlugin = {
  async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
    return {
      async willSendResponse({ request, response }) {
        if (response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        if (!result.errors?.length) return;
        const locale = errorLocale(request.http?.headers.get('accept-language'));
        result.errors = result.errors.map((e) => localizeError(e, locale));
      },
    };
  },
};
