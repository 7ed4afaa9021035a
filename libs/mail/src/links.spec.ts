import { describe, expect, it } from '@jest/globals';
import { eventUrl, manageUrl } from './links.js';

describe('links into the web app', () => {
  it('puts the manage token into the fragment, encoded', () => {
    expect(manageUrl('http://localhost:3000', 'abc-_DEF')).toBe(
      'http://localhost:3000/verwalten#abc-_DEF',
    );
    expect(manageUrl('https://fachtag.example/', 'a b/c#d')).toBe(
      'https://fachtag.example/verwalten#a%20b%2Fc%23d',
    );
  });

  it('links an event page by its slug, encoded', () => {
    expect(eventUrl('http://localhost:3000', 'transferforum-koeln-2027')).toBe(
      'http://localhost:3000/e/transferforum-koeln-2027',
    );
    expect(eventUrl('https://fachtag.example//', 'a/b?c')).toBe(
      'https://fachtag.example/e/a%2Fb%3Fc',
    );
  });
});
