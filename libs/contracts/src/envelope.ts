import { IsISO8601, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Min } from 'class-validator';

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
