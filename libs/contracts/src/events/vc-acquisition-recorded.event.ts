import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsDecimalString } from '../decimal-string';
import { defineEvent } from '../event-contract';

export const ACQUISITION_STATUSES = ['announced', 'completed', 'terminated'] as const;
export type AcquisitionStatus = (typeof ACQUISITION_STATUSES)[number];

/** An acquisition that is new to the VC service or whose terms or status changed. */
export class VcAcquisitionRecordedV1 {
  /** Natural key: target and announcement date, e.g. `quanta-bio/2026-02-03`. */
  @IsString()
  @Length(1, 200)
  acquisitionId: string;

  @IsString()
  @Length(1, 200)
  acquirer: string;

  @IsString()
  @Length(1, 100)
  targetCompanyId: string;

  @IsString()
  @Length(1, 200)
  targetName: string;

  /** Absent when the price was not disclosed. */
  @IsOptional()
  @IsDecimalString({ positive: true })
  price?: string;

  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' })
  currency?: string;

  @IsISO8601({ strict: true })
  announcedOn: string;

  @IsIn(ACQUISITION_STATUSES)
  status: AcquisitionStatus;

  @IsIn(['created', 'changed'])
  change: 'created' | 'changed';

  @IsString()
  source: string;
}

export const VcAcquisitionRecorded = defineEvent<VcAcquisitionRecordedV1>({
  type: 'vc.acquisition.recorded',
  version: 1,
  stream: 'VC',
  subjectPattern: 'vc.acquisition.recorded',
  subject: () => 'vc.acquisition.recorded',
  payload: VcAcquisitionRecordedV1,
  summary: 'An acquisition was recorded (new) or its terms or status changed.',
  example: {
    acquisitionId: 'quanta-bio/2026-02-03',
    acquirer: 'Globex Pharma',
    targetCompanyId: 'quanta-bio',
    targetName: 'Quanta Bio',
    price: '420000000.00',
    currency: 'USD',
    announcedOn: '2026-02-03',
    status: 'completed',
    change: 'created',
    source: 'bundled',
  },
});
