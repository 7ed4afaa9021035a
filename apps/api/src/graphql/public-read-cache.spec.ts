import { describe, expect, it } from '@jest/globals';
import { parse, type OperationDefinitionNode } from 'graphql';
import {
  ByteBoundedStore,
  cacheKey,
  ENTRY_OVERHEAD_BYTES,
  eventTarget,
} from './public-read-cache.js';

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
    expect(
      eventTarget(op('query($s: String) { event(slug: $s) { id } }'), { s: 'a\u0000' }),
    ).toBeNull();
    expect(eventTarget(op('{ ... on Query { event(slug: "a") { id } } }'), {})).toBeNull();
  });
});

describe('cacheKey', () => {
  const key = (source: string, variables?: Record<string, unknown>, name?: string) => {
    const document = parse(source);
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode =>
        d.kind === 'OperationDefinition' && (name === undefined || d.name?.value === name),
    )!;
    return cacheKey(document, operation, variables);
  };
  const AGENDA = 'query A($slug: String!) { event(slug: $slug) { title } }';

  it('ignores variables the operation does not declare', () => {
    const base = key(AGENDA, { slug: 'forum' });
    for (let i = 0; i < 100; i++) {
      expect(key(AGENDA, { slug: 'forum', [`junk${i}`]: 'x'.repeat(i), junk: { i } })).toBe(base);
    }
  });

  it('ignores layout, comments, the operation name and other operations of the document', () => {
    const base = key(AGENDA, { slug: 'forum' });
    expect(
      key('# hi\nquery B ( $slug :String! ){event(slug:$slug){ title }}', { slug: 'forum' }),
    ).toBe(base);
    expect(key(`${AGENDA} query Other { events { totalCount } }`, { slug: 'forum' }, 'A')).toBe(
      base,
    );
  });

  it('tells apart what changes the answer: declared values, fields, used fragments', () => {
    const base = key(AGENDA, { slug: 'forum' });
    expect(key(AGENDA, { slug: 'other' })).not.toBe(base);
    expect(
      key('query A($slug: String!) { event(slug: $slug) { id } }', { slug: 'forum' }),
    ).not.toBe(base);
    const withFragment = (fields: string) =>
      key(
        `query A($slug: String!) { event(slug: $slug) { ...F } } fragment F on Event { ${fields} }`,
        {
          slug: 'forum',
        },
      );
    expect(withFragment('title')).not.toBe(withFragment('id'));
    // key order inside a declared value does not matter
    const input = 'query A($f: EventFilter) { event(slug: "forum") { title } }';
    expect(key(input, { f: { a: 1, b: 2 } })).toBe(key(input, { f: { b: 2, a: 1 } }));
  });
});

describe('ByteBoundedStore', () => {
  const json = (n: number) => Buffer.alloc(n - ENTRY_OVERHEAD_BYTES, 'x');

  it('never holds more bytes than its bound, however many answers arrive', () => {
    const store = new ByteBoundedStore(100_000, 10_000);
    let peak = 0;
    for (let i = 0; i < 10_000; i++) {
      store.set(`k${i}`, 'f', Infinity, json(1000 + (i % 9) * 1000));
      peak = Math.max(peak, store.bytes);
    }
    expect(peak).toBeLessThanOrEqual(100_000);
    expect(store.size).toBeGreaterThan(10);
    // the newest entries are the ones kept
    expect(store.get('k9999', 'f', 0)).toBeDefined();
    expect(store.get('k0', 'f', 0)).toBeUndefined();
  });

  it('evicts the least recently used entry first', () => {
    const store = new ByteBoundedStore(3000, 1000);
    for (const k of ['a', 'b', 'c']) store.set(k, 'f', Infinity, json(1000));
    expect(store.get('a', 'f', 0)).toBeDefined();
    store.set('d', 'f', Infinity, json(1000));
    expect(store.has('a', 'f')).toBe(true);
    expect(store.has('b', 'f')).toBe(false);
    expect([store.size, store.bytes]).toEqual([3, 3000]);
  });

  it('does not keep an answer larger than the per-entry bound (the default: an eighth)', () => {
    const store = new ByteBoundedStore(8000);
    expect(store.maxEntryBytes).toBe(1000);
    expect(store.set('small', 'f', Infinity, json(1000))).toBe(true);
    expect(store.set('big', 'f', Infinity, json(1001))).toBe(false);
    expect([store.size, store.bytes]).toEqual([1, 1000]);
    // replacing a key with a too-large answer drops the old one
    expect(store.set('small', 'g', Infinity, json(5000))).toBe(false);
    expect([store.size, store.bytes]).toEqual([0, 0]);
  });

  it('answers only under the same fingerprint and before the expiry, and frees the rest', () => {
    const store = new ByteBoundedStore(10_000);
    store.set('k', 'f1', 500, json(1000));
    expect(store.get('k', 'f1', 499)).toBeDefined();
    expect(store.get('k', 'f1', 500)).toBeUndefined();
    expect(store.bytes).toBe(0);
    store.set('k', 'f1', Infinity, json(1000));
    expect(store.get('k', 'f2', 0)).toBeUndefined();
    expect(store.bytes).toBe(0);
  });
});
