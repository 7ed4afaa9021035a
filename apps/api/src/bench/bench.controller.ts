import { Controller, Get, HttpCode, Post, Put, Req, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Request, Response } from 'express';
import { PublicReadCache } from '../graphql/public-read-cache.js';

/**
 * The benchmark's yardstick (`BENCH_ENDPOINTS=true` only): answers a POST with
 * JSON kept in memory, through the same HTTP stack as /graphql, so the
 * benchmark can compare the agenda query with the framework's ceiling.
 */
@Controller('bench')
export class BenchController {
  private body: Buffer = Buffer.from('{}');

  constructor(private readonly modules: ModuleRef) {}

  /** What the public read cache holds, and this process' memory (for `npm run bench:cache-flood`). */
  @Get('read-cache')
  readCache(): Record<string, number> {
    const { store } = this.modules.get(PublicReadCache, { strict: false });
    const memory = process.memoryUsage();
    return {
      bytes: store.bytes,
      entries: store.size,
      maxBytes: store.maxBytes,
      maxEntryBytes: store.maxEntryBytes,
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      external: memory.external,
    };
  }

  @Put('static')
  @HttpCode(204)
  async store(@Req() req: Request): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    this.body = Buffer.concat(chunks);
  }

  @Post('static')
  async serve(@Req() req: Request, @Res() res: Response): Promise<void> {
    for await (const _chunk of req) {
      // read the request body as /graphql does, then ignore it
    }
    res.status(200).type('application/json').send(this.body);
  }
}
