import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { BUILD_SCHEMA_OPTIONS, RESOLVERS } from './graphql/schema-parts.js';

/** Writes the generated schema (sorted) to schema.graphql or the path given. */
async function main(): Promise<void> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(RESOLVERS, BUILD_SCHEMA_OPTIONS);
  const target = resolve(process.argv[2] ?? 'schema.graphql');
  writeFileSync(target, printSchema(lexicographicSortSchema(schema)) + '\n');
  await app.close();
  process.stdout.write(`schema written to ${target}\n`);
}

void main();
