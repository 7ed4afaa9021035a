/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query WebEventList($after: String) {\n    events(first: 50, after: $after) {\n      edges {\n        node {\n          id\n          slug\n          title\n          subtitle\n          startsAt\n          endsAt\n          timeZone\n          language\n          status\n          isRegistrationOpen\n          registrationClosesAt\n          venue {\n            name\n            city\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.WebEventListDocument,
    "\n  query WebEventPage($slug: String!) {\n    event(slug: $slug) {\n      id\n      slug\n      title\n      subtitle\n      description\n      startsAt\n      endsAt\n      timeZone\n      language\n      status\n      costNote\n      organizerName\n      contactEmail\n      capacity\n      seatsLeft\n      capacityStatus\n      waitlistEnabled\n      waitlistCount\n      isRegistrationOpen\n      registrationOpensAt\n      registrationClosesAt\n      calendarUrl\n      venue {\n        name\n        street\n        postalCode\n        city\n        country\n      }\n      agenda {\n        id\n        kind\n        title\n        subtitle\n        description\n        startsAt\n        endsAt\n        room\n        speakers {\n          name\n          affiliation\n        }\n        workshops {\n          id\n          number\n          title\n          subtitle\n          description\n          room\n          capacity\n          seatsLeft\n          capacityStatus\n          capacityWarning\n          hosts {\n            name\n            affiliation\n          }\n        }\n      }\n    }\n  }\n": typeof types.WebEventPageDocument,
};
const documents: Documents = {
    "\n  query WebEventList($after: String) {\n    events(first: 50, after: $after) {\n      edges {\n        node {\n          id\n          slug\n          title\n          subtitle\n          startsAt\n          endsAt\n          timeZone\n          language\n          status\n          isRegistrationOpen\n          registrationClosesAt\n          venue {\n            name\n            city\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.WebEventListDocument,
    "\n  query WebEventPage($slug: String!) {\n    event(slug: $slug) {\n      id\n      slug\n      title\n      subtitle\n      description\n      startsAt\n      endsAt\n      timeZone\n      language\n      status\n      costNote\n      organizerName\n      contactEmail\n      capacity\n      seatsLeft\n      capacityStatus\n      waitlistEnabled\n      waitlistCount\n      isRegistrationOpen\n      registrationOpensAt\n      registrationClosesAt\n      calendarUrl\n      venue {\n        name\n        street\n        postalCode\n        city\n        country\n      }\n      agenda {\n        id\n        kind\n        title\n        subtitle\n        description\n        startsAt\n        endsAt\n        room\n        speakers {\n          name\n          affiliation\n        }\n        workshops {\n          id\n          number\n          title\n          subtitle\n          description\n          room\n          capacity\n          seatsLeft\n          capacityStatus\n          capacityWarning\n          hosts {\n            name\n            affiliation\n          }\n        }\n      }\n    }\n  }\n": types.WebEventPageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebEventList($after: String) {\n    events(first: 50, after: $after) {\n      edges {\n        node {\n          id\n          slug\n          title\n          subtitle\n          startsAt\n          endsAt\n          timeZone\n          language\n          status\n          isRegistrationOpen\n          registrationClosesAt\n          venue {\n            name\n            city\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebEventList($after: String) {\n    events(first: 50, after: $after) {\n      edges {\n        node {\n          id\n          slug\n          title\n          subtitle\n          startsAt\n          endsAt\n          timeZone\n          language\n          status\n          isRegistrationOpen\n          registrationClosesAt\n          venue {\n            name\n            city\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebEventPage($slug: String!) {\n    event(slug: $slug) {\n      id\n      slug\n      title\n      subtitle\n      description\n      startsAt\n      endsAt\n      timeZone\n      language\n      status\n      costNote\n      organizerName\n      contactEmail\n      capacity\n      seatsLeft\n      capacityStatus\n      waitlistEnabled\n      waitlistCount\n      isRegistrationOpen\n      registrationOpensAt\n      registrationClosesAt\n      calendarUrl\n      venue {\n        name\n        street\n        postalCode\n        city\n        country\n      }\n      agenda {\n        id\n        kind\n        title\n        subtitle\n        description\n        startsAt\n        endsAt\n        room\n        speakers {\n          name\n          affiliation\n        }\n        workshops {\n          id\n          number\n          title\n          subtitle\n          description\n          room\n          capacity\n          seatsLeft\n          capacityStatus\n          capacityWarning\n          hosts {\n            name\n            affiliation\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebEventPage($slug: String!) {\n    event(slug: $slug) {\n      id\n      slug\n      title\n      subtitle\n      description\n      startsAt\n      endsAt\n      timeZone\n      language\n      status\n      costNote\n      organizerName\n      contactEmail\n      capacity\n      seatsLeft\n      capacityStatus\n      waitlistEnabled\n      waitlistCount\n      isRegistrationOpen\n      registrationOpensAt\n      registrationClosesAt\n      calendarUrl\n      venue {\n        name\n        street\n        postalCode\n        city\n        country\n      }\n      agenda {\n        id\n        kind\n        title\n        subtitle\n        description\n        startsAt\n        endsAt\n        room\n        speakers {\n          name\n          affiliation\n        }\n        workshops {\n          id\n          number\n          title\n          subtitle\n          description\n          room\n          capacity\n          seatsLeft\n          capacityStatus\n          capacityWarning\n          hosts {\n            name\n            affiliation\n          }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;