import {
  IsISO8601,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Min,
} from 'class-validator';

/** A full instant: date, time and zone. A bare date is valid ISO-8601 but not when something happened. */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * What travels on the wire: the envelope fields and the payload under `data`. The envelope id is also the
 * `Nats-Msg-Id` header, so JetStream drops a re-publish of the same event inside its duplicate window.
 */
export interface EventEnvelope<P = unknown> {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  producer: string;
  correlationId: string;
  causationId: string | null;
  data: P;
}

export class EventEnvelopeSchema {
  @IsUUID()
  id: string;

  @IsString()
  @IsNotEmpty()
  type: string;

  @IsInt()
  @Min(1)
  version: number;

  @IsISO8601({ strict: true })
  @Matches(ISO_INSTANT, { message: 'occurredAt must be an ISO-8601 date-time with a zone' })
  occurredAt: string;

  @IsString()
  @IsNotEmpty()
  producer: string;

  @IsString()
  @IsNotEmpty()
  correlationId: string;

  @IsOptional()
  @IsString()
  causationId: string | null;

  @IsObject()
  data: object;
}

/** Header names mirroring the envelope, so tools can route and trace without parsing bodies. */
export const HEADERS = {
  msgId: 'Nats-Msg-Id',
  type: 'Mp-Type',
  version: 'Mp-Version',
  producer: 'Mp-Producer',
  correlationId: 'Mp-Correlation-Id',
  causationId: 'Mp-Causation-Id',
  occurredAt: 'Mp-Occurred-At',
  dlqReason: 'Mp-Dlq-Reason',
  dlqSubject: 'Mp-Dlq-Original-Subject',
  dlqStream: 'Mp-Dlq-Original-Stream',
  dlqStreamSeq: 'Mp-Dlq-Original-Seq',
  dlqConsumer: 'Mp-Dlq-Consumer',
  dlqDeliveryCount: 'Mp-Dlq-Delivery-Count',
  dlqFailedAt: 'Mp-Dlq-Failed-At',
} as const;
