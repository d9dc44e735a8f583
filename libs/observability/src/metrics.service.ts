import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The service's Prometheus registry. One registry per application (not prom-client's global one), so two
 * instances of a service can live in one process, as they do in the replica tests.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly eventsPublished = new Counter({
    name: 'marketpulse_events_published_total',
    help: 'Events published to JetStream, by subject',
    labelNames: ['subject'],
    registers: [this.registry],
  });
  readonly eventsConsumed = new Counter({
    name: 'marketpulse_events_consumed_total',
    help: 'Events handled, by subject, consumer and outcome (ok, duplicate, skipped, retry, dead_lettered)',
    labelNames: ['subject', 'consumer', 'outcome'],
    registers: [this.registry],
  });
  readonly eventsFailed = new Counter({
    name: 'marketpulse_events_failed_total',
    help: 'Handler failures (each attempt), by subject and consumer',
    labelNames: ['subject', 'consumer'],
    registers: [this.registry],
  });
  readonly eventsDeadLettered = new Counter({
    name: 'marketpulse_events_dead_lettered_total',
    help: 'Events parked in the DLQ stream, by original subject, consumer and reason kind',
    labelNames: ['subject', 'consumer', 'reason'],
    registers: [this.registry],
  });
  readonly handlerDuration = new Histogram({
    name: 'marketpulse_handler_duration_seconds',
    help: 'Time from receipt to ack of an event, by consumer',
    labelNames: ['consumer'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly outboxPending = new Histogram({
    name: 'marketpulse_outbox_batch_size',
    help: 'Rows published per outbox relay batch',
    buckets: [1, 5, 10, 50, 100, 250, 500, 1000],
    registers: [this.registry],
  });
  readonly outboxPublishFailures = new Counter({
    name: 'marketpulse_outbox_publish_failures_total',
    help: 'Outbox relay batches that could not be published (rows stay pending)',
    registers: [this.registry],
  });
  readonly httpRequests = new Histogram({
    name: 'marketpulse_http_request_duration_seconds',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
