import { describe, expect, it } from '@jest/globals';
import { parse, type OperationDefinitionNode } from 'graphql';
import { eventTarget } from './public-read-cache.js';

const op = (source: string) => parse(source).definitions[0] as OperationDefinitionNode;
const ID = '6f1c7a9e-2b1d-4c3e-9f00-123456789abc';

describe('eventTarget', () => {
  it('recognises a single event(slug|id) query, literal or variable', () => {
    expect(eventTarget(op('{ event(slug: "forum") { id } }'), {})).toEqual({
      column: 'slug',
      value: 'forum',
    });
    expect(eventTarget(op('query($s: String) { e: event(slug: $s) { id } }'), { s: 'x' })).toEqual({
      column: 'slug',
      value: 'x',
    });
    expect(eventTarget(op(`{ event(id: "${ID}") { id } }`), {})).toEqual({
      column: 'id',
      value: ID,
    });
  });

  it('leaves everything else alone', () => {
    expect(eventTarget(op('{ event(slug: "a") { id } viewer { id } }'), {})).toBeNull();
    expect(eventTarget(op('{ events { totalCount } }'), {})).toBeNull();
    expect(eventTarget(op('{ event(id: "not-a-uuid") { id } }'), {})).toBeNull();
    expect(eventTarget(op('{ event(slug: "a", id: "b") { id } }'), {})).toBeNull();
    expect(eventTarget(op('{ event(slug: "a") @include(if: true) { id } }'), {})).toBeNull();
    expect(eventTarget(op('query($s: String) { event(slug: $s) { id } }'), {})).toBeNull();
    expect(eventTarget(op('mutation { event(slug: "a") { id } }'), {})).toBeNull();
    expect(eventTarget(op('{ ... on Query { event(slug: "a") { id } } }'), {})).toBeNull();
  });
});
