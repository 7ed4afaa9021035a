import { type DynamicModule, Module } from '@nestjs/common';

/** Injection token of the connection URL the app runs on (configured or embedded). */
export const DATABASE_URL = Symbol('DATABASE_URL');

@Module({})
export class DatabaseUrlModule {
  static forRoot(url: string): DynamicModule {
    return {
      module: DatabaseUrlModule,
      global: true,
      providers: [{ provide: DATABASE_URL, useValue: url }],
      exports: [DATABASE_URL],
    };
  }
}
