import { Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { JobCounts } from '@marketpulse/messaging';
import type { AddressInfo } from 'node:net';
import { decodeBody } from '../feeds/decode-body';
import { parseFeed } from '../feeds/feed-parser';
import { FeedFetcher } from '../fetching/feed-fetcher';
import { HostPoliteness, mapWithConcurrency } from '../fetching/host-politeness';
import { NewsConfig } from '../news.config';
import { nextDueAfterFailure, nextDueAfterSuccess } from '../sources/source-schedule';
import type { SourceRow } from '../sources/source';
import { SourcesRepository } from '../sources/sources.repository';
import { Tagger } from '../tagging/tagger';
import { TaggingRulesRepository } from '../tagging/tagging-rules.repository';
import { prepareItem, type PreparedItem } from './prepared-item';
import { StoryIngester } from './story-ingester';

/** Sources one run takes at most; the rest are due at the next run. */
const MAX_SOURCES_PER_RUN = 5000;

interface SourceCounts {
  fetched: number;
  new: number;
  duplicate: number;
  grouped: number;
  rejected: number;
  failed: number;
  notModified: number;
}

const ZERO: SourceCounts = {
  fetched: 0,
  new: 0,
  duplicate: 0,
  grouped: 0,
  rejected: 0,
  failed: 0,
  notModified: 0,
};

/**
 * One run of the fetch job: the due sources, in parallel under a concurrency limit and per-host
 * politeness; each source succeeds or fails on its own and its status says how it went.
 */
@Injectable()
export class NewsFetchService {
  private readonly logger = new Logger(NewsFetchService.name);
  private readonly fetcher: FeedFetcher;
  private readonly politeness: HostPoliteness;

  constructor(
    private readonly sources: SourcesRepository,
    private readonly rules: TaggingRulesRepository,
    private readonly ingester: StoryIngester,
    private readonly config: NewsConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    this.fetcher = new FeedFetcher({
      timeoutMs: config.NEWS_FETCH_TIMEOUT_MS,
      maxBytes: config.NEWS_MAX_FEED_BYTES,
      maxRedirects: config.NEWS_MAX_REDIRECTS,
      userAgent: config.NEWS_USER_AGENT,
    });
    this.politeness = new HostPoliteness(config.NEWS_HOST_MIN_GAP_MS);
  }

  async fetchDue(now: Date): Promise<JobCounts> {
    // Long enough for every claimed source to finish; the outcome then sets the real next due time.
    const leaseMs = Math.max(10 * 60 * 1000, this.config.NEWS_FETCH_TIMEOUT_MS * 4);
    const due = await this.sources.claimDue(now, leaseMs, MAX_SOURCES_PER_RUN);
    const tagger = new Tagger(await this.rules.enabled());
    const results = await mapWithConcurrency(due, this.config.NEWS_FETCH_CONCURRENCY, (source) =>
      this.fetchSource(source, tagger),
    );
    const total = results.reduce(
      (sum, counts) => {
        for (const key of Object.keys(sum) as (keyof SourceCounts)[]) sum[key] += counts[key];
        return sum;
      },
      { ...ZERO },
    );
    return { sources: due.length, ...total };
  }

  private async fetchSource(source: SourceRow, tagger: Tagger): Promise<SourceCounts> {
    let feedUrl = source.url;
    try {
      feedUrl = this.resolve(source.url);
      const outcome = await this.politeness.run(new URL(feedUrl).hostname, () =>
        this.fetcher.fetch(feedUrl, { etag: source.etag, lastModified: source.last_modified }),
      );
      const fetchedAt = new Date();
      if (outcome.status === 'not-modified') {
        await this.sources.recordFetch(source.id, fetchedAt, {
          status: 'not-modified',
          etag: outcome.etag,
          lastModified: outcome.lastModified,
          nextDueAt: nextDueAfterSuccess(fetchedAt, source.poll_interval_seconds, outcome),
        });
        return { ...ZERO, notModified: 1 };
      }
      const feed = parseFeed(
        source.kind,
        decodeBody(outcome.body, outcome.contentType),
        source.config.mapping,
      );
      const prepared: PreparedItem[] = [];
      let rejected = 0;
      for (const raw of feed.items) {
        const item = prepareItem(raw, {
          feedUrl: outcome.finalUrl,
          defaultCategory: source.default_category,
          tagger,
          now: fetchedAt,
        });
        if ('rejected' in item) rejected++;
        else prepared.push(item);
      }
      const counts = await this.ingester.ingest(
        { id: source.id, name: source.name, feedUrl },
        prepared,
        fetchedAt,
      );
      await this.sources.recordFetch(source.id, fetchedAt, {
        status: 'ok',
        etag: outcome.etag,
        lastModified: outcome.lastModified,
        itemCount: feed.items.length,
        nextDueAt: nextDueAfterSuccess(fetchedAt, source.poll_interval_seconds, {
          ttlSeconds: feed.ttlSeconds,
          maxAgeSeconds: outcome.maxAgeSeconds,
        }),
      });
      return { ...ZERO, fetched: feed.items.length, rejected, ...counts };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn({ msg: 'source failed', source: source.name, url: feedUrl, error: message });
      const failedAt = new Date();
      // If even this write fails (the database is gone), the run fails: that is the job's problem.
      await this.sources.recordFetch(source.id, failedAt, {
        status: 'failed',
        error: message,
        nextDueAt: nextDueAfterFailure(
          failedAt,
          source.poll_interval_seconds,
          source.consecutive_failures + 1,
          this.config.NEWS_MAX_BACKOFF_MS,
        ),
      });
      return { ...ZERO, failed: 1 };
    }
  }

  /** Source URLs that are paths (the bundled samples) are read from this service itself. */
  private resolve(url: string): string {
    if (!url.startsWith('/')) return url;
    const base = this.config.NEWS_SELF_URL ?? `http://127.0.0.1:${this.listeningPort()}`;
    return new URL(url, base).toString();
  }

  private listeningPort(): number {
    const server = this.adapterHost.httpAdapter.getHttpServer() as { address(): AddressInfo | string | null };
    const address = server.address();
    return typeof address === 'object' && address ? address.port : this.config.PORT;
  }
}
