import { expect } from '@jest/globals';
import { TEST_ORGANIZER, type TestApp } from '../harness/index.js';

const LOGIN = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    __typename
    ... on LoginSuccess { accessToken organizer { id email name isAdmin } }
    ... on InvalidCredentialsError { errorCode message }
  }
}`;

/** Logs in and returns the access token; fails the test on bad credentials. */
export async function login(
  t: TestApp,
  email = TEST_ORGANIZER.email,
  password = TEST_ORGANIZER.password,
): Promise<string> {
  const data = await t.data<{ login: { __typename: string; accessToken?: string } }>(LOGIN, {
    email,
    password,
  });
  expect(data.login.__typename).toBe('LoginSuccess');
  return data.login.accessToken!;
}

export const LOGIN_MUTATION = LOGIN;

let counter = 0;

/** A second, non-admin organizer created by the configured admin; returns its token and id. */
export async function createOrganizer(
  t: TestApp,
  adminToken: string,
  isAdmin = false,
): Promise<{ token: string; id: string; email: string }> {
  counter += 1;
  const email = `orga${counter}-${Date.now()}@other.example`;
  const password = 'another good password';
  const data = await t.data<{ createOrganizer: { id: string } }>(
    `mutation($email: String!, $isAdmin: Boolean) {
      createOrganizer(email: $email, name: "Other Organizer", password: "${password}", isAdmin: $isAdmin) { id }
    }`,
    { email, isAdmin },
    { token: adminToken },
  );
  return { token: await login(t, email, password), id: data.createOrganizer.id, email };
}
