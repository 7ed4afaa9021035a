import type { CombinedError } from 'urql';
import type { FieldErrors } from '../components/FormParts';
import type { Messages } from '../messages/de';

type ApiError = CombinedError['graphQLErrors'][number];
type Refusals = Messages['admin']['agenda']['refusals'];
// each wording takes its own rule's values; the API sends the values of the rule it names
type Wording = (params: never) => string;

/**
 * An API error in the console's words: the API names the broken rule
 * (`extensions.messageKey`, its values in `messageParams`); its own message
 * speaks of input fields (`capacity`, `endsAt`), which organizers never see.
 * Rules the console has no words for keep the API's message (in the reader's language).
 */
export function organizerMessage(error: ApiError, refusals: Refusals): string {
  const key = error.extensions?.messageKey;
  const params = error.extensions?.messageParams;
  const words =
    typeof key === 'string' ? (refusals as Record<string, Wording | undefined>)[key] : undefined;
  return words && typeof params === 'object' && params !== null
    ? words(params as never)
    : error.message;
}

/**
 * The API's refusal as field errors: `extensions.field` names the input field,
 * and `fields` maps it onto the form's own keys (unknown ones go to the form).
 */
export function refusal(
  error: CombinedError | undefined,
  refusals: Refusals,
  fallback: string,
  fields: readonly string[],
): FieldErrors {
  const first = error?.graphQLErrors[0];
  if (!first) return { form: fallback };
  const field = first.extensions?.field;
  const head = Array.isArray(field) ? String(field[0]) : 'form';
  return { [fields.includes(head) ? head : 'form']: organizerMessage(first, refusals) };
}
